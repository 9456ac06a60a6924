using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Insights;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Sponsors;

/// <summary>
/// What a sponsor sees of a program: its purpose, objectives and measures, cohorts, and aggregate numbers (active pairs,
/// meetings held this quarter, insights raised and adopted once enough pairs raised them), with links to the program's
/// reports. Aggregates only: never a person's name, a note, a message or an answer.
/// </summary>
public static class SponsorOverview
{
    public sealed record Measure(string Name, decimal? Baseline, decimal Target, string Unit);
    public sealed record Objective(string Title, IReadOnlyList<Measure> Measures);
    public sealed record Cohort(string Name, CohortStatus Status, DateOnly StartsOn, DateOnly EndsOn);

    /// <summary>Insight counts are null, with <see cref="InsightsHiddenBecause"/>, until enough pairs raised insights.</summary>
    public sealed record Summary(Guid ProgramId, string Name, string Purpose, ProgramStatus Status, IReadOnlyList<string> FocusAreas,
        IReadOnlyList<Objective> Objectives, IReadOnlyList<Cohort> Cohorts, int ActivePairs, int MeetingsThisQuarter, DateOnly QuarterStarts,
        int? InsightsRaised, int? InsightsAdopted, string? InsightsHiddenBecause);

    /// <summary>The programs that name the viewer as a sponsor.</summary>
    public static async Task<IReadOnlyList<Summary>> Mine(Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var ids = await viewer.SponsoredPrograms.OrderBy(p => p.Status == ProgramStatus.Archived).ThenBy(p => p.Name).Select(p => p.Id).ToListAsync(ct);
        var list = new List<Summary>();
        foreach (var id in ids) list.Add(await Of(id, db, clock, ct));
        return list;
    }

    /// <summary>One program whose aggregates the viewer may read: sponsors, its managers and administrators.</summary>
    public static async Task<Outcome<Summary>> One(Guid programId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
        await viewer.ReportablePrograms.AnyAsync(p => p.Id == programId, ct) ? await Of(programId, db, clock, ct) : Outcome.NotFound;

    private static async Task<Summary> Of(Guid programId, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var p = await db.Programs.AsNoTracking().AsSplitQuery().Include(x => x.Objectives).ThenInclude(o => o.Measures).Include(x => x.Cohorts)
            .SingleAsync(x => x.Id == programId, ct);
        var now = clock.GetUtcNow();
        var quarter = new DateTimeOffset(now.Year, (now.Month - 1) / 3 * 3 + 1, 1, 0, 0, 0, TimeSpan.Zero);
        var pairings = db.Pairings.Where(x => x.Cohort.ProgramId == programId);
        var active = await pairings.CountAsync(x => x.Status == PairingStatus.Active, ct);
        var meetings = await db.Meetings.CountAsync(m => pairings.Any(x => x.Id == m.PairingId) && m.Status == MeetingStatus.Held && m.StartsAt >= quarter && m.StartsAt <= now, ct);
        var counts = await InsightCounts.For(programId, db, ct);
        var shown = Anonymity.Reportable(counts.Pairs, p.AnonymityThreshold);
        return new Summary(p.Id, p.Name, p.Purpose, p.Status, p.FocusAreas,
            [.. p.Objectives.OrderBy(o => o.Position).Select(o => new Objective(o.Title, [.. o.Measures.OrderBy(m => m.Position).Select(m => new Measure(m.Name, m.Baseline, m.Target, m.Unit))]))],
            [.. p.Cohorts.OrderBy(c => c.StartsOn).ThenBy(c => c.Name).Select(c => new Cohort(c.Name, c.Status, c.StartsOn, c.EndsOn))],
            active, meetings, DateOnly.FromDateTime(quarter.UtcDateTime),
            shown ? counts.Raised : null, shown ? counts.Adopted : null, shown ? null : LeadershipInsights.TooFewPairs(p.AnonymityThreshold));
    }
}
