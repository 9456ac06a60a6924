using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Surveys;

/// <summary>
/// When each survey of a cohort opens and closes (decision 0014): the baseline while the cohort enrols or is being
/// matched, until its start but for at least two weeks; the midpoint halfway through, for two weeks; the final at the
/// end, for three weeks. Each copies the program's instrument (or the built-in one) and its threshold as it is then.
/// </summary>
public static class SurveySchedule
{
    public static readonly TimeSpan BaselineAtLeast = TimeSpan.FromDays(14);
    public static readonly TimeSpan MidpointOpen = TimeSpan.FromDays(14);
    public static readonly TimeSpan FinalOpen = TimeSpan.FromDays(21);

    /// <summary>The kinds due for this cohort now and their closing instant; null when a kind is not (or no longer) due.</summary>
    public static DateTimeOffset? DueUntil(SurveyKind kind, Cohort cohort, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var start = At(cohort.StartsOn);
        var end = At(cohort.EndsOn);
        return kind switch
        {
            SurveyKind.Baseline when cohort.Status is CohortStatus.Enrolling or CohortStatus.Matching => Later(start, now + BaselineAtLeast),
            SurveyKind.Midpoint when cohort.Status == CohortStatus.Active && today >= Midpoint(cohort) && today < cohort.EndsOn =>
                Later(At(Midpoint(cohort)) + MidpointOpen, now + TimeSpan.FromDays(1)),
            SurveyKind.Final when cohort.Status is CohortStatus.Active or CohortStatus.Closed && today >= cohort.EndsOn && now < end + FinalOpen => end + FinalOpen,
            _ => null,
        };
    }

    public static DateOnly Midpoint(Cohort cohort) => cohort.StartsOn.AddDays((cohort.EndsOn.DayNumber - cohort.StartsOn.DayNumber) / 2);

    /// <summary>A new survey of the cohort, with the program's own instrument or the built-in one, and the program's threshold fixed.</summary>
    public static async Task<Survey> Make(MentoringProgram program, Cohort cohort, SurveyKind kind, DateTimeOffset opensAt, DateTimeOffset closesAt,
        FlipsideDb db, DateTimeOffset now, CancellationToken ct)
    {
        var own = await db.SurveyInstruments.AsNoTracking().FirstOrDefaultAsync(i => i.ProgramId == program.Id && i.Kind == kind, ct);
        var questions = own?.Questions ?? [.. Instruments.BuiltIn(kind, program.FocusAreas)];
        return new Survey(program.Id, cohort.Id, kind, $"{Instruments.Title(kind)}: {program.Name}, {cohort.Name}", opensAt, closesAt,
            program.AnonymityThreshold, questions.Select(Copy), now);
    }

    private static SurveyQuestion Copy(SurveyQuestion q) => new()
    {
        Key = q.Key, Text = q.Text, Scale = q.Scale, Min = q.Min, Max = q.Max, Reversed = q.Reversed, Retrospective = q.Retrospective, FreeText = q.FreeText,
        Audience = q.Audience,
    };

    private static DateTimeOffset At(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    private static DateTimeOffset Later(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
