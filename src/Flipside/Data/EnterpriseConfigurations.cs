using Flipside.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flipside.Data;

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> e)
    {
        e.HasKey(t => t.Id);
        e.Property(t => t.UserId).HasMaxLength(450);
        e.HasIndex(t => t.UserId);
        e.HasOne<FlipsideUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        e.Property(t => t.Name).HasMaxLength(ApiToken.MaxNameLength);
        e.Property(t => t.Hint).HasMaxLength(16);
        e.Property(t => t.SecretHash).HasMaxLength(64);
        e.HasIndex(t => t.SecretHash).IsUnique();
        e.Property(t => t.Scopes).HasMaxLength(200);
        e.Ignore(t => t.ScopeList);
    }
}

internal sealed class ProgramChatConfiguration : IEntityTypeConfiguration<ProgramChat>
{
    public void Configure(EntityTypeBuilder<ProgramChat> e)
    {
        e.ToTable("ProgramChats");
        e.HasKey(c => c.ProgramId);
        e.HasOne<MentoringProgram>().WithOne().HasForeignKey<ProgramChat>(c => c.ProgramId).OnDelete(DeleteBehavior.Cascade);
        // The columns keep their names, so the migration widens them in place and start-up seals what they held in clear.
        e.Property(c => c.SlackSealed).HasColumnName("SlackUrl").HasMaxLength(ProgramChat.MaxSealedLength);
        e.Property(c => c.TeamsSealed).HasColumnName("TeamsUrl").HasMaxLength(ProgramChat.MaxSealedLength);
        e.Property(c => c.SlackMasked).HasMaxLength(ProgramChat.MaxMaskedLength);
        e.Property(c => c.TeamsMasked).HasMaxLength(ProgramChat.MaxMaskedLength);
        e.Property(c => c.Announcements).HasMaxLength(200);
        e.Ignore(c => c.AnnouncementList);
        e.Ignore(c => c.Channels);
    }
}

internal sealed class ChatDeliveryConfiguration : IEntityTypeConfiguration<ChatDelivery>
{
    public void Configure(EntityTypeBuilder<ChatDelivery> e)
    {
        e.ToTable("ChatDeliveries");
        e.HasKey(d => d.Id);
        e.HasOne<MentoringProgram>().WithMany().HasForeignKey(d => d.ProgramId).OnDelete(DeleteBehavior.Cascade);
        e.Property(d => d.Channel).HasConversion<string>().HasMaxLength(16);
        e.Property(d => d.Announcement).HasConversion<string>().HasMaxLength(32);
        e.Property(d => d.CorrelationKey).HasMaxLength(200);
        // Looked up before announcing, so the same news goes once; not unique, as a failed announcement must never roll back its cause.
        e.HasIndex(d => new { d.ProgramId, d.CorrelationKey });
        e.HasIndex(d => d.NextAttemptAt);
        e.Property(d => d.LastError).HasMaxLength(1000);
        e.Property(d => d.Title).HasMaxLength(300);
        e.Property(d => d.Text).HasMaxLength(2000);
        e.Property(d => d.LinkPath).HasMaxLength(300);
    }
}
