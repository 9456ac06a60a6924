using Flipside.Features.Admin;

namespace Flipside.Features.Shared;

/// <summary>What the outbox table shows: a page of messages, where each opens, and how to reach the next page.</summary>
public sealed record OutboxList(IReadOnlyList<ListOutbox.Row> Messages, string MessagePage, int PageNumber, bool HasMore, Func<int, string> PageLink, string Empty);
