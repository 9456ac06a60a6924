using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Audit;

/// <summary>
/// Walks the chain from its first entry: each must hold the next sequence number, the hash of the entry before it and
/// a hash that its own content gives again. The first entry that does not is the first broken link: an entry changed
/// (its own hash fails), or one deleted before it (a sequence number missing). Entries the seal has not reached yet are
/// counted, not checked.
/// </summary>
public static class VerifyAuditLog
{
    public sealed record Result(long Chained, long Unsealed, string Head, long? BrokenAt, string? Problem)
    {
        public bool Intact => BrokenAt is null;
    }

    public static async Task<Result> Handle(FlipsideDb db, CancellationToken ct)
    {
        // Counted first: PostgreSQL runs no second command on a connection while the chain is still being read.
        var unsealed = await db.AuditLog.LongCountAsync(a => a.Sequence == null, ct);
        long expected = 1, chained = 0;
        var previous = AuditEntry.Genesis;
        var entries = db.AuditLog.AsNoTracking().Where(a => a.Sequence != null).OrderBy(a => a.Sequence).AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(ct))
        {
            var problem = entry.Sequence != expected ? $"it is number {entry.Sequence} in the chain, but number {expected} is missing: an entry before it was deleted"
                : entry.PreviousHash != previous ? "it does not hold the hash of the entry before it"
                : entry.Hash != entry.HashOf(previous) ? "its content no longer gives its hash: it was changed after it was written"
                : null;
            if (problem is not null) return new Result(chained, unsealed, previous, entry.Id, problem);
            previous = entry.Hash!;
            expected++;
            chained++;
        }
        return new Result(chained, unsealed, previous, null, null);
    }
}
