using System.Globalization;
using Flipside.Domain;

namespace Flipside.Features.People;

/// <summary>A field an import changes on a person, as the file writes it: <c>grade</c>, "3" → "5".</summary>
public sealed record FieldChange(string Field, string? Old, string? New);

/// <summary>An existing person the import updates, with every field that changes.</summary>
public sealed record PersonChange(string EmployeeId, string Name, IReadOnlyList<FieldChange> Fields);

/// <summary>Someone the import marks as left because the file lists everyone and not them.</summary>
public sealed record Leaver(string EmployeeId, string Name);

/// <summary>An active person whose manager, after the import, is someone it marks as left: they need a new manager.</summary>
public sealed record ReportOfLeaver(string EmployeeId, string Name, string ManagerEmployeeId, string ManagerName);

/// <summary>What a checked file does to the directory, worked out before anything is written: the dry run reports it.</summary>
internal sealed record ImportPlan(
    List<PersonRow> New, List<(PersonRow Row, Person Person, PersonChange Change)> Updated, int Unchanged, List<Person> Leaving)
{
    /// <param name="onlyThese">When set, only these people may be marked left for missing from the file (an earlier import from the same source created them).</param>
    public static ImportPlan Of(List<PersonRow> rows, Dictionary<string, PersonRow> byId, IReadOnlyDictionary<string, Person> directory,
        bool markMissingAsLeft, IReadOnlySet<Guid>? onlyThese = null)
    {
        var plan = new ImportPlan([], [], 0, []);
        var unchanged = 0;
        foreach (var row in rows)
        {
            if (!directory.TryGetValue(row.EmployeeId, out var person)) plan.New.Add(row);
            else if (Diff(row, person) is { Count: > 0 } fields) plan.Updated.Add((row, person, new(person.EmployeeId, person.Name, fields)));
            else unchanged++;
        }
        if (markMissingAsLeft)
            plan.Leaving.AddRange(directory.Values.Where(p => p.Status != PersonStatus.Left && !byId.ContainsKey(p.EmployeeId)
                    && (onlyThese is null || onlyThese.Contains(p.Id)))
                .OrderBy(p => p.EmployeeId, StringComparer.Ordinal));
        return plan with { Unchanged = unchanged, Stranded = Strand(plan, rows, byId, directory) };
    }

    private List<Person>? _leavingByStatus;

    /// <summary>
    /// Existing people whose status column turns to left: they leave as surely as those missing from the file. Read once,
    /// while they are not yet left, so the report written after the import still counts them.
    /// </summary>
    public List<Person> LeavingByStatus => _leavingByStatus ??=
        [.. Updated.Where(u => u.Row.Status == PersonStatus.Left && u.Person.Status != PersonStatus.Left).Select(u => u.Person)];

    /// <summary>Everyone the import marks as left, by either route.</summary>
    public List<Person> AllLeaving => [.. Leaving, .. LeavingByStatus];

    public IReadOnlyList<ReportOfLeaver> Stranded { get; private init; } = [];

    private static List<ReportOfLeaver> Strand(ImportPlan plan, List<PersonRow> rows, Dictionary<string, PersonRow> byId, IReadOnlyDictionary<string, Person> directory)
    {
        var leavers = plan.AllLeaving.ToDictionary(p => p.EmployeeId, p => p.Name, StringComparer.Ordinal);
        if (leavers.Count == 0) return [];
        var leaving = plan.Leaving.Select(p => p.EmployeeId).ToHashSet(StringComparer.Ordinal);
        // After the import: the file's rows as written, and everyone else as they stand.
        var after = rows.Select(r => (r.EmployeeId, r.Name, Manager: r.ManagerId, r.Status))
            .Concat(directory.Values.Where(p => !byId.ContainsKey(p.EmployeeId) && !leaving.Contains(p.EmployeeId))
                .Select(p => (p.EmployeeId, p.Name, Manager: p.ManagerEmployeeId, p.Status)));
        return [.. after.Where(a => a.Status != PersonStatus.Left && a.Manager is { } m && leavers.ContainsKey(m))
            .Select(a => new ReportOfLeaver(a.EmployeeId, a.Name, a.Manager!, leavers[a.Manager!]))
            .OrderBy(r => r.ManagerEmployeeId, StringComparer.Ordinal).ThenBy(r => r.EmployeeId, StringComparer.Ordinal)];
    }

    public IReadOnlyList<PersonChange> Changes => [.. Updated.Select(u => u.Change)];

    /// <summary>Everyone the import would mark as left, whether missing from the file or marked so by its status column.</summary>
    public IReadOnlyList<Leaver> Leavers => [.. AllLeaving.Select(p => new Leaver(p.EmployeeId, p.Name))];

    /// <summary>
    /// Fills the fields whose column the file lacks from the directory, so that an absent column leaves them as they are
    /// while an empty cell in a present column clears them. An empty hire date keeps the one on record either way: HR
    /// systems often leave it out of partial exports, and tenure rules refuse mentors whose tenure is unknown.
    /// </summary>
    public static List<PersonRow> Complete(PeopleFile file, IReadOnlyDictionary<string, Person> directory)
    {
        var absent = file.Absent;
        return [.. file.Rows.Select(r => directory.TryGetValue(r.EmployeeId, out var p)
            ? r with
            {
                Title = absent.Contains(PeopleCsv.Title) ? p.Title : r.Title,
                Location = absent.Contains(PeopleCsv.Location) ? p.Location : r.Location,
                ManagerId = absent.Contains(PeopleCsv.ManagerId) ? p.ManagerEmployeeId : r.ManagerId,
                Languages = absent.Contains(PeopleCsv.Languages) ? p.Languages : r.Languages,
                BirthYear = absent.Contains(PeopleCsv.BirthYear) ? p.BirthYear : r.BirthYear,
                Status = absent.Contains(PeopleCsv.Status) ? p.Status : r.Status,
                HireDate = r.HireDate ?? p.HireDate,
                Email = r.Email.Length == 0 ? p.Email : r.Email,
            }
            : r.Email.Length == 0 ? r with { Email = NoEmail(r.EmployeeId) } : r)];
    }

    /// <summary>
    /// The address kept for a leaver whom the file gives none: emails are unique, and this one (no @) is never a real
    /// address that an account could sign in with.
    /// </summary>
    public static string NoEmail(string employeeId) => $"(no email) {employeeId}";

    /// <summary>Every field that differs between a completed row and the person on record, in the file's column order.</summary>
    public static List<FieldChange> Diff(PersonRow r, Person p)
    {
        var changes = new List<FieldChange>();
        void Compare(string field, string? old, string? now)
        {
            if (!string.Equals(old ?? "", now ?? "", StringComparison.Ordinal)) changes.Add(new(field, old, now));
        }
        Compare(PeopleCsv.Name, p.Name, r.Name);
        Compare(PeopleCsv.Email, p.Email, r.Email);
        Compare(PeopleCsv.Grade, Text(p.Grade), Text(r.Grade));
        Compare(PeopleCsv.Department, p.Department, r.Department);
        Compare(PeopleCsv.TimeZone, p.TimeZone, r.TimeZone);
        Compare(PeopleCsv.Title, p.Title, r.Title);
        Compare(PeopleCsv.Location, p.Location, r.Location);
        Compare(PeopleCsv.ManagerId, p.ManagerEmployeeId, r.ManagerId);
        Compare(PeopleCsv.HireDate, p.HireDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), r.HireDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Compare(PeopleCsv.BirthYear, Text(p.BirthYear), Text(r.BirthYear));
        Compare(PeopleCsv.Languages, p.Languages, r.Languages);
        Compare(PeopleCsv.Status, PersonStatusText.Slug(p.Status), PersonStatusText.Slug(r.Status));
        return changes;
    }

    private static string? Text(int? n) => n?.ToString(CultureInfo.InvariantCulture);

    /// <summary>Copies a completed row onto a person.</summary>
    public static void Copy(PersonRow row, Person p)
    {
        (p.Name, p.Email, p.Title, p.Grade, p.Department, p.Location) = (row.Name, row.Email, row.Title, row.Grade, row.Department, row.Location);
        (p.TimeZone, p.ManagerEmployeeId, p.BirthYear, p.Languages, p.Status) = (row.TimeZone, row.ManagerId, row.BirthYear, row.Languages, row.Status);
        p.HireDate = row.HireDate;
    }
}
