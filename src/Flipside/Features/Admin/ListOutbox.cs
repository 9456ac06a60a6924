using Flipside.Data;
using Flipside.Domain;

namespace Flipside.Features.Admin;

/// <summary>Every email Flipside wrote, newest first, with where it stands; for the outbox page and the API.</summary>
public static class ListOutbox
{
    public sealed record Row(Guid Id, string To, string Subject, DateTimeOffset CreatedAt, string Status, DateTimeOffset? SendAt, int Attachments);

    public const int PageSize = 50;

    public static IQueryable<Row> Query(FlipsideDb db) => db.Outbox.OrderByDescending(m => m.CreatedAt)
        .Select(m => new Row(m.Id, m.To, m.Subject, m.CreatedAt,
            OutboxMessage.Describe(m.SentAt, m.FailedAt, m.Attempts, m.SendAt), m.SendAt, m.Attachments.Count));
}
