using Flipside.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flipside.Data;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> e)
    {
        e.HasKey(m => m.Id);
        e.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        e.Property(m => m.ProposedBy).HasConversion<string>().HasMaxLength(16);
        e.Property(m => m.OrganizedBy).HasConversion<string>().HasMaxLength(16);
        e.Property(m => m.AgendaLedBy).HasConversion<string>().HasMaxLength(16);
        e.Property(m => m.CancelledBy).HasConversion<string>().HasMaxLength(16);
        e.Property(m => m.LoggedBy).HasConversion<string>().HasMaxLength(16);
        e.Property(m => m.NoShow).HasConversion<string>().HasMaxLength(16);
        e.Property(m => m.VideoLink).HasMaxLength(Meeting.MaxVideoLinkLength);
        e.Property(m => m.CalendarUid).HasMaxLength(100);
        e.Property(m => m.Version).IsConcurrencyToken();
        e.HasOne<Pairing>().WithMany().HasForeignKey(m => m.PairingId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(m => m.CalendarUid).IsUnique();
        // The pair's meetings in time order, and the reminder jobs' scans by status and start.
        e.HasIndex(m => new { m.PairingId, m.StartsAt });
        e.HasIndex(m => new { m.Status, m.StartsAt });
    }
}

internal sealed class ActionItemConfiguration : IEntityTypeConfiguration<ActionItem>
{
    public void Configure(EntityTypeBuilder<ActionItem> e)
    {
        e.HasKey(a => a.Id);
        e.Property(a => a.Owner).HasConversion<string>().HasMaxLength(16);
        e.Property(a => a.Text).HasMaxLength(ActionItem.MaxTextLength);
        e.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Pairing>().WithMany().HasForeignKey(a => a.PairingId).OnDelete(DeleteBehavior.Restrict);
        e.HasIndex(a => new { a.PairingId, a.Owner });
        e.HasIndex(a => a.MeetingId);
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> e)
    {
        e.HasKey(f => f.Id);
        e.Property(f => f.TokenHash).HasMaxLength(64);
        e.HasOne<Person>().WithMany().HasForeignKey(f => f.PersonId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(f => f.TokenHash).IsUnique();
        e.HasIndex(f => f.PersonId);
    }
}

internal sealed class PairingMeetingCountsConfiguration : IEntityTypeConfiguration<PairingMeetingCounts>
{
    public void Configure(EntityTypeBuilder<PairingMeetingCounts> e)
    {
        e.HasKey(c => c.PairingId);
        e.HasOne<Pairing>().WithOne().HasForeignKey<PairingMeetingCounts>(c => c.PairingId).OnDelete(DeleteBehavior.Cascade);
    }
}
