using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Surveys;

/// <summary>
/// A program manager opens a cohort's survey by hand, ahead of the timeline, or changes when one closes. The threshold
/// is the program's at opening and stays as it was promised to respondents.
/// </summary>
public static class OpenSurvey
{
    public sealed record Request(Guid CohortId, SurveyKind? Kind, DateOnly? ClosesOn);

    public static async Task<Outcome<Guid>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var cohort = await viewer.ManagedCohorts.Include(c => c.Program).FirstOrDefaultAsync(c => c.Id == r.CohortId, ct);
        if (cohort is null) return Outcome.NotFound;
        var now = clock.GetUtcNow();
        var errors = new List<FieldError>();
        if (r.Kind is null) errors.Add(new("kind", "Choose which survey to open."));
        if (CloseError(r.ClosesOn, now) is { } closeError) errors.Add(closeError);
        if (errors.Count > 0) return Outcome.Invalid(errors);
        cohort.Program.EnsureChangeable("opening a survey");
        if (await db.Surveys.AnyAsync(s => s.CohortId == cohort.Id && s.Kind == r.Kind, ct))
            return Outcome.Conflict($"This cohort's {Instruments.Title(r.Kind!.Value).ToLowerInvariant()} is already open or done; change its closing date instead.");
        var survey = await SurveySchedule.Make(cohort.Program, cohort, r.Kind!.Value, now, EndOf(r.ClosesOn!.Value), db, now, ct);
        db.Surveys.Add(survey);
        db.Record(viewer, now, "survey.opened", "Survey", survey.Id, $"{survey.Title} opened by hand until {r.ClosesOn:d MMMM yyyy}");
        await db.SaveChangesAsync(ct);
        return survey.Id;
    }

    public sealed record CloseRequest(Guid SurveyId, DateOnly? ClosesOn, int? Version);

    public static async Task<Outcome<Done>> ChangeClose(CloseRequest r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var survey = await db.Surveys.FirstOrDefaultAsync(s => s.Id == r.SurveyId && viewer.ManagedPrograms.Any(p => p.Id == s.ProgramId), ct);
        if (survey is null) return Outcome.NotFound;
        var now = clock.GetUtcNow();
        if (CloseError(r.ClosesOn, now) is { } error) return Outcome.Invalid([error]);
        if (r.Version is { } v && v != survey.Version) return Outcome.Conflict(Outcome.ChangedMeanwhile);
        survey.CloseAt(EndOf(r.ClosesOn!.Value), now);
        db.Record(viewer, now, "survey.closing-changed", "Survey", survey.Id, $"{survey.Title} now closes at the end of {r.ClosesOn:d MMMM yyyy}");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }

    private static FieldError? CloseError(DateOnly? closesOn, DateTimeOffset now) =>
        closesOn is null ? new("closesOn", "Choose the day the survey closes.")
        : EndOf(closesOn.Value) <= now ? new("closesOn", "Choose today or a later day.")
        : closesOn.Value > DateOnly.FromDateTime(now.UtcDateTime).AddDays(90) ? new("closesOn", "A survey stays open for at most 90 days.")
        : null;

    /// <summary>A survey closes at the end of its last day (UTC), so "closes on the 14th" still takes answers that day.</summary>
    private static DateTimeOffset EndOf(DateOnly day) => new(day.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
}
