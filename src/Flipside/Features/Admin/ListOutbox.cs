using Flipside.Data;

namespace Flipside.Features.Admin;

/// <summary>Every email Flipside wrote, newest first, with where it stands; for the outbox page and the API.</summary>
public static class ListOutbox
{
    public sealed record Row(Guid Id, string To, string Subject, DateTimeOffset CreatedAt, string Status);

    public const int PageSize = 50;

    public static IQueryable<Row> Query(FlipsideDb db) => db.Outbox.OrderByDescending(m => m.CreatedAt)
        .Select(m => new Row(m.Id, m.To, m.Subject, m.CreatedAt,
            m.SentAt != null ? "Sent" : m.FailedAt != null ? "Failed" : m.Attempts > 0 ? "Retrying" : "Waiting"));
}
