using System.Globalization;
using System.Text.RegularExpressions;
using static Flipside.Features.People.ImportMapping;

namespace Flipside.Features.People;

/// <summary>
/// A first mapping for a file nobody has mapped yet, from its header names and sample values: a person checks and
/// corrects it on the mapping screen, so a guess here costs a glance, never a wrong import.
/// </summary>
public static partial class MappingSuggestion
{
    private static readonly (string Field, string[] Headers)[] Synonyms =
    [
        (EmployeeId, ["employeeid", "empid", "employeenumber", "employeeno", "empno", "staffid", "workerid", "personid", "id"]),
        (Name, ["name", "employeename", "fullname", "displayname", "employee"]),
        (FirstName, ["firstname", "givenname", "forename"]),
        (LastName, ["lastname", "surname", "familyname"]),
        (Email, ["email", "emailaddress", "workemail", "mail"]),
        (Grade, ["grade", "level", "joblevel", "paygrade", "band", "position", "jobtitle", "title"]),
        (Department, ["department", "dept", "division", "team", "orgunit"]),
        (ImportMapping.TimeZone, ["timezone", "tz", "state", "location", "country"]),
        (Title, ["title", "jobtitle", "position", "role"]),
        (Location, ["location", "office", "site", "city", "state"]),
        (HireDate, ["hiredate", "dateofhire", "startdate", "datehired"]),
        (BirthYear, ["birthyear", "dob", "dateofbirth", "birthdate"]),
        (Languages, ["languages", "language"]),
        (Status, ["status", "employmentstatus", "employeestatus"]),
        (TerminationDate, ["terminationdate", "dateoftermination", "termdate", "enddate", "leavingdate"]),
    ];

    public static ImportMapping For(SourceTable table)
    {
        var keys = table.Headers.Select(h => NonWord().Replace(h.ToLowerInvariant(), "")).ToList();
        var columns = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (field, headers) in Synonyms)
            foreach (var header in headers)
                if (keys.IndexOf(header) is var i and >= 0)
                {
                    columns[field] = table.Headers[i];
                    break;
                }
        if (!columns.ContainsKey(Email) && table.Headers.FirstOrDefault(h => Share(table, h, v => v.Contains('@', StringComparison.Ordinal)) > 0.5) is { } mail)
            columns[Email] = mail;
        var form = columns.ContainsKey(Name) ? Share(table, columns[Name], v => v.Contains(',', StringComparison.Ordinal)) > 0.5 ? NameForm.LastFirst : NameForm.FirstLast
            : columns.ContainsKey(FirstName) && columns.ContainsKey(LastName) ? NameForm.TwoColumns : NameForm.FirstLast;
        var (manager, by) = ManagerColumn(table, keys, columns);
        if (manager is not null) columns[Manager] = manager;
        var statuses = columns.TryGetValue(Status, out var s) ? Values(table, s) : [];
        return new()
        {
            Columns = columns,
            NameForm = form,
            DateFormat = DatesIn(table, columns),
            ManagerBy = by,
            LeftValues = [.. statuses.Where(v => LeftWords().IsMatch(v))],
            OnLeaveValues = [.. statuses.Where(v => !LeftWords().IsMatch(v) && v.Contains("leave", StringComparison.OrdinalIgnoreCase))],
            Grades = columns.TryGetValue(Grade, out var g) && !Values(table, g).All(IsGrade) ? Values(table, g).ToDictionary(v => v, GuessGrade) : [],
            TimeZones = columns.TryGetValue(ImportMapping.TimeZone, out var z) && !Values(table, z).All(v => v.Contains('/', StringComparison.Ordinal))
                ? Values(table, z).Where(v => UsStates.Zone(v) is not null).ToDictionary(v => v, v => UsStates.Zone(v)!) : [],
        };
    }

    /// <summary>
    /// Of the columns whose header names a manager, the one whose values best name people of the file, by employee id, email
    /// or name: an HR export's "ManagerID" may be a key of another table while "ManagerName" names the file's people.
    /// </summary>
    private static (string? Column, ManagerBy By) ManagerColumn(SourceTable table, List<string> keys, Dictionary<string, string> columns)
    {
        HashSet<string> Set(string field, Func<string, string> key) =>
            columns.TryGetValue(field, out var c) ? Values(table, c).Select(key).ToHashSet(StringComparer.Ordinal) : [];
        var ids = Set(EmployeeId, v => v);
        var emails = Set(Email, v => v.ToLowerInvariant());
        var names = Set(Name, PersonName.Key);
        var best = (Column: (string?)null, By: ManagerBy.EmployeeId, Share: -1.0);
        string[] headers = ["managerid", "manageremail", "managername", "manager", "supervisor", "reportsto", "supervisorname"];
        for (var i = 0; i < keys.Count; i++)
        {
            if (!headers.Contains(keys[i])) continue;
            foreach (var (by, share) in ((ManagerBy, double)[])[
                (ManagerBy.EmployeeId, Share(table, table.Headers[i], ids.Contains)),
                (ManagerBy.Email, Share(table, table.Headers[i], v => emails.Contains(v.ToLowerInvariant()))),
                (ManagerBy.Name, Share(table, table.Headers[i], v => names.Contains(PersonName.Key(v))))])
                if (share > best.Share) best = (table.Headers[i], by, share);
        }
        return (best.Column, best.By);
    }

    private static DateFormat DatesIn(SourceTable table, Dictionary<string, string> columns)
    {
        var samples = ((string[])[HireDate, TerminationDate, BirthYear]).Where(columns.ContainsKey).SelectMany(f => Values(table, columns[f])).ToList();
        return samples.Any(v => v.Contains('/', StringComparison.Ordinal)) ? DateFormat.US
            : samples.Any(v => v.Contains('.', StringComparison.Ordinal)) ? DateFormat.European : DateFormat.Iso;
    }

    private static bool IsGrade(string v) => int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n is >= 1 and <= 10;

    /// <summary>A first guess from the words of a job level or title; the screen shows every value to check.</summary>
    private static int GuessGrade(string value)
    {
        if (LevelNumber().Match(value) is { Success: true } m && int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) is var n and >= 1 and <= 10) return n;
        var v = value.ToLowerInvariant();
        return v switch
        {
            _ when Chief().IsMatch(v) && !v.Contains("vice", StringComparison.Ordinal) => 10,
            _ when Vice().IsMatch(v) => 9,
            _ when v.Contains("director", StringComparison.Ordinal) => 8,
            _ when v.Contains("manager", StringComparison.Ordinal) => 6,
            _ when Senior().IsMatch(v) => 5,
            _ when Second().IsMatch(v) => 3,
            _ => 2,
        };
    }

    private static List<string> Values(SourceTable table, string header)
    {
        var i = table.Column(header);
        return i < 0 ? [] : [.. table.Rows.Select(r => i < r.Cells.Length ? PersonName.Tidy(r.Cells[i]) : "").Where(v => v.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).Take(200)];
    }

    private static double Share(SourceTable table, string header, Func<string, bool> test)
    {
        var values = Values(table, header);
        return values.Count == 0 ? 0 : (double)values.Count(test) / values.Count;
    }

    [GeneratedRegex(@"\b(ceo|cfo|cio|cto|coo|chief|president)\b")]
    private static partial Regex Chief();

    [GeneratedRegex(@"\b(vp|vice president)\b")]
    private static partial Regex Vice();

    [GeneratedRegex(@"\b(lead|principal|architect|senior|sr)\b")]
    private static partial Regex Senior();

    [GeneratedRegex(@"\b(ii|2)\b")]
    private static partial Regex Second();

    [GeneratedRegex("[^a-z0-9]")]
    private static partial Regex NonWord();

    [GeneratedRegex(@"terminat|\bleft\b|inactive|resign|retire|former|dismiss", RegexOptions.IgnoreCase)]
    private static partial Regex LeftWords();

    [GeneratedRegex(@"^(?:level|grade|band|l|g)\s*(\d{1,2})$", RegexOptions.IgnoreCase)]
    private static partial Regex LevelNumber();
}
