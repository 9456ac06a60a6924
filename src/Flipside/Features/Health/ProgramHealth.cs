using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Sessions;
using Flipside.Features.Shared;
using Flipside.Features.Training;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Flipside.Features.Health;

/// <summary>
/// A program's health, or one cohort's, for whoever may read the program's aggregates (<see cref="Viewer.ReportablePrograms"/>).
/// The figures are always computed for the whole program, so that the pulse gate sees every group any page could show
/// (a cohort's average next to the program's is the differencing the guard is for); a cohort's view is a slice.
/// </summary>
public static class ProgramHealth
{
    public const string NotAReader = "Program health is for the program's managers, its sponsors and administrators.";
    public const string FlagsForManagersOnly = "Low-pulse and safety flags go to the program's managers only, so they are not counted here.";

    /// <param name="page">Which <see cref="HealthReport.PageSize"/> of the pairs at risk (and, for a cohort, of every pair) to list.</param>
    public static async Task<Outcome<HealthReport>> ForProgram(Guid programId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct,
        IMemoryCache? cache = null, int page = 1)
    {
        if (!(viewer.IsProgramStaff || viewer.IsSponsor)) return Outcome.Forbidden(NotAReader);
        return await Read(programId, null, viewer, db, clock, cache, page, ct);
    }

    public static async Task<Outcome<HealthReport>> ForCohort(Guid cohortId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct,
        IMemoryCache? cache = null, int page = 1)
    {
        if (!(viewer.IsProgramStaff || viewer.IsSponsor)) return Outcome.Forbidden(NotAReader);
        var programId = await db.Cohorts.Where(c => c.Id == cohortId).Select(c => (Guid?)c.ProgramId).FirstOrDefaultAsync(ct);
        return programId is { } id ? await Read(id, cohortId, viewer, db, clock, cache, page, ct) : Outcome.NotFound;
    }

    private static async Task<Outcome<HealthReport>> Read(Guid programId, Guid? cohortId, Viewer viewer, FlipsideDb db, TimeProvider clock,
        IMemoryCache? cache, int page, CancellationToken ct)
    {
        if (page < 1) return Outcome.Invalid("page", "Page must be 1 or more.");
        if (!await viewer.ReportablePrograms.AnyAsync(p => p.Id == programId, ct)) return Outcome.NotFound;
        var drill = await viewer.ManagedPrograms.AnyAsync(p => p.Id == programId, ct);
        var reader = (await viewer.Person(ct))?.Id;
        // Building reads every pair, meeting and pulse of the program (half a second at 5,000 pairs), and managers and
        // sponsors open it far more often than the data changes. Readers see different pairs (a flag is hidden from the
        // leader's reporting line), so the key holds who reads.
        // Flags are released on Mondays without any write to stamp: the week is part of the key.
        var report = await StampedCache.GetOrBuild(new HealthKey(programId, cohortId, drill, reader, Surveys.PairFlags.ReleasedBefore(clock.GetUtcNow())), cache, db, clock,
            () => Build(programId, cohortId, drill, reader, db, clock, ct), ct);
        return report is null ? Outcome.NotFound : report.Paged(page);
    }

    private sealed record HealthKey(Guid ProgramId, Guid? CohortId, bool CanDrillDown, Guid? ReaderPersonId, DateOnly FlagsReleasedBefore);

    private static async Task<HealthReport?> Build(Guid programId, Guid? cohortId, bool drill, Guid? reader, FlipsideDb db, TimeProvider clock,
        CancellationToken ct)
    {
        var program = await db.Programs.Where(p => p.Id == programId)
            .Select(p => new { p.Id, p.Name, p.AnonymityThreshold, p.CadenceWeeks, p.MentorLabel, p.MenteeLabel }).SingleAsync(ct);
        var now = clock.GetUtcNow();
        var cohorts = await db.Cohorts.Where(c => c.ProgramId == programId).OrderBy(c => c.StartsOn).ThenBy(c => c.Name)
            .Select(c => new { c.Id, c.Name }).ToListAsync(ct);

        var pairs = await PairRisks.AsSeenBy(await PairRisks.Load(db.Pairings.Where(p => p.Cohort.ProgramId == programId), db, now, ct),
            reader, db, ct);
        var rows = pairs.Select(p => Row(p, now)).ToList();
        var enrolled = await db.Enrollments.Where(e => e.Cohort.ProgramId == programId && e.Status == EnrollmentStatus.Enrolled)
            .Select(e => new { e.Id, e.PersonId, e.CohortId, e.Role }).ToListAsync(ct);
        // Nothing required, nothing to look up: the completions query takes every enrolled person as a parameter.
        var trainingRequired = await db.TrainingRequirements.AnyAsync(r => r.ProgramId == programId, ct);
        var training = trainingRequired
            ? await TrainingProgress.For([.. enrolled.Select(e => new TrainingProgress.Who(e.Id, e.PersonId, programId, e.Role))], db, ct)
            : enrolled.ToDictionary(e => e.Id, _ => new List<TrainingProgress.Required>());
        var pulses = await PulseFigures.Of(programId, [.. cohorts.Select(c => c.Id)], program.AnonymityThreshold, now, db, ct);

        HealthReport.Figures Figures(Guid? id, string name, Func<Guid, bool> inScope)
        {
            var mine = rows.Where(r => inScope(r.CohortId)).ToList();
            var active = mine.Where(r => r.Status == PairingStatus.Active).ToList();
            var people = enrolled.Where(e => inScope(e.CohortId)).ToList();
            return new(id, name, active.Count, mine.Count, mine.Sum(r => r.Held), mine.Sum(r => r.Expected), Median(active.Select(r => r.DaysSinceLastMeeting)),
                active.Count(r => r.LastHeld is null), active.Count(r => r.Reasons.Any(x => x.Rule == PairRisks.Rule.NoMeetingIn45Days)),
                people.Count, people.Count(e => training[e.Id].All(m => m.Done)), trainingRequired,
                pairs.Count(p => inScope(p.CohortId) && p.Signed), pulses.Useful(id), pulses.SpokeOpenly(id));
        }

        var cohortFigures = cohorts.Where(c => cohortId is null || c.Id == cohortId)
            .Select(c => Figures(c.Id, c.Name, id => id == c.Id)).ToList();
        if (cohortId is not null && cohortFigures.Count == 0) return null;
        var scoped = rows.Where(r => cohortId is null || r.CohortId == cohortId).ToList();
        var flagged = scoped.Where(r => r.Reasons.Count > 0).ToList();
        var riskCounts = Enum.GetValues<PairRisks.Rule>()
            .Where(rule => drill || rule is not (PairRisks.Rule.LowPulse or PairRisks.Rule.SafetyFlag))
            .Select(rule => new HealthReport.RiskCount(rule, HealthReport.Label(rule), flagged.Count(r => r.Reasons.Any(x => x.Rule == rule)))).ToList();
        var surveys = await SurveyRates.Of(programId, cohortId, db, ct);

        return new HealthReport(program.Id, program.Name, cohortId, cohortFigures.FirstOrDefault(c => c.CohortId == cohortId)?.Name, program.AnonymityThreshold,
            program.CadenceWeeks, program.MentorLabel, program.MenteeLabel, now, drill, Figures(null, program.Name, _ => true), cohortFigures, surveys,
            pulses.Trend, riskCounts,
            drill ? [.. flagged.OrderBy(r => r.CohortName, StringComparer.Ordinal).ThenBy(r => r.MenteeName, StringComparer.Ordinal)] : null,
            drill && cohortId is not null ? [.. scoped.OrderBy(r => r.MenteeName, StringComparer.Ordinal)] : null)
        { FlagsWithheld = drill && reader is null ? Surveys.PairFlags.Withheld : null };
    }

    /// <summary>One meeting per cadence from publication to the end, the pause, or now.</summary>
    public static int Expected(PairRisks.Pair p, DateTimeOffset now)
    {
        var until = p.EndedAt ?? (p.Status == PairingStatus.Paused ? p.PausedAt : null) ?? now;
        return until <= p.PublishedAt ? 0 : (int)((until - p.PublishedAt).TotalDays / (7 * p.CadenceWeeks));
    }

    public static HealthReport.PairRow Row(PairRisks.Pair p, DateTimeOffset now)
    {
        var since = p.Meetings.LastHeld is { } held && held > p.PublishedAt ? held : p.PublishedAt;
        return new(p.PairingId, p.CohortId, p.CohortName, p.MentorName, p.MenteeName, p.Status, p.Meetings.Held, Expected(p, now), p.Meetings.LastHeld,
            Math.Max(0, (int)(now - since).TotalDays), PairRisks.Assess(p, now));
    }

    private static int? Median(IEnumerable<int> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? null : sorted[sorted.Count / 2];
    }
}
