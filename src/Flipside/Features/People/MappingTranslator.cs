using System.Globalization;
using static Flipside.Features.People.ImportMapping;

namespace Flipside.Features.People;

/// <summary>Applies a mapping's transformations to one row at a time; a value it cannot turn is a problem naming the file's column.</summary>
internal sealed class Translator(SourceTable table, ImportMapping mapping, DateOnly today, List<ImportProblem> problems)
{
    /// <summary>One person in Flipside's columns; ManagerId is filled in once every row is known.</summary>
    public sealed class Out
    {
        public Dictionary<string, string> Values { get; } = new(StringComparer.Ordinal);
        public string EmployeeId => Value(PeopleCsv.EmployeeId);
        public string Name => Value(PeopleCsv.Name);
        public string Email => Value(PeopleCsv.Email);
        public string Status => Value(PeopleCsv.Status);
        public string? ManagerId { get => Values.GetValueOrDefault(PeopleCsv.ManagerId); set => Values[PeopleCsv.ManagerId] = value ?? ""; }
        public string Value(string column) => Values.GetValueOrDefault(column, "");
    }

    private static readonly Dictionary<DateFormat, string[]> Patterns = new()
    {
        [DateFormat.US] = ["MM/dd/yyyy", "M/d/yyyy", "MM/dd/yy", "M/d/yy"],
        [DateFormat.European] = ["dd.MM.yyyy", "d.M.yyyy", "dd.MM.yy", "d.M.yy"],
        [DateFormat.Iso] = ["yyyy-MM-dd"],
    };

    private readonly Dictionary<string, int> _grades = new(mapping.Grades.Select(g => KeyValuePair.Create(g.Key.Trim(), g.Value)), StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _zones = new(mapping.TimeZones.Select(z => KeyValuePair.Create(z.Key.Trim(), z.Value.Trim())), StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _left = new(mapping.LeftValues.Select(v => v.Trim()), StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _onLeave = new(mapping.OnLeaveValues.Select(v => v.Trim()), StringComparer.OrdinalIgnoreCase);

    /// <summary>Flipside's columns this file fills; a field the mapping leaves out keeps what the directory holds.</summary>
    public IReadOnlyList<string> Present { get; } =
    [
        PeopleCsv.EmployeeId, PeopleCsv.Name, PeopleCsv.Email, PeopleCsv.Grade, PeopleCsv.Department, PeopleCsv.TimeZone,
        .. new (string, bool)[] {
            (PeopleCsv.Title, mapping.ColumnOf(Title) is not null), (PeopleCsv.Location, mapping.ColumnOf(Location) is not null),
            (PeopleCsv.ManagerId, mapping.ColumnOf(Manager) is not null), (PeopleCsv.HireDate, mapping.ColumnOf(HireDate) is not null),
            (PeopleCsv.BirthYear, mapping.ColumnOf(BirthYear) is not null), (PeopleCsv.Languages, mapping.ColumnOf(Languages) is not null),
            (PeopleCsv.Status, mapping.ColumnOf(Status) is not null || mapping.ColumnOf(TerminationDate) is not null) }
            .Where(c => c.Item2).Select(c => c.Item1),
    ];

    public string Cell(SourceRow row, string field)
    {
        var i = table.Column(mapping.ColumnOf(field));
        return i >= 0 && i < row.Cells.Length ? PersonName.Tidy(row.Cells[i]) : "";
    }

    public Out Person(SourceRow row)
    {
        var p = new Out();
        var v = p.Values;
        v[PeopleCsv.EmployeeId] = Cell(row, EmployeeId);
        v[PeopleCsv.Name] = mapping.NameForm switch
        {
            NameForm.TwoColumns => PersonName.Tidy($"{Cell(row, FirstName)} {Cell(row, LastName)}"),
            NameForm.LastFirst => PersonName.FromLastFirst(Cell(row, Name)),
            _ => Cell(row, Name),
        };
        v[PeopleCsv.Email] = Cell(row, Email);
        v[PeopleCsv.Grade] = Table(row, Grade, _grades, g => g.ToString(CultureInfo.InvariantCulture), "grade", "a grade from 1 to 10");
        v[PeopleCsv.Department] = Cell(row, Department);
        v[PeopleCsv.TimeZone] = Table(row, ImportMapping.TimeZone, _zones, z => z, "time zone", "a time zone such as America/New_York");
        v[PeopleCsv.Title] = Cell(row, Title);
        v[PeopleCsv.Location] = Cell(row, Location);
        v[PeopleCsv.Languages] = Cell(row, Languages);
        v[PeopleCsv.HireDate] = Date(row, HireDate)?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
        v[PeopleCsv.BirthYear] = BirthYearOf(row);
        v[PeopleCsv.Status] = StatusOf(row);
        return p;
    }

    /// <summary>A value looked up in the mapping's table for the field; without a table, the file's value goes through as it is.</summary>
    private string Table<T>(SourceRow row, string field, Dictionary<string, T> values, Func<T, string> write, string what, string example)
    {
        var value = Cell(row, field);
        if (values.Count == 0 || value.Length == 0) return value;
        if (values.TryGetValue(value, out var found)) return write(found);
        Problem(row, field, value, $"\"{value}\" is not in the mapping's {what} table.", $"Add \"{value}\" to the {what} table of the mapping, with {example}.");
        return "";
    }

    private DateOnly? Date(SourceRow row, string field)
    {
        var text = Cell(row, field);
        if (text.Length == 0) return null;
        var i = table.Column(mapping.ColumnOf(field));
        // Excel keeps a typed date as a number; the reader gives it as ISO, whatever the mapping's format is for text dates.
        string[] patterns = table.DateCells.Contains((row.Row, i)) ? ["yyyy-MM-dd", "yyyy-MM-dd HH:mm"] : Patterns[mapping.DateFormat];
        if (DateTime.TryParseExact(text, patterns, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return DateOnly.FromDateTime(date);
        Problem(row, field, text, $"This date does not fit the mapping's date format {mapping.DatePattern}.",
            $"Choose the date format the file uses in the mapping, or write the date as {Example(mapping.DateFormat)}.");
        return null;
    }

    private static string Example(DateFormat format) => format switch
    {
        DateFormat.US => "03/15/2021 (month/day/year)",
        DateFormat.European => "15.03.2021 (day.month.year)",
        _ => "2021-03-15 (year-month-day)",
    };

    /// <summary>A birth year column may hold the year or the whole date of birth; only the year is kept.</summary>
    private string BirthYearOf(SourceRow row)
    {
        var text = Cell(row, BirthYear);
        if (text.Length == 0 || int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out _)) return text;
        return Date(row, BirthYear)?.Year.ToString(CultureInfo.InvariantCulture) ?? "";
    }

    /// <summary>Left when the status column holds one of the mapping's "left" values or a termination date has passed.</summary>
    private string StatusOf(SourceRow row)
    {
        var status = Cell(row, Status);
        var ended = mapping.ColumnOf(TerminationDate) is null ? null : Date(row, TerminationDate);
        if (_left.Contains(status) || ended is { } end && end <= today) return "left";
        return _onLeave.Contains(status) ? "on_leave" : "active";
    }

    public void Problem(SourceRow row, string field, string value, string text, string fix) =>
        problems.Add(new(row.Row, mapping.ColumnOf(field) ?? field, PeopleCsv.Shorten(value), text, fix,
            PeopleCsv.Shorten(Cell(row, EmployeeId)), PeopleCsv.Shorten(mapping.NameForm == NameForm.TwoColumns ? $"{Cell(row, FirstName)} {Cell(row, LastName)}" : Cell(row, Name))));
}
