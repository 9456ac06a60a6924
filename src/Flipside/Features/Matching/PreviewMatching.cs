using System.Diagnostics;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Matching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Flipside.Features.Matching;

/// <summary>
/// What a run with these weights would give, before the program manager commits to it: how many of today's
/// proposals would change, the new total and the unmatched count. Nothing is saved.
/// </summary>
public static class PreviewMatching
{
    public sealed record Preview(int Pairs, long Total, int Unmatched, int Added, int Dropped, bool ProvenOptimal, long CurrentTotal, int ElapsedMilliseconds);

    /// <summary>What the weights would change is the optimum's question; in ranked choice the rankings decide who is paired.</summary>
    public const string RankedChoiceHasNoPreview = "This cohort is matched on its participants' rankings: the weights only score and explain each pair, " +
        "so they change no one's partner and there is nothing to preview. Run matching to see the stable pairs.";

    /// <summary>The preview; with a cache, the compiled cohort is reused between previews while it is current (<see cref="CompiledCohorts"/>).</summary>
    public static async Task<Outcome<Preview>> Handle(RunMatching.Request r, Viewer viewer, FlipsideDb db, CancellationToken ct, IMemoryCache? cache = null)
    {
        var watch = Stopwatch.StartNew();
        if (await viewer.ManagedCohorts.AnyAsync(c => c.Id == r.CohortId && c.Program.MatchingMode == MatchingMode.RankedChoice, ct))
            return Outcome.Conflict(RankedChoiceHasNoPreview);
        // The optimum without explanations: a preview reports counts and totals, and explaining every pair and
        // everyone unmatched would cost as much again as the solve. Its total is a run's total (engine tests).
        var solved = await RunMatching.Solve(r, viewer, db, setup => Matcher.Solve(setup.Request), (_, setup, solution) => (setup, solution), ct, cache);
        if (solved.Problem is { } problem) return problem;
        var (setup, result) = solved.Value;
        var current = setup.Pairings.Where(p => p.Status is PairingStatus.Proposed or PairingStatus.Approved).Select(MatchSetup.Ids).ToHashSet();
        var proposed = result.Pairs.ToHashSet();
        long currentTotal = await db.Pairings.Where(p => p.CohortId == r.CohortId && (p.Status == PairingStatus.Proposed || p.Status == PairingStatus.Approved))
            .SumAsync(p => p.Score, ct);
        return new Preview(result.Pairs.Count, result.TotalScore, result.Unmatched,
            proposed.Count(p => !current.Contains(p)), current.Count(p => !proposed.Contains(p)), result.ProvenOptimal, currentTotal, (int)watch.ElapsedMilliseconds);
    }
}
