using Flipside.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flipside.Data;

internal sealed class NoteConfiguration : IEntityTypeConfiguration<Note>
{
    public void Configure(EntityTypeBuilder<Note> e)
    {
        e.HasKey(n => n.Id);
        e.Property(n => n.Author).HasConversion<string>().HasMaxLength(16);
        e.Property(n => n.Visibility).HasConversion<string>().HasMaxLength(16);
        e.Property(n => n.Version).IsConcurrencyToken();
        e.HasOne<Pairing>().WithMany().HasForeignKey(n => n.PairingId).OnDelete(DeleteBehavior.Cascade);
        // No action on delete: meetings go only with their pairing, whose notes go with it in the same statement.
        e.HasOne<Meeting>().WithMany().HasForeignKey(n => n.MeetingId).OnDelete(DeleteBehavior.ClientSetNull);
        e.HasIndex(n => new { n.PairingId, n.CreatedAt });
        e.HasIndex(n => n.MeetingId);
    }
}

internal sealed class MessageConfiguration : IEntityTypeConfiguration<Message>
{
    public void Configure(EntityTypeBuilder<Message> e)
    {
        e.HasKey(m => m.Id);
        e.Property(m => m.Sender).HasConversion<string>().HasMaxLength(16);
        e.HasOne<Pairing>().WithMany().HasForeignKey(m => m.PairingId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(m => new { m.PairingId, m.SentAt });
    }
}
