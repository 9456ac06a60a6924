using System.Text.Json;
using Flipside.Domain;

namespace Flipside.Features.People;

/// <summary>
/// Every field an import writes on a person, as the import history keeps them before and after: an undo puts the
/// "before" back, and refuses when the person no longer looks like the "after".
/// </summary>
public sealed record PersonFields(string Name, string Email, string Title, int Grade, string Department, string Location, string TimeZone,
    string? ManagerId, DateOnly? HireDate, int? BirthYear, string Languages, PersonStatus Status)
{
    public static PersonFields Of(Person p) =>
        new(p.Name, p.Email, p.Title, p.Grade, p.Department, p.Location, p.TimeZone, p.ManagerEmployeeId, p.HireDate, p.BirthYear, p.Languages, p.Status);

    public void CopyTo(Person p)
    {
        (p.Name, p.Email, p.Title, p.Grade, p.Department, p.Location) = (Name, Email, Title, Grade, Department, Location);
        (p.TimeZone, p.ManagerEmployeeId, p.HireDate, p.BirthYear, p.Languages, p.Status) = (TimeZone, ManagerId, HireDate, BirthYear, Languages, Status);
    }

    public string ToJson() => JsonSerializer.Serialize(this);

    public static PersonFields FromJson(string json) => JsonSerializer.Deserialize<PersonFields>(json)
        ?? throw new InvalidOperationException("An import history entry holds no person.");

    /// <summary>The columns, as the file names them, whose values differ between the two.</summary>
    public IReadOnlyList<string> Differences(PersonFields other) =>
    [
        .. new (string Field, bool Same)[]
        {
            (PeopleCsv.Name, Name == other.Name), (PeopleCsv.Email, Email == other.Email), (PeopleCsv.Grade, Grade == other.Grade),
            (PeopleCsv.Department, Department == other.Department), (PeopleCsv.TimeZone, TimeZone == other.TimeZone),
            (PeopleCsv.Title, Title == other.Title), (PeopleCsv.Location, Location == other.Location),
            (PeopleCsv.ManagerId, ManagerId == other.ManagerId), (PeopleCsv.HireDate, HireDate == other.HireDate),
            (PeopleCsv.BirthYear, BirthYear == other.BirthYear), (PeopleCsv.Languages, Languages == other.Languages),
            (PeopleCsv.Status, Status == other.Status),
        }.Where(f => !f.Same).Select(f => f.Field),
    ];
}
