using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Privacy;

/// <summary>
/// The audit log's part of an erasure (docs/decisions/0027-erasure.md): every entry that names the person, as actor,
/// record or in its summary, gets the pseudonym instead, and the chain is linked again from the first such entry to
/// its head, in the erasure's transaction and under the seal's lock, so `flipside audit verify` still passes.
/// </summary>
public static class AuditErasure
{
    public sealed record Result(int Redacted, long? FromSequence, string? HeadBefore, string? HeadAfter);
    private const int Batch = 1000;

    public static async Task<Result> Handle(FlipsideDb db, IReadOnlyCollection<string> accountIds, string pseudonym,
        IReadOnlyList<ErasedText.Replacement> texts, CancellationToken ct)
    {
        if (db is PostgresFlipsideDb)
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('flipside-audit-seal'))", ct);
        var ids = accountIds.ToList();
        var finds = texts.Select(t => t.Find.ToLower()).Distinct().ToList();
        var query = db.AuditLog.Where(a => ids.Contains(a.Actor) || ids.Contains(a.RecordId));
        foreach (var find in finds)
            query = query.Union(db.AuditLog.Where(a => a.Summary.ToLower().Contains(find) || a.RecordId.ToLower() == find || a.Actor.ToLower() == find));
        var entries = await query.ToListAsync(ct);
        foreach (var entry in entries)
            entry.Redact(Swap(ids.Contains(entry.Actor) ? pseudonym : entry.Actor, texts),
                Swap(ids.Contains(entry.RecordId) ? pseudonym : entry.RecordId, texts), Swap(entry.Summary, texts));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        var from = entries.Where(e => e.Sequence is not null).Min(e => e.Sequence);
        if (from is null) return new(entries.Count, null, null, null);
        var headBefore = await Head(db, ct);
        await Relink(db, from.Value, ct);
        return new(entries.Count, from, headBefore, await Head(db, ct));
    }

    private static string Swap(string text, IReadOnlyList<ErasedText.Replacement> texts) =>
        texts.Aggregate(text, (t, r) => t.Replace(r.Find, r.With, StringComparison.OrdinalIgnoreCase));

    private static Task<string?> Head(FlipsideDb db, CancellationToken ct) =>
        db.AuditLog.Where(a => a.Sequence != null).OrderByDescending(a => a.Sequence).Select(a => a.Hash).FirstOrDefaultAsync(ct);

    // Every entry from the first redacted one to the head gets the new hash before it and its own new hash.
    private static async Task Relink(FlipsideDb db, long from, CancellationToken ct)
    {
        var previous = from == 1 ? AuditEntry.Genesis
            : await db.AuditLog.Where(a => a.Sequence == from - 1).Select(a => a.Hash).SingleAsync(ct) ?? AuditEntry.Genesis;
        var next = from;
        while (true)
        {
            var batch = await db.AuditLog.Where(a => a.Sequence >= next).OrderBy(a => a.Sequence).Take(Batch).ToListAsync(ct);
            if (batch.Count == 0) return;
            foreach (var entry in batch)
            {
                entry.Relink(previous);
                previous = entry.Hash!;
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            next = batch[^1].Sequence!.Value + 1;
        }
    }
}
