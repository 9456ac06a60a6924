using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Flipside.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Flipside.Features.Privacy;

/// <summary>
/// The sweep behind an erasure: every text column of every table in the model, so that a name or address copied into
/// an email body, a chat announcement, an import's "by" or a goal's wording is replaced too, including tables added after
/// this was written. Tables that erasure handles field by field, and keys and hashes, are left out.
/// </summary>
public static class ErasedText
{
    public sealed record Replacement(string Find, string With);

    private static readonly HashSet<string> HandledApart =
        ["AuditLog", "People", "AspNetUsers", "DataProtectionKeys", "SealedSecrets", "PairingKeys", "JobRuns", "ChangeStamps", "ImportUploads"];

    /// <summary>The forms a text takes where it was stored: as written, in an HTML body and inside JSON.</summary>
    public static IEnumerable<Replacement> Forms(string find, string with, bool anyCase)
    {
        if (string.IsNullOrWhiteSpace(find)) yield break;
        var forms = new HashSet<string>(StringComparer.Ordinal) { find, HtmlEncoder.Default.Encode(find), JsonEncodedText.Encode(find).ToString() };
        if (anyCase) forms.UnionWith([find.ToLowerInvariant(), find.ToUpperInvariant()]);
        foreach (var form in forms) yield return new(form, with);
    }

    public static async Task<int> ReplaceEverywhere(FlipsideDb db, IReadOnlyList<Replacement> replacements, CancellationToken ct)
    {
        if (replacements.Count == 0) return 0;
        var postgres = db is PostgresFlipsideDb;
        var changed = 0;
        foreach (var entity in db.Model.GetEntityTypes())
        {
            if (entity.GetTableName() is not { } table || HandledApart.Contains(table)) continue;
            var store = StoreObjectIdentifier.Table(table, entity.GetSchema());
            // A list of texts is a JSON text column on SQLite, where REPLACE reaches inside it; PostgreSQL keeps it as an array.
            var columns = entity.GetProperties()
                .Where(p => ((p.GetValueConverter()?.ProviderClrType ?? p.ClrType) == typeof(string) || (p.IsPrimitiveCollection && !postgres))
                    && !p.IsKey() && !p.IsForeignKey()
                    && !p.Name.EndsWith("Hash", StringComparison.Ordinal))
                .Select(p => p.GetColumnName(store)).OfType<string>().Distinct().ToList();
            if (columns.Count == 0) continue;
            changed += await db.Database.ExecuteSqlRawAsync(Statement(table, columns, replacements.Count, postgres),
                replacements.SelectMany(r => new object[] { r.Find, r.With }), ct);
        }
        return changed;
    }

    // One statement per table: each column nests a REPLACE per text; the row is written only if some column holds one.
    private static string Statement(string table, IReadOnlyList<string> columns, int count, bool postgres)
    {
        var sets = new List<string>();
        var tests = new List<string>();
        foreach (var column in columns)
        {
            var value = $"\"{column}\"";
            for (var i = 0; i < count; i++)
            {
                value = $"REPLACE({value}, {{{2 * i}}}, {{{2 * i + 1}}})";
                tests.Add(postgres ? $"strpos(\"{column}\", {{{2 * i}}}) > 0" : $"instr(\"{column}\", {{{2 * i}}}) > 0");
            }
            sets.Add($"\"{column}\" = {value}");
        }
        return $"UPDATE \"{table}\" SET {string.Join(", ", sets)} WHERE {string.Join(" OR ", tests)}";
    }

    private sealed record Attachment(Guid Id, byte[] Content);

    /// <summary>The calendar invites attached to mail for others name both people; the texts are replaced inside them.</summary>
    public static async Task<int> ReplaceInAttachments(FlipsideDb db, IReadOnlyList<Replacement> replacements, CancellationToken ct)
    {
        var postgres = db is PostgresFlipsideDb;
        var tests = replacements.Select((_, i) => postgres ? $"position(convert_to({{{i}}}, 'UTF8') in \"Content\") > 0" : $"instr(CAST(\"Content\" AS TEXT), {{{i}}}) > 0");
        // Only column names and placeholders are joined into the statement; the texts travel as parameters.
        var select = "SELECT \"Id\", \"Content\" FROM \"OutboxAttachments\" WHERE " + string.Join(" OR ", tests);
        var holding = await db.Database.SqlQueryRaw<Attachment>(select, [.. replacements.Select(r => (object)r.Find)]).ToListAsync(ct);
        foreach (var attachment in holding)
            if (ReplaceInBytes(attachment.Content, replacements) is { } replaced)
                await db.Database.ExecuteSqlRawAsync("UPDATE \"OutboxAttachments\" SET \"Content\" = {0} WHERE \"Id\" = {1}", [replaced, attachment.Id], ct);
        return holding.Count;
    }

    /// <summary>Replaces the texts in bytes that hold text (a calendar invite attached to an email).</summary>
    public static byte[]? ReplaceInBytes(byte[] bytes, IReadOnlyList<Replacement> replacements)
    {
        var text = Encoding.UTF8.GetString(bytes);
        var replaced = replacements.Aggregate(text, (t, r) => t.Replace(r.Find, r.With, StringComparison.Ordinal));
        return replaced == text ? null : Encoding.UTF8.GetBytes(replaced);
    }

    public static bool Holds(byte[] bytes, IEnumerable<string> texts)
    {
        var text = Encoding.UTF8.GetString(bytes);
        return texts.Any(t => t.Length > 0 && text.Contains(t, StringComparison.OrdinalIgnoreCase));
    }
}
