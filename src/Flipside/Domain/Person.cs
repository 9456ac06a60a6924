namespace Flipside.Domain;

public enum PersonStatus { Active, OnLeave, Left }

/// <summary>
/// An employee in the directory. Identified across imports by <see cref="EmployeeId"/>. Rows are removed only by undoing the
/// import that created them (the compiled cohort's stamp counts undone imports for that reason).
/// </summary>
public sealed class Person : IChangeCounted
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public string EmployeeId { get; private set; } = "";
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Title { get; set; } = "";
    public const int MinGrade = 1, MaxGrade = 10;
    /// <summary>1 is entry level, 10 is executive.</summary>
    public int Grade { get; set; }
    public string Department { get; set; } = "";
    public string Location { get; set; } = "";
    /// <summary>IANA time zone id, e.g. Europe/London.</summary>
    public string TimeZone { get; set; } = "UTC";
    public string? ManagerEmployeeId { get; set; }
    /// <summary>Null when HR has not given one: tenure is then unknown, never counted from some other date.</summary>
    public DateOnly? HireDate { get; set; }
    /// <summary>Shown to administrators only, and used only where a program asks for it.</summary>
    public int? BirthYear { get; set; }
    /// <summary>Comma-separated language codes, e.g. "en,es".</summary>
    public string Languages { get; set; } = "";
    public PersonStatus Status { get; set; } = PersonStatus.Active;
    /// <summary>Moves on with every saved change (<see cref="IChangeCounted"/>).</summary>
    public int Version { get; set; }
    /// <summary>When an administrator erased the person's data (see docs/decisions/0027-erasure.md); null while they are held.</summary>
    public DateTimeOffset? ErasedAt { get; private set; }

    /// <summary>What the directory, pairings and every list show in place of an erased person's name.</summary>
    public const string ErasedName = "an erased participant";

    private Person() { }

    /// <summary>
    /// Keeps the row, so that enrolments, pairings and counts still add up, but nothing that names the person: the
    /// employee id and email become the pseudonym (both are unique), every other field its empty value.
    /// </summary>
    public void Erase(string pseudonym, DateTimeOffset at)
    {
        if (ErasedAt is not null) throw new DomainException("This person is already erased.");
        EmployeeId = pseudonym;
        Email = ErasedEmail(pseudonym);
        Name = ErasedName;
        Title = Department = Location = Languages = "";
        TimeZone = "UTC";
        ManagerEmployeeId = null;
        HireDate = null;
        BirthYear = null;
        Status = PersonStatus.Left;
        ErasedAt = at;
    }

    /// <summary>An address that cannot receive mail (RFC 2606 reserves .invalid).</summary>
    public static string ErasedEmail(string pseudonym) => $"{pseudonym}@erased.invalid";

    public Person(string employeeId) => EmployeeId = employeeId;

    /// <summary>Whole months of tenure on a date, as the eligibility rules count them; null without a hire date.</summary>
    public int? TenureMonths(DateOnly on) => HireDate is { } hired
        ? Math.Max(0, (on.Year - hired.Year) * 12 + on.Month - hired.Month - (on.Day < hired.Day ? 1 : 0))
        : null;
}
