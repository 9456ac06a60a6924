using System.Buffers;
using System.Globalization;
using System.Text.Unicode;
using CsvHelper;
using Flipside.Domain;

namespace Flipside.Features.People;

/// <summary>
/// One problem in an import file: where it is, whose row it is (the row's employee id and name as written, so that a
/// person can find it in the HR system rather than by counting rows), what it holds, what is wrong and how to fix it.
/// </summary>
public sealed record ImportProblem(int Row, string Column, string Value, string Problem, string Fix, string EmployeeId = "", string Name = "");

/// <summary>The checked rows of a file, and which optional columns its header lacks: those fields are kept as they are.</summary>
public sealed record PeopleFile(List<PersonRow> Rows, IReadOnlySet<string> Absent);

/// <summary>A data row as read; only written when the whole file has no problem. Row counts the header as row 1, as spreadsheets do.</summary>
public sealed record PersonRow(
    int Row, string EmployeeId, string Name, string Email, string Title, int Grade, string Department, string Location,
    string TimeZone, string? ManagerId, DateOnly? HireDate, int? BirthYear, string Languages, PersonStatus Status);

/// <summary>Turns the bytes of a people file into checked rows, collecting every problem rather than stopping at the first.</summary>
public static class PeopleCsv
{
    public const string EmployeeId = "employee_id", Name = "name", Email = "email", Grade = "grade", Department = "department",
        TimeZone = "time_zone", Title = "title", Location = "location", ManagerId = "manager_id", HireDate = "hire_date",
        BirthYear = "birth_year", Languages = "languages", Status = "status";

    public static readonly IReadOnlyList<string> Required = [EmployeeId, Name, Email, Grade, Department, TimeZone];
    public static readonly IReadOnlyList<string> Optional = [Title, Location, ManagerId, HireDate, BirthYear, Languages, Status];
    public const string File = "(file)", WholeRow = "(row)";

    /// <summary>Strict UTF-8, with or without a byte order mark (a spreadsheet's "CSV UTF-8"); null when the bytes are not UTF-8.</summary>
    public static ReadOnlyMemory<byte>? Utf8Text(ReadOnlyMemory<byte> bytes, List<ImportProblem> problems)
    {
        if (bytes.Span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF])) bytes = bytes[3..];
        var invalidAt = FirstInvalidByte(bytes.Span);
        if (invalidAt < 0) return bytes;
        var line = bytes.Span[..invalidAt].Count((byte)'\n') + 1;
        problems.Add(new(line, File, $"byte {invalidAt + 1}",
            $"The file is not UTF-8 text (line {line} holds bytes that UTF-8 does not allow), so names and accents would be garbled.",
            "Save the file as \"CSV UTF-8\" from your spreadsheet program, or convert it to UTF-8, and import it again."));
        return null;
    }

    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes)) return -1;
        var chars = new char[4096];
        for (var done = 0; ;)
        {
            var status = Utf8.ToUtf16(bytes[done..], chars, out var read, out _, replaceInvalidSequences: false);
            done += read;
            if (status != OperationStatus.DestinationTooSmall) return done;
        }
    }

    /// <summary>Spreadsheets in many locales write semicolons; the header line says which separator the file uses.</summary>
    public static char Separator(ReadOnlySpan<byte> text)
    {
        var end = text.IndexOfAny((byte)'\n', (byte)'\r');
        var header = end < 0 ? text : text[..end];
        return header.Count((byte)';') > header.Count((byte)',') ? ';' : ',';
    }

    public static PeopleFile Parse(ReadOnlyMemory<byte> utf8, DateOnly today, List<ImportProblem> problems, Action<double>? progress = null)
    {
        var separator = Separator(utf8.Span);
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = false, // the header is read as record 1 so that row numbers match a spreadsheet's
            TrimWhitespace = true,
            AllowLineBreaksInQuotes = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = m => problems.Add(new((int)m.RecordNumber, WholeRow, Shorten(m.RawRecord), Malformed(m.Reason),
                "Put double quotes around any value that holds quotes, separators or line breaks, and write each quote inside it twice (\"\")."))
        };
        using var reader = CsvReader.Create(utf8, options);
        if (!reader.Read())
        {
            problems.Add(new(1, File, "", "The file is empty.", $"Start the file with a header row naming the columns, e.g. {string.Join(separator, Required)}."));
            return new([], new HashSet<string>());
        }
        var header = new string[reader.FieldCount];
        for (var i = 0; i < header.Length; i++) header[i] = reader.GetString(i);
        var columns = ReadHeader(header, problems);
        var absent = Optional.Where(c => !columns.ContainsKey(c)).ToHashSet(StringComparer.Ordinal);
        var rows = new List<PersonRow>();
        var checker = new RowChecker(columns, today, problems);
        var record = new string[header.Length];
        while (reader.Read())
        {
            var row = (int)reader.RowNumber;
            if (row % 1000 == 0) progress?.Invoke((double)reader.ByteOffset / utf8.Length);
            if (reader.FieldCount > header.Length)
            {
                string Raw(string column) => columns.TryGetValue(column, out var i) ? reader.GetString(i) : "";
                problems.Add(new(row, WholeRow, $"{reader.FieldCount} values",
                    $"This row has {reader.FieldCount} values but the header names {header.Length} columns, so the values would land in the wrong columns.",
                    $"Put double quotes around any value that contains the separator ('{separator}'), or remove the extra separators.",
                    Shorten(Raw(EmployeeId)), Shorten(Raw(Name))));
                continue;
            }
            for (var i = 0; i < record.Length; i++) record[i] = i < reader.FieldCount ? reader.GetString(i) : "";
            if (checker.Check(row, record) is { } person) rows.Add(person);
        }
        if (rows.Count == 0 && problems.Count == 0)
            problems.Add(new(2, File, "", "The file has a header but no people.", "Add one row per person below the header."));
        progress?.Invoke(1);
        return new(rows, absent);
    }

    private static string Malformed(CsvMalformedReason reason) => reason switch
    {
        CsvMalformedReason.UnterminatedQuote => "A value opens a double quote that is never closed.",
        CsvMalformedReason.TextAfterClosingQuote => "There is text after the closing double quote of a value.",
        _ => "A double quote stands inside a value that is not itself in double quotes.",
    };

    /// <summary>Column names are matched ignoring case, spaces and hyphens: "Employee ID" is employee_id.</summary>
    public static string Normalize(string header) =>
        header.Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');

    private static Dictionary<string, int> ReadHeader(string[] header, List<ImportProblem> problems)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            var name = Normalize(header[i]);
            if (name.Length == 0) continue;
            if (!columns.TryAdd(name, i) && (Required.Contains(name) || Optional.Contains(name)))
                problems.Add(new(1, header[i], header[i], $"The column {name} appears more than once.", "Keep one column of each name and delete the others."));
        }
        foreach (var name in Required.Where(n => !columns.ContainsKey(n)))
            problems.Add(new(1, name, "", $"The required column {name} is missing from the header row.",
                $"Add a column headed {name}. Required columns: {string.Join(", ", Required)}."));
        return columns;
    }

    /// <summary>
    /// A report as a CSV file for a spreadsheet: UTF-8 with a byte order mark, so that Excel reads accents, and a value
    /// that a spreadsheet would run as a formula written as text, since the values come from someone else's file.
    /// </summary>
    public static byte[] ProblemsFile(IEnumerable<ImportProblem> problems)
    {
        using var output = new MemoryStream();
        using (var writer = CsvWriter.Create(output, new CsvWriterOptions { WriteByteOrderMark = true, Injection = CsvInjection.Escape }, leaveOpen: true))
        {
            writer.WriteHeader(["row", "employee_id", "name", "column", "value", "problem", "fix"]);
            foreach (var p in problems)
                writer.WriteRecord([p.Row.ToString(CultureInfo.InvariantCulture), p.EmployeeId, p.Name, p.Column, p.Value, p.Problem, p.Fix]);
        }
        return output.ToArray();
    }

    public static string Shorten(string value) => value.Length <= 80 ? value : value[..77] + "...";
}
