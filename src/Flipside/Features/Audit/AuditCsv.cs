using System.Globalization;
using System.Text;

namespace Flipside.Features.Audit;

/// <summary>
/// The audit log as CSV, written row by row as the query reads them, so an export of millions of entries holds one row
/// in memory. A value a spreadsheet would run as a formula is written as text: summaries quote names people typed.
/// </summary>
public static class AuditCsv
{
    public const string ContentType = "text/csv; charset=utf-8";

    public static async Task Write(IAsyncEnumerable<ListAuditLog.Row> rows, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 16 * 1024, leaveOpen: true);
        await writer.WriteAsync(Line(["id", "at_utc", "actor", "actor_email", "action", "record_type", "record_id", "summary", "sequence"]));
        await foreach (var r in rows.WithCancellation(ct))
            await writer.WriteAsync(Line([r.Id.ToString(CultureInfo.InvariantCulture), r.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                r.Actor, r.ActorEmail ?? "", r.Action, r.RecordType, r.RecordId, r.Summary, r.Sequence?.ToString(CultureInfo.InvariantCulture) ?? ""]));
    }

    private static string Line(IEnumerable<string> values) => string.Join(',', values.Select(Field)) + "\r\n";

    private static string Field(string value)
    {
        if (value.Length > 0 && "=+-@\t\r".Contains(value[0], StringComparison.Ordinal)) value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
