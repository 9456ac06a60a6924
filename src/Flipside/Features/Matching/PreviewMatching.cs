using System.Diagnostics;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Matching;

/// <summary>
/// What a run with these weights would give, before the program manager commits to it: how many of today's
/// proposals would change, the new total and the unmatched count. Nothing is saved.
/// </summary>
public static class PreviewMatching
{
    public sealed record Preview(int Pairs, long Total, int Unmatched, int Added, int Dropped, bool ProvenOptimal, long CurrentTotal, int ElapsedMilliseconds);

    public static async Task<Outcome<Preview>> Handle(RunMatching.Request r, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var solved = await RunMatching.Solve(r, viewer, db, ct);
        if (solved.Problem is { } problem) return problem;
        var (_, setup, result) = solved.Value;
        var current = setup.Pairings.Where(p => p.Status is PairingStatus.Proposed or PairingStatus.Approved).Select(MatchSetup.Ids).ToHashSet();
        var proposed = result.Pairings.Select(p => new Flipside.Matching.Profiles.PairIds(p.MenteeId, p.MentorId)).ToHashSet();
        long currentTotal = await db.Pairings.Where(p => p.CohortId == r.CohortId && (p.Status == PairingStatus.Proposed || p.Status == PairingStatus.Approved))
            .SumAsync(p => p.Score, ct);
        return new Preview(result.Pairings.Count, result.TotalScore, result.Unmatched.Count,
            proposed.Count(p => !current.Contains(p)), current.Count(p => !proposed.Contains(p)), result.ProvenOptimal, currentTotal, (int)watch.ElapsedMilliseconds);
    }
}
