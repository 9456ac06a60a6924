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

    private Person() { }

    public Person(string employeeId) => EmployeeId = employeeId;

    /// <summary>Whole months of tenure on a date, as the eligibility rules count them; null without a hire date.</summary>
    public int? TenureMonths(DateOnly on) => HireDate is { } hired
        ? Math.Max(0, (on.Year - hired.Year) * 12 + on.Month - hired.Month - (on.Day < hired.Day ? 1 : 0))
        : null;
}
