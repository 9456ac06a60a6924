using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Privacy;

/// <summary>
/// Deletes the notes and messages of pairings that ended longer ago than their program keeps them
/// (<see cref="MentoringProgram.RetentionMonths"/>). Each program is one transaction with its audit entry, which counts
/// what went and never says what it was; a second run finds nothing left and records nothing, so it is safe to repeat.
/// </summary>
public sealed class RetentionJob(FlipsideDb db, TimeProvider clock) : IJob
{
    public const string Name = "retention";

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var deleted = 0;
        foreach (var program in await db.Programs.AsNoTracking().Where(p => p.RetentionMonths != null)
            .Select(p => new { p.Id, Months = p.RetentionMonths!.Value }).ToListAsync(ct))
        {
            var cutoff = now.AddMonths(-program.Months);
            var pairings = db.Pairings.Where(p => p.Cohort.ProgramId == program.Id && p.EndedAt != null && p.EndedAt < cutoff).Select(p => p.Id);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var touched = await pairings.CountAsync(p => db.Notes.Any(n => n.PairingId == p) || db.Messages.Any(m => m.PairingId == p), ct);
            var notes = await db.Notes.Where(n => pairings.Contains(n.PairingId)).ExecuteDeleteAsync(ct);
            var messages = await db.Messages.Where(m => pairings.Contains(m.PairingId)).ExecuteDeleteAsync(ct);
            if (notes + messages == 0) continue;
            db.Record(Name, now, "pairing.content-deleted", "Program", program.Id,
                $"{Words.Count(notes, "note")} and {Words.Count(messages, "message")} of {Words.Count(touched, "pairing")} that ended more than {Words.Count(program.Months, "month")} ago");
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            deleted += notes + messages;
        }
        return deleted;
    }
}
