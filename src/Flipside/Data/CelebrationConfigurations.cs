using Flipside.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flipside.Data;

internal sealed class KudosConfiguration : IEntityTypeConfiguration<Kudos>
{
    public void Configure(EntityTypeBuilder<Kudos> e)
    {
        e.HasKey(k => k.Id);
        e.Property(k => k.From).HasConversion<string>().HasMaxLength(16);
        e.Property(k => k.Text).HasMaxLength(Kudos.TextMaxLength);
        e.Property(k => k.FocusArea).HasMaxLength(200);
        e.HasOne<Pairing>().WithMany().HasForeignKey(k => k.PairingId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(k => new { k.PairingId, k.SentAt });
    }
}

internal sealed class PairingMilestoneConfiguration : IEntityTypeConfiguration<PairingMilestone>
{
    public void Configure(EntityTypeBuilder<PairingMilestone> e)
    {
        e.HasKey(m => m.Id);
        e.Property(m => m.Kind).HasConversion<string>().HasMaxLength(32);
        e.HasOne<Pairing>().WithMany().HasForeignKey(m => m.PairingId).OnDelete(DeleteBehavior.Cascade);
        // Once per pairing, even with two instances running the job: the second insert fails and its emails roll back with it.
        e.HasIndex(m => new { m.PairingId, m.Kind }).IsUnique();
    }
}

internal sealed class SuccessStoryConfiguration : IEntityTypeConfiguration<SuccessStory>
{
    public void Configure(EntityTypeBuilder<SuccessStory> e)
    {
        e.HasKey(s => s.Id);
        e.Property(s => s.Title).HasMaxLength(SuccessStory.TitleMaxLength);
        e.Property(s => s.Text).HasMaxLength(SuccessStory.TextMaxLength);
        e.Property(s => s.RejectionReason).HasMaxLength(SuccessStory.RejectionMaxLength);
        e.Property(s => s.ApprovedBy).HasMaxLength(450);
        e.Property(s => s.Version).IsConcurrencyToken();
        e.Ignore(s => s.Status);
        e.Ignore(s => s.IsOnShowcase);
        e.HasOne<Pairing>().WithOne().HasForeignKey<SuccessStory>(s => s.PairingId).OnDelete(DeleteBehavior.Cascade);
        // One story per pair, and the showcase finds the approved ones of a program without reading drafts.
        e.HasIndex(s => s.PairingId).IsUnique();
        e.HasIndex(s => s.ApprovedAt);
    }
}
