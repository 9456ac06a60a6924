using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Matching;

/// <summary>One kept run in full, for comparing runs: its settings, totals and what it proposed.</summary>
public static class MatchRunDetail
{
    public sealed record Run(Guid Id, DateTimeOffset StartedAt, MatchObjective Objective, MatchWeights Weights, int Pairs, long Total, int Unmatched,
        bool ProvenOptimal, RunDetail Detail);

    public static async Task<Run?> Handle(Guid cohortId, Guid runId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        if (!await viewer.ManagedCohorts.AnyAsync(c => c.Id == cohortId, ct)) return null;
        var run = await db.MatchRuns.FirstOrDefaultAsync(r => r.Id == runId && r.CohortId == cohortId, ct);
        return run is null ? null : new Run(run.Id, run.StartedAt, run.Objective, run.Weights, run.Pairs, run.Total, run.Unmatched, run.ProvenOptimal,
            RunDetail.FromJson(run.Detail).SeenBy(viewer.IsAdministrator));
    }
}
