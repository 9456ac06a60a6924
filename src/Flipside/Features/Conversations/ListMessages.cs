using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Conversations;

/// <summary>
/// The pair's conversation, a page at a time, newest last. Opening the newest page marks what the partner sent as
/// read, which also lets the next message send a fresh email notice (see <see cref="SendMessage"/>).
/// </summary>
public static class ListMessages
{
    public const int PageSize = 50;

    public sealed record Item(Guid Id, bool Mine, ParticipantRole Sender, string? Text, string? Error, DateTimeOffset SentAt, DateTimeOffset? ReadAt);

    /// <summary>Page 1 holds the newest messages; a higher page goes back in time.</summary>
    public sealed record View(PairConversation Pair, IReadOnlyList<Item> Messages, int Page, int Pages, int Total);

    public static async Task<Outcome<View>> Handle(Guid pairingId, int page, Viewer viewer, FlipsideDb db, PairingSecrets secrets, TimeProvider clock,
        CancellationToken ct)
    {
        if (await PairConversation.Find(pairingId, viewer, ct) is not { } pair) return Outcome.NotFound;
        if (page < 1) return Outcome.Invalid("page", "Pages count from 1, the newest messages.");
        var me = pair.Me;
        if (page == 1)
        {
            var unread = await db.Messages.Where(m => m.PairingId == pairingId && m.Sender != me && m.ReadAt == null).ToListAsync(ct);
            foreach (var m in unread) m.MarkRead(clock.GetUtcNow());
            if (unread.Count > 0) await db.SaveChangesAsync(ct);
        }
        var all = db.Messages.AsNoTracking().Where(m => m.PairingId == pairingId);
        var total = await all.CountAsync(ct);
        var rows = await all.OrderByDescending(m => m.SentAt).ThenByDescending(m => m.Id).Skip((page - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        rows.Reverse();
        var cipher = rows.Count == 0 ? null : await secrets.For(pairingId, ct);
        var items = rows.Select(m =>
        {
            var (text, error) = ListNotes.OpenText(cipher!, m.Body, Message.Purpose(m.Id));
            return new Item(m.Id, m.Sender == me, m.Sender, text, error, m.SentAt, m.ReadAt);
        }).ToList();
        return new View(pair, items, page, Math.Max(1, (total + PageSize - 1) / PageSize), total);
    }
}
