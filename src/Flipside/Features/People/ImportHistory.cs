using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Flipside.Features.People;

/// <summary>
/// One applied import: who ran it, when, from which source, its counts, and (in <see cref="Changes"/>) everything it
/// wrote with the values before, so that it can be undone and so that "everyone missing from this source" can be told
/// apart from people another source brought in.
/// </summary>
public sealed class ImportRun
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    /// <summary>1, 2, 3… in the order imports were applied: the clock alone cannot order two imports in the same instant.</summary>
    public int Number { get; private set; }
    public DateTimeOffset At { get; private set; }
    public string ByUserId { get; private set; } = "";
    public string ByName { get; private set; } = "";
    public string Source { get; private set; } = "";
    public int Rows { get; private set; }
    public int Created { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }
    public int MarkedLeft { get; private set; }
    public DateTimeOffset? UndoneAt { get; private set; }
    public string? UndoneBy { get; private set; }
    public List<ImportRunChange> Changes { get; private set; } = [];

    private ImportRun() { }

    public ImportRun(int number, DateTimeOffset at, string byUserId, string byName, string source, (int Rows, int Created, int Updated, int Unchanged, int MarkedLeft) counts)
    {
        (Number, At, ByUserId, ByName, Source) = (number, at, byUserId, byName, source);
        (Rows, Created, Updated, Unchanged, MarkedLeft) = counts;
    }

    public void Undo(string by, DateTimeOffset at) => (UndoneBy, UndoneAt) = (by, at);
}

public enum ImportChangeKind
{
    /// <summary>A person the import added; <see cref="ImportRunChange.After"/> holds their fields.</summary>
    Created,
    /// <summary>A person the import changed (marking them left included); Before and After hold their fields.</summary>
    Updated,
    /// <summary>An open enrolment that ended because its person left; Before holds the enrolment's status.</summary>
    EnrollmentEnded,
    /// <summary>An account deactivated because its person left; TargetId is the account's id.</summary>
    AccountDeactivated,
}

/// <summary>One thing an import wrote. No foreign key to the person: the history outlives a person an undo removes.</summary>
public sealed class ImportRunChange
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ImportId { get; private set; }
    public ImportChangeKind Kind { get; private set; }
    public Guid PersonId { get; private set; }
    public string EmployeeId { get; private set; } = "";
    /// <summary>The enrolment or account an effect of leaving reached.</summary>
    public string? TargetId { get; private set; }
    public string? Before { get; private set; }
    public string? After { get; private set; }

    private ImportRunChange() { }

    public ImportRunChange(Guid importId, ImportChangeKind kind, Guid personId, string employeeId, string? targetId, string? before, string? after) =>
        (ImportId, Kind, PersonId, EmployeeId, TargetId, Before, After) = (importId, kind, personId, employeeId, targetId, before, after);
}

internal sealed class ImportRunConfiguration : IEntityTypeConfiguration<ImportRun>
{
    public void Configure(EntityTypeBuilder<ImportRun> b)
    {
        b.ToTable("Imports");
        b.HasIndex(r => r.Number).IsUnique();
        b.Property(r => r.ByUserId).HasMaxLength(450);
        b.Property(r => r.ByName).HasMaxLength(256);
        b.Property(r => r.Source).HasMaxLength(260);
        b.HasIndex(r => r.Source);
        b.Property(r => r.UndoneBy).HasMaxLength(450);
        b.HasMany(r => r.Changes).WithOne().HasForeignKey(c => c.ImportId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ImportRunChangeConfiguration : IEntityTypeConfiguration<ImportRunChange>
{
    public void Configure(EntityTypeBuilder<ImportRunChange> b)
    {
        b.ToTable("ImportChanges");
        b.Property(c => c.Kind).HasConversion<string>().HasMaxLength(32);
        b.Property(c => c.EmployeeId).HasMaxLength(64);
        b.Property(c => c.TargetId).HasMaxLength(450);
        b.HasIndex(c => c.PersonId);
    }
}
