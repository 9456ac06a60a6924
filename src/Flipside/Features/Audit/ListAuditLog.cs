using System.Globalization;
using System.Text.RegularExpressions;
using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Audit;

/// <summary>
/// The audit log for administrators, newest first, filtered by who (an account's email, or a job or verb's name), what
/// (an action, or the start of one: "account" finds every "account.…"), which kind of record, and a range of days (UTC).
/// The same filter feeds the page, the API and the CSV export.
/// </summary>
public static partial class ListAuditLog
{
    public const int PageSize = 50;

    /// <summary>Filters as typed: each is checked here, so a page and an API report the same field by name.</summary>
    public sealed record Filter(string? Actor, string? Action, string? RecordType, string? From, string? To, string? Page);

    public sealed record Row(long Id, DateTimeOffset At, string Actor, string? ActorEmail, string Action, string RecordType, string RecordId,
        string Summary, long? Sequence);

    /// <summary>A query wrapped so it can travel in an <see cref="Outcome{T}"/>, which cannot convert from an interface.</summary>
    public sealed record Selection(IQueryable<Row> Rows);

    public sealed record Page(IReadOnlyList<Row> Entries, int Number, bool HasMore);

    public static async Task<Outcome<Page>> Handle(Filter filter, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        var query = Query(filter, viewer, db);
        if (!query.IsOk) return query.Problem!;
        var number = int.Parse(filter.Page is { Length: > 0 } p ? p : "1", CultureInfo.InvariantCulture);
        var rows = await query.Value.Rows.Skip((number - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        return new Page([.. rows.Take(PageSize)], number, rows.Count > PageSize);
    }

    /// <summary>Every entry the filter matches, newest first, unpaged: the export streams it.</summary>
    public static Outcome<Selection> Query(Filter filter, Viewer viewer, FlipsideDb db)
    {
        if (viewer.RequireAdministrator("read the audit log") is { } refused) return refused;
        var errors = new List<FieldError>();
        var from = Day(filter.From, "from", errors);
        var to = Day(filter.To, "to", errors);
        if (from is not null && to is not null && to < from) errors.Add(new("to", "The last day comes before the first day; swap them."));
        if (filter.Page is { Length: > 0 } page && (!int.TryParse(page, NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n is < 1 or > 1_000_000))
            errors.Add(new("page", "The page is a whole number from 1."));
        var actor = filter.Actor?.Trim() ?? "";
        if (actor.Length > 256) errors.Add(new("actor", "Give an email or a name of at most 256 characters."));
        var action = filter.Action?.Trim() ?? "";
        if (action.Length > 0 && !ActionName().IsMatch(action)) errors.Add(new("action", "An action is written like account.signed-in: lower-case letters, digits, dots and dashes, at most 64."));
        var recordType = filter.RecordType?.Trim() ?? "";
        if (recordType.Length > 0 && !RecordTypeName().IsMatch(recordType)) errors.Add(new("recordType", "A record type is one word of letters, such as Account or Pairing, at most 64."));
        if (errors.Count > 0) return Outcome.Invalid(errors);

        var entries = db.AuditLog.AsNoTracking();
        if (actor.Length > 0)
        {
            // An email names the account; anything else is a job, a CLI verb or an account id as the log holds it.
            var upper = actor.ToUpperInvariant();
            entries = actor.Contains('@', StringComparison.Ordinal)
                ? entries.Where(a => db.Users.Any(u => u.Id == a.Actor && u.NormalizedEmail == upper))
                : entries.Where(a => a.Actor == actor);
        }
        if (action.Length > 0) entries = entries.Where(a => a.Action == action || a.Action.StartsWith(action + "."));
        if (recordType.Length > 0) entries = entries.Where(a => a.RecordType == recordType);
        if (from is { } start) entries = entries.Where(a => a.At >= start);
        if (to is { } last)
        {
            var end = last.AddDays(1);
            entries = entries.Where(a => a.At < end);
        }
        return new Selection(
            from a in entries
            join u in db.Users on a.Actor equals u.Id into accounts
            from u in accounts.DefaultIfEmpty()
            orderby a.Id descending
            select new Row(a.Id, a.At, a.Actor, u == null ? null : u.Email, a.Action, a.RecordType, a.RecordId, a.Summary, a.Sequence));
    }

    private static DateTimeOffset? Day(string? text, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) && day.Year >= 2000)
            return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        errors.Add(new(field, "Give a day as yyyy-MM-dd, such as 2026-12-01."));
        return null;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9.-]{0,63}$")]
    private static partial Regex ActionName();

    [GeneratedRegex("^[A-Za-z]{1,64}$")]
    private static partial Regex RecordTypeName();
}
