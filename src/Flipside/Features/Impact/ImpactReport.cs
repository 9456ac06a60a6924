using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Flipside.Features.Impact;

/// <summary>
/// The impact report of a program, or of one of its waves, for its managers, its sponsors and administrators: aggregates
/// only, every figure from people's answers passed through <see cref="Anonymity"/>. A participant is refused (403); a
/// program the viewer may not report on is not found (404); a wave whose respondents would be too few, or would
/// differ from the program's by fewer than k, is refused (409) with the sentence why.
/// </summary>
public static class ImpactReport
{
    public const string StaffAndSponsorsOnly = "Only the program's managers and sponsors see its impact report.";

    public static async Task<Outcome<ImpactView>> Handle(Guid programId, Guid? cohortId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct,
        IMemoryCache? cache = null)
    {
        if (!viewer.IsProgramStaff && !viewer.IsSponsor) return Outcome.Forbidden(StaffAndSponsorsOnly);
        if (!await viewer.ReportablePrograms.AnyAsync(p => p.Id == programId, ct)) return Outcome.NotFound;
        // The report reads every answer, pulse and pairing of the program, and is the same for everyone who may read it
        // (aggregates only): it is kept while nothing is saved (StampedCache).
        var built = await StampedCache.GetOrBuild(new Key(programId, cohortId), cache, db, clock, () => Build(programId, cohortId, db, clock, ct), ct);
        if (built is null) return Outcome.NotFound;
        return built.Refused is not null ? Outcome.Conflict(built.Refused) : built.View!;
    }

    private sealed record Key(Guid ProgramId, Guid? CohortId);

    private sealed record Built(ImpactView? View, string? Refused);

    private static async Task<Built?> Build(Guid programId, Guid? cohortId, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().AsSplitQuery()
            .Include(p => p.Objectives).ThenInclude(o => o.Measures).Include(p => p.Cohorts)
            .FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return null;
        if (cohortId is { } wave && program.Cohorts.All(c => c.Id != wave)) return null;
        var data = await Load(program, clock.GetUtcNow(), db, ct);
        var (view, refused) = ImpactBuilder.Build(data, clock.GetUtcNow(), cohortId);
        return new Built(view, refused);
    }

    /// <summary>
    /// One query per table, every row of the program at once. Only closed surveys and completed months count: a figure
    /// that moves as each answer arrives, read twice, describes whoever answered in between.
    /// </summary>
    public static async Task<ImpactData> Load(MentoringProgram program, DateTimeOffset now, FlipsideDb db, CancellationToken ct)
    {
        var id = program.Id;
        var thisMonth = new DateOnly(now.Year, now.Month, 1);
        var surveys = await db.Surveys.AsNoTracking().Where(s => s.ProgramId == id).ToListAsync(ct);
        surveys = [.. surveys.Where(s => s.ClosesAt <= now)];
        var surveyIds = surveys.Select(s => s.Id).ToList();
        var responses = await db.SurveyResponses.AsNoTracking().Where(r => surveyIds.Contains(r.SurveyId)).ToListAsync(ct);
        var pulses = await db.PulseAnswers.AsNoTracking().Where(p => p.ProgramId == id && p.Month < thisMonth).ToListAsync(ct);
        var measureIds = program.Objectives.SelectMany(o => o.Measures).Select(m => m.Id).ToList();
        var values = await db.MeasureValues.AsNoTracking().Where(v => measureIds.Contains(v.MeasureId)).ToListAsync(ct);
        var pairings = await db.Pairings.Where(p => p.Cohort.ProgramId == id && p.PublishedAt != null)
            .Select(p => new { p.Id, p.CohortId, p.PublishedAt, p.EndedAt }).ToListAsync(ct);
        var held = await db.Meetings.Where(m => m.Status == MeetingStatus.Held && db.Pairings.Any(p => p.Id == m.PairingId && p.Cohort.ProgramId == id && p.PublishedAt != null))
            .GroupBy(m => m.PairingId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var goals = await db.Goals.Where(g => db.Pairings.Any(p => p.Id == g.PairingId && p.Cohort.ProgramId == id))
            .Select(g => new { g.PairingId, Total = g.Milestones.Count, Done = g.Milestones.Count(m => m.DoneAt != null) }).ToListAsync(ct);
        var items = await db.ActionItems.Where(a => a.Owner == ParticipantRole.Mentee && db.Pairings.Any(p => p.Id == a.PairingId && p.Cohort.ProgramId == id))
            .GroupBy(a => a.PairingId).Select(g => new { g.Key, Total = g.Count(), Done = g.Count(a => a.CompletedAt != null) })
            .ToDictionaryAsync(g => g.Key, g => (g.Total, g.Done), ct);
        var insights = await db.Insights.Where(i => i.ProgramId == id).Select(i => new InsightFacts(i.PairingId, i.Status)).ToListAsync(ct);
        var goalsOf = goals.ToLookup(g => g.PairingId);
        var facts = pairings.Select(p =>
        {
            var mine = goalsOf[p.Id].ToList();
            var (taken, done) = items.GetValueOrDefault(p.Id);
            return new PairingFacts(p.Id, p.CohortId, p.PublishedAt, p.EndedAt, held.GetValueOrDefault(p.Id),
                mine.Count, mine.Count(g => g.Total > 0 && g.Done == g.Total), mine.Sum(g => g.Total), mine.Sum(g => g.Done), taken, done);
        }).ToList();
        return new(program, surveys, responses, pulses, values, facts, insights);
    }
}
