using Flipside.Data;
using Flipside.Domain;

namespace Flipside.Features.Admin;

/// <summary>Every email Flipside wrote, newest first, with where it stands; for the outbox pages and the API.</summary>
public static class ListOutbox
{
    public sealed record Row(Guid Id, string To, string Subject, DateTimeOffset CreatedAt, string Status, DateTimeOffset? SendAt, int Attachments);

    public const int PageSize = 50;

    public static IQueryable<Row> Query(FlipsideDb db) => Query(db.Outbox);

    /// <summary>The rows of any set of messages: all of them for an administrator, a program's for its managers.</summary>
    public static IQueryable<Row> Query(IQueryable<OutboxMessage> messages) => messages.OrderByDescending(m => m.CreatedAt).ThenBy(m => m.Id)
        .Select(m => new Row(m.Id, m.To, m.Subject, m.CreatedAt,
            OutboxMessage.Describe(m.SentAt, m.FailedAt, m.Attempts, m.SendAt), m.SendAt, m.Attachments.Count));
}
