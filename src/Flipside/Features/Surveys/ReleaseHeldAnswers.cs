using System.Security.Cryptography;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Surveys;

/// <summary>
/// The job that moves held answers into storage in shuffled batches, so that no answer can be lined up with the
/// participation row written when it was given (decision 0014). A survey's answers go once at least k of them wait, or
/// when it closes; a pulse's once k wait for its program and month, or when the month is over. A last batch smaller
/// than k is written together with every answer already stored for the same survey (or program and month), all under
/// new random ids, so that it is never a small group apart.
/// </summary>
public sealed class ReleaseHeldAnswers(FlipsideDb db, TimeProvider clock) : IJob
{
    public const string Name = "held-answers";

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var thisMonth = new DateOnly(now.Year, now.Month, 1);
        var scopes = await db.HeldAnswers.GroupBy(h => new { h.ProgramId, h.SurveyId, h.Month })
            .Select(g => new { g.Key.ProgramId, g.Key.SurveyId, g.Key.Month, Count = g.Count() }).ToListAsync(ct);
        var surveyIds = scopes.Where(s => s.SurveyId is not null).Select(s => s.SurveyId!.Value).ToList();
        var surveys = await db.Surveys.Where(s => surveyIds.Contains(s.Id)).Select(s => new { s.Id, s.Threshold, s.ClosesAt }).ToDictionaryAsync(s => s.Id, ct);
        var programIds = scopes.Select(s => s.ProgramId).Distinct().ToList();
        var thresholds = await db.Programs.Where(p => programIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.AnonymityThreshold, ct);
        var released = 0;
        foreach (var scope in scopes)
        {
            var (k, over) = scope.SurveyId is { } id ? (surveys[id].Threshold, surveys[id].ClosesAt <= now) : (thresholds[scope.ProgramId], scope.Month < thisMonth);
            if (scope.Count < k && !over) continue;
            released += await Release(scope.ProgramId, scope.SurveyId, scope.Month, k, ct);
        }
        return released;
    }

    /// <summary>Stores every held answer of one survey that has just closed, whatever their number (the close-now action).</summary>
    public Task<int> ReleaseClosed(Survey survey, CancellationToken ct) => Release(survey.ProgramId, survey.Id, null, survey.Threshold, ct);

    private async Task<int> Release(Guid programId, Guid? surveyId, DateOnly? month, int k, CancellationToken ct)
    {
        // In a caller's transaction (the demo loads in one) the batch commits with it.
        await using var tx = await db.BeginUnlessInTransaction(ct);
        var held = await db.HeldAnswers.Where(h => h.ProgramId == programId && h.SurveyId == surveyId && h.Month == month).ToListAsync(ct);
        var small = held.Count < k;
        if (surveyId is { } id)
        {
            var batch = held.Select(HeldAnswers.Response).ToList();
            if (small) batch.AddRange(await Rewritten(db.SurveyResponses.Where(r => r.SurveyId == id), HeldAnswers.Copy, ct));
            db.SurveyResponses.AddRange(Shuffled(batch));
        }
        else
        {
            var batch = held.Select(HeldAnswers.Pulse).ToList();
            if (small) batch.AddRange(await Rewritten(db.PulseAnswers.Where(p => p.ProgramId == programId && p.Month == month), HeldAnswers.Copy, ct));
            db.PulseAnswers.AddRange(Shuffled(batch));
        }
        db.HeldAnswers.RemoveRange(held);
        await db.SaveChangesAsync(ct);
        if (tx is not null) await tx.CommitAsync(ct);
        return held.Count;
    }

    /// <summary>Deletes the stored rows and returns copies of them under new ids, to be written again with the batch.</summary>
    private async Task<List<T>> Rewritten<T>(IQueryable<T> stored, Func<T, T> copy, CancellationToken ct) where T : class
    {
        var rows = await stored.ToListAsync(ct);
        db.RemoveRange(rows);
        await db.SaveChangesAsync(ct);
        return [.. rows.Select(copy)];
    }

    private static T[] Shuffled<T>(List<T> batch)
    {
        var array = batch.ToArray();
        RandomNumberGenerator.Shuffle(array.AsSpan());
        return array;
    }
}
