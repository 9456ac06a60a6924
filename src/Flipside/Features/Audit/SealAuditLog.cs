using Flipside.Data;
using Flipside.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Audit;

/// <summary>
/// The audit seal job: links every entry not yet in the chain after the last one that is, in id order, one batch per
/// transaction. Requests only insert entries, so they never wait for each other; this is the one serialized step
/// (docs/decisions/0026-audit-chain.md). On PostgreSQL an advisory lock held for the transaction keeps two seals (two
/// instances, or the job and a CLI run) apart; SQLite's transactions take the write lock when they begin. A unique index
/// on the sequence refuses a second chain even if both failed.
/// </summary>
public sealed class SealAuditLog(FlipsideDb db) : IJob
{
    public const string Name = "audit-seal";
    private const int Batch = 500;

    public Task<int> RunOnceAsync(CancellationToken ct) => SealAsync(db, ct);

    public static async Task<int> SealAsync(FlipsideDb db, CancellationToken ct)
    {
        var sealedCount = 0;
        while (true)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            if (db is PostgresFlipsideDb)
                await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock(hashtext('flipside-audit-seal'))", ct);
            var last = await db.AuditLog.AsNoTracking().Where(a => a.Sequence != null).OrderByDescending(a => a.Sequence)
                .Select(a => new { Sequence = a.Sequence!.Value, a.Hash }).FirstOrDefaultAsync(ct);
            var entries = await db.AuditLog.Where(a => a.Sequence == null).OrderBy(a => a.Id).Take(Batch).ToListAsync(ct);
            if (entries.Count == 0) return sealedCount;
            var (sequence, previous) = last is null ? (0L, Domain.AuditEntry.Genesis) : (last.Sequence, last.Hash ?? "");
            foreach (var entry in entries)
            {
                entry.Seal(++sequence, previous);
                previous = entry.Hash!;
            }
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            sealedCount += entries.Count;
        }
    }
}
