using Flipside.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flipside.Data;

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> e)
    {
        e.HasKey(p => p.Id);
        e.Property(p => p.EmployeeId).HasMaxLength(64);
        e.HasIndex(p => p.EmployeeId).IsUnique();
        e.Property(p => p.Name).HasMaxLength(200);
        e.Property(p => p.Email).HasMaxLength(256);
        // Unique because an account is linked to its person by email; the import stores emails in lower case.
        e.HasIndex(p => p.Email).IsUnique();
        // The directory's order (name, then employee id) with the status its default listing filters on: paging to page
        // 57 then skips 1,400 entries of this index alone, instead of reading 1,400 rows to check their status.
        e.HasIndex(p => new { p.Name, p.EmployeeId, p.Status });
        e.Property(p => p.Title).HasMaxLength(200);
        e.Property(p => p.Department).HasMaxLength(200);
        e.HasIndex(p => p.Department);
        e.Property(p => p.Location).HasMaxLength(200);
        e.Property(p => p.TimeZone).HasMaxLength(64);
        e.Property(p => p.ManagerEmployeeId).HasMaxLength(64);
        e.HasIndex(p => p.ManagerEmployeeId);
        e.Property(p => p.Languages).HasMaxLength(200);
        e.Property(p => p.Status).HasConversion<string>().HasMaxLength(16);
        // The compiled cohort's stamp sums the directory's versions: the index is narrow enough to read instead of the rows.
        e.HasIndex(p => p.Version);
    }
}

internal sealed class InvitationConfiguration : IEntityTypeConfiguration<Invitation>
{
    public void Configure(EntityTypeBuilder<Invitation> e)
    {
        e.HasKey(i => i.Id);
        e.Property(i => i.Email).HasMaxLength(256);
        e.HasIndex(i => i.Email);
        e.Property(i => i.DisplayName).HasMaxLength(200);
        e.Property(i => i.Role).HasMaxLength(32);
        e.Property(i => i.TokenHash).HasMaxLength(64);
        e.HasIndex(i => i.TokenHash).IsUnique();
        e.Property(i => i.InvitedByUserId).HasMaxLength(450);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> e)
    {
        e.ToTable("Outbox");
        e.HasKey(m => m.Id);
        e.Property(m => m.To).HasMaxLength(256);
        e.Property(m => m.Subject).HasMaxLength(300);
        e.Property(m => m.LastError).HasMaxLength(1000);
        e.Ignore(m => m.Status);
        e.HasIndex(m => new { m.SentAt, m.NextAttemptAt });
        e.Property(m => m.Kind).HasMaxLength(64);
        e.Property(m => m.CorrelationKey).HasMaxLength(200);
        e.HasIndex(m => new { m.Kind, m.CorrelationKey });
        // A program's managers list its messages, newest first. No foreign key: a message outlives what it was about.
        e.HasIndex(m => new { m.ProgramId, m.CreatedAt });
        // Owned: an attachment lives and goes with its message, and is loaded with it for sending.
        e.OwnsMany(m => m.Attachments, a =>
        {
            a.ToTable("OutboxAttachments");
            a.WithOwner().HasForeignKey("MessageId");
            a.HasKey(x => x.Id);
            a.Property(x => x.FileName).HasMaxLength(255);
            a.Property(x => x.ContentType).HasMaxLength(200);
        });
        e.Navigation(m => m.Attachments).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("AuditLog");
        e.HasKey(a => a.Id);
        e.Property(a => a.Actor).HasMaxLength(450);
        e.Property(a => a.Action).HasMaxLength(64);
        e.Property(a => a.RecordType).HasMaxLength(64);
        e.Property(a => a.RecordId).HasMaxLength(100);
        e.Property(a => a.Summary).HasMaxLength(500);
        e.HasIndex(a => a.At);
        e.HasIndex(a => new { a.RecordType, a.RecordId });
        e.Property(a => a.PreviousHash).HasMaxLength(64);
        e.Property(a => a.Hash).HasMaxLength(64);
        // Unique: two seals that raced could never give two entries the same place in the chain.
        e.HasIndex(a => a.Sequence).IsUnique();
        e.HasIndex(a => new { a.Actor, a.At });
        e.HasIndex(a => new { a.Action, a.At });
    }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> e)
    {
        e.ToTable("JobRuns");
        e.HasKey(j => j.Name);
        e.Property(j => j.Name).HasMaxLength(64);
    }
}

internal sealed class SystemFlagConfiguration : IEntityTypeConfiguration<SystemFlag>
{
    public void Configure(EntityTypeBuilder<SystemFlag> e)
    {
        e.HasKey(f => f.Key);
        e.Property(f => f.Key).HasMaxLength(64);
    }
}

internal sealed class ChangeStampConfiguration : IEntityTypeConfiguration<ChangeStamp>
{
    public void Configure(EntityTypeBuilder<ChangeStamp> e)
    {
        e.ToTable("ChangeStamps");
        e.HasKey(s => s.Area);
        e.Property(s => s.Area).HasMaxLength(32);
        // The one row every save moves on; it exists from the first migration so that moving it is a plain UPDATE.
        e.HasData(new { Area = ChangeStamp.Data, Value = 0L });
    }
}
