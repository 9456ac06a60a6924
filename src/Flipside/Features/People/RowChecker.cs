using System.Globalization;
using System.Text.RegularExpressions;
using Flipside.Domain;
using Flipside.Features.Shared;
using static Flipside.Features.People.PeopleCsv;

namespace Flipside.Features.People;

/// <summary>Checks one row's fields on their own; the checks that need the whole file live in WholeFileChecks.</summary>
internal sealed partial class RowChecker(Dictionary<string, int> columns, DateOnly today, List<ImportProblem> problems)
{
    private static readonly string GradeScale = $"a whole number from {Person.MinGrade} (entry level) to {Person.MaxGrade} (executive)";

    // Lookups are cached: a large file names the same few dozen zones a hundred thousand times.
    private readonly Dictionary<string, TimeZoneNames.Found> _zones = new(StringComparer.Ordinal);
    private string[] _record = [];
    private int _row;

    public PersonRow? Check(int row, string[] record)
    {
        (_row, _record) = (row, record);
        var employeeId = Text(EmployeeId, 64, required: true);
        var name = Text(PeopleCsv.Name, 200, required: true);
        // Required unless the person has left (checked below, once the status is known): a leaver never signs in.
        var email = Text(Email, 256);
        if (email.Length > 0 && !FieldErrors.IsEmail(email))
            Problem(Email, email, "This is not a valid email address.", "Write it as name@example.com, without spaces or a display name.");
        // The directory keeps emails in lower case: an account finds its person by email, whatever case either was typed in.
        email = email.ToLowerInvariant();
        var grade = Number(Grade, Person.MinGrade, Person.MaxGrade, required: true, GradeScale);
        var department = Text(Department, 200, required: true);
        var timeZone = Zone(Text(PeopleCsv.TimeZone, 64, required: true));
        var title = Text(Title, 200);
        var location = Text(Location, 200);
        var managerId = Text(ManagerId, 64);
        var hireDate = Date(Text(HireDate, 40));
        var birthYear = Number(BirthYear, 1900, today.Year, required: false, $"a year from 1900 to {today.Year}, e.g. 1990");
        var languages = LanguageList(Text(Languages, 200));
        var status = PersonStatus.Active;
        // No length limit here: a value that is not a status is told the values it takes, however long it is.
        var statusText = Text(Status, int.MaxValue);
        if (statusText.Length > 0 && !PersonStatusText.TryParse(statusText, out status))
            Problem(Status, statusText, $"This is not a status Flipside knows: status takes {PersonStatusText.Accepted}.",
                "Write left for anyone who has left, whatever the reason, on leave or active; or leave it empty for active.");
        if (email.Length == 0 && status != PersonStatus.Left && columns.ContainsKey(Email))
            Problem(Email, "", $"{Email} is required and is empty on this row.", $"Fill in {Email} for this person; only someone who has left may have none.");
        // A row with problems still joins the whole-file checks (duplicates, managers, cycles), so the report lists
        // every problem at once; nothing is written while any problem remains.
        return employeeId.Length > 0
            ? new(row, employeeId, name, email, title, grade ?? 0, department, location, timeZone, managerId.Length == 0 ? null : managerId,
                hireDate, birthYear, languages, status)
            : null;
    }

    private string Raw(string column) => columns.TryGetValue(column, out var i) && i < _record.Length ? _record[i] : "";

    private string Text(string column, int max, bool required = false)
    {
        var value = Raw(column);
        if (required && value.Length == 0 && columns.ContainsKey(column))
            Problem(column, "", $"{column} is required and is empty on this row.", $"Fill in {column} for this person.");
        else if (value.Length > max)
            Problem(column, value, $"This value has {value.Length} characters; at most {max} fit.", $"Shorten it to {max} characters or fewer.");
        else if (VisibleText.HasHidden(value))
            Problem(column, value, "This value holds invisible or text-direction characters (such as a right-to-left override or a zero-width space).",
                "Retype the value in the file without them: it must read as it is stored.");
        return value.Length > max ? "" : value;
    }

    private int? Number(string column, int min, int max, bool required, string expected)
    {
        // Read without a length limit, so that a job title in grade is told the scale rather than to be shorter.
        var text = Text(column, int.MaxValue, required);
        if (text.Length == 0) return null;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
        var words = text.Any(char.IsLetter) && column == Grade ? $" \"{Shorten(text)}\" looks like a job title, which goes in the title column." : "";
        Problem(column, text, $"{column} must be {expected}.{words}", $"Write {expected}.");
        return null;
    }

    private string Zone(string id)
    {
        if (id.Length == 0) return id;
        if (!_zones.TryGetValue(id, out var found))
            _zones[id] = found = TimeZoneNames.Canonical(id);
        if (found.Iana is null)
            Problem(PeopleCsv.TimeZone, id, found.Problem!, found.Fix!);
        return found.Iana ?? "";
    }

    private DateOnly? Date(string text)
    {
        if (text.Length == 0) return null;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return date;
        Problem(HireDate, text, "This is not a date in the form year-month-day.", "Write the date as yyyy-MM-dd, e.g. 2021-03-15.");
        return null;
    }

    private string LanguageList(string text)
    {
        var codes = text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(c => c.ToLowerInvariant()).Distinct().ToArray();
        foreach (var code in codes.Where(c => !LanguageCode().IsMatch(c)))
            Problem(Languages, text, $"\"{code}\" is not a language code.", "Write language codes such as en, es or pt-br, separated by ; or ,.");
        return string.Join(',', codes);
    }

    private void Problem(string column, string value, string problem, string fix)
    {
        problems.Add(new(_row, column, Shorten(value), problem, fix, Shorten(Raw(EmployeeId)), Shorten(Raw(PeopleCsv.Name))));
    }

    [GeneratedRegex("^[a-z]{2,3}(-[a-z0-9]{2,8})?$")]
    private static partial Regex LanguageCode();
}
