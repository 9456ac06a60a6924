using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using ExcelDataReader;

namespace Flipside.Features.People;

/// <summary>One data row of an HR file as read, numbered as a spreadsheet numbers it (the header is row 1).</summary>
public sealed record SourceRow(int Row, string[] Cells);

/// <summary>
/// An HR export read into headers and text cells, whatever it came as. DateCells holds the (row, column) of every
/// workbook cell that Excel itself stores as a date: those are written as ISO dates whatever format the mapping chose.
/// </summary>
public sealed record SourceTable(IReadOnlyList<string> Headers, IReadOnlyList<SourceRow> Rows, IReadOnlySet<(int Row, int Column)> DateCells)
{
    public int Column(string? header) => header is null ? -1 : Headers.ToList().FindIndex(h => string.Equals(h, header, StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// Reads any HR export the import accepts: an .xlsx workbook (its first sheet), or CSV text separated by commas,
/// semicolons or tabs, in UTF-8 or, failing that, Windows-1252 (what Excel's plain "CSV" writes on Western Windows).
/// </summary>
public static class HrFile
{
    public const string WorkbookType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    static HrFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public static bool IsWorkbook(byte[] bytes, string fileName) =>
        fileName.EndsWith(".xlsx", StringComparison.OrdinalIgnoreCase) || bytes.AsSpan().StartsWith("PK\u0003\u0004"u8);

    /// <summary>True when the file is UTF-8 CSV whose header already names every required Flipside column: no mapping needed.</summary>
    public static bool IsFlipsideCsv(byte[] bytes, string fileName)
    {
        if (IsWorkbook(bytes, fileName) || PeopleCsv.Utf8Text(bytes, []) is not { } text) return false;
        var span = text.Span;
        var end = span.IndexOfAny((byte)'\n', (byte)'\r');
        var header = Encoding.UTF8.GetString(end < 0 ? span : span[..end]);
        var names = header.Split([',', ';', '\t']).Select(PeopleCsv.Normalize).ToHashSet(StringComparer.Ordinal);
        return PeopleCsv.Required.All(names.Contains);
    }

    public static SourceTable? Read(byte[] bytes, string fileName, List<ImportProblem> problems)
    {
        var table = IsWorkbook(bytes, fileName) ? Workbook(bytes, problems) : Text(bytes, problems);
        if (table is null) return null;
        if (table.Headers.Count == 0 || table.Headers.All(h => h.Length == 0))
        {
            problems.Add(new(1, PeopleCsv.File, "", "The file is empty: it has no header row.", "Export the file again with a header row naming the columns."));
            return null;
        }
        if (table.Rows.Count == 0)
        {
            problems.Add(new(2, PeopleCsv.File, "", "The file has a header but no people.", "Add one row per person below the header."));
            return null;
        }
        return table;
    }

    /// <summary>
    /// An .xlsx is a zip, and a few kilobytes of zip can unpack to gigabytes (a "zip bomb"). An HR export of a large
    /// organisation unpacks to tens of megabytes in a dozen parts; beyond these limits the file is refused before it is read.
    /// </summary>
    public const long MaxUnpackedBytes = 200L * 1024 * 1024;
    public const int MaxParts = 1000;

    private static SourceTable? Workbook(byte[] bytes, List<ImportProblem> problems)
    {
        try
        {
            if (Oversized(bytes) is { } limit)
            {
                problems.Add(new(1, PeopleCsv.File, "", $"The workbook unpacks to more than {limit}, the most Flipside reads from an .xlsx file.",
                    "Export only the sheet and columns of people, or save the sheet as \"CSV UTF-8\" and upload that file."));
                return null;
            }
            using var stream = new MemoryStream(bytes);
            using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
            var headers = new List<string>();
            var rows = new List<SourceRow>();
            var dates = new HashSet<(int, int)>();
            for (var row = 1; reader.Read(); row++)
            {
                var cells = new string[reader.FieldCount];
                for (var i = 0; i < cells.Length; i++)
                {
                    var value = reader.GetValue(i);
                    if (value is DateTime) dates.Add((row, i));
                    cells[i] = Cell(value);
                }
                if (row == 1) headers.AddRange(cells.Select(c => c.Trim()));
                else if (cells.Any(c => c.Trim().Length > 0)) rows.Add(new(row, cells));
            }
            return new(headers, rows, dates);
        }
        catch (Exception e) when (e is InvalidDataException or ExcelDataReader.Exceptions.ExcelReaderException or IOException or System.Xml.XmlException)
        {
            problems.Add(new(1, PeopleCsv.File, "", "The file is not an Excel workbook (.xlsx) that can be read: it is damaged, protected by a password, or another kind of file renamed.",
                "Open it in your spreadsheet program and save it again as \"Excel Workbook (.xlsx)\" or as \"CSV UTF-8\", then upload that file."));
            return null;
        }
    }

    /// <summary>The limit the workbook passes, in words, or null. Counted while unpacking: a zip's own sizes can lie.</summary>
    private static string? Oversized(byte[] bytes)
    {
        using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
        if (zip.Entries.Count > MaxParts) return $"{MaxParts} parts";
        var left = MaxUnpackedBytes;
        var buffer = new byte[81920];
        foreach (var entry in zip.Entries)
        {
            if (entry.Length > left) return $"{MaxUnpackedBytes / (1024 * 1024)} MB";
            using var part = entry.Open();
            for (int read; (read = part.Read(buffer)) > 0;)
                if ((left -= read) < 0) return $"{MaxUnpackedBytes / (1024 * 1024)} MB";
        }
        return null;
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        double n => n.ToString("0.###############", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static SourceTable? Text(byte[] bytes, List<ImportProblem> problems)
    {
        // Strict UTF-8 first: every Windows-1252 file with an accent fails it, while a UTF-8 file read as 1252 would garble silently.
        var utf8 = PeopleCsv.Utf8Text(bytes, []) is { } valid ? valid.ToArray()
            : Encoding.UTF8.GetBytes(Encoding.GetEncoding(1252).GetString(bytes));
        var separator = Separator(utf8);
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = false,
            TrimWhitespace = true,
            AllowLineBreaksInQuotes = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            OnMalformedRecord = m => problems.Add(new((int)m.RecordNumber, PeopleCsv.WholeRow, PeopleCsv.Shorten(m.RawRecord), "A double quote in this row is not closed or stands inside a value.",
                "Put double quotes around any value that holds quotes, separators or line breaks, and write each quote inside it twice (\"\")."))
        };
        using var reader = CsvReader.Create(utf8.AsMemory(), options);
        var headers = new List<string>();
        var rows = new List<SourceRow>();
        while (reader.Read())
        {
            var cells = new string[reader.FieldCount];
            for (var i = 0; i < cells.Length; i++) cells[i] = reader.GetString(i);
            if (reader.RowNumber == 1) headers.AddRange(cells);
            else if (cells.Any(c => c.Length > 0)) rows.Add(new((int)reader.RowNumber, cells));
        }
        return problems.Count > 0 ? null : new(headers, rows, new HashSet<(int, int)>());
    }

    /// <summary>The header line says which separator the file uses: whichever of comma, semicolon and tab it holds most.</summary>
    private static char Separator(ReadOnlySpan<byte> text)
    {
        var end = text.IndexOfAny((byte)'\n', (byte)'\r');
        var header = end < 0 ? text : text[..end];
        var (commas, semicolons, tabs) = (header.Count((byte)','), header.Count((byte)';'), header.Count((byte)'\t'));
        return tabs > commas && tabs > semicolons ? '\t' : semicolons > commas ? ';' : ',';
    }
}
