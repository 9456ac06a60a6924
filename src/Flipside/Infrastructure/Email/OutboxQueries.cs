using Flipside.Domain;

namespace Flipside.Infrastructure.Email;

public static class OutboxQueries
{
    /// <summary>
    /// The messages of one kind about one thing, newest first: how an update or a cancellation (a moved meeting)
    /// finds what was sent before, to refer to it or to follow it up. Served by the (Kind, CorrelationKey) index.
    /// </summary>
    public static IQueryable<OutboxMessage> About(this IQueryable<OutboxMessage> outbox, string kind, string correlationKey) =>
        outbox.Where(m => m.Kind == kind && m.CorrelationKey == correlationKey).OrderByDescending(m => m.CreatedAt);
}
