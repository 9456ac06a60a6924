using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Features.Surveys;
using Flipside.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Infrastructure.Demo;

/// <summary>
/// The pilot's baseline survey, opened two weeks before its pairs were published and answered by most of its people,
/// and the pulses after its meetings: answered through the same use cases a participant uses, so they are stored as
/// theirs would be, under pseudonyms.
/// </summary>
public static class DemoSurveys
{
    public static async Task<Guid> OpenBaseline(FlipsideDb db, Guid programId, Guid cohortId, DateTimeOffset published, CancellationToken ct)
    {
        var program = await db.Programs.SingleAsync(p => p.Id == programId, ct);
        var cohort = await db.Cohorts.SingleAsync(c => c.Id == cohortId, ct);
        var opened = published.AddDays(-14);
        var survey = await SurveySchedule.Make(program, cohort, SurveyKind.Baseline, opened, published.AddDays(7), db, opened, ct);
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        return survey.Id;
    }

    /// <summary>
    /// Answers that differ from person to person but stay on the low-to-middle side, as a baseline does: a leader's
    /// confidence in the new tools is modest, a mentor's confidence in giving upward feedback more so.
    /// </summary>
    public static async Task Answer(Guid surveyId, Viewer who, int seed, FlipsideDb db, Pseudonyms pseudonyms, TimeProvider clock, CancellationToken ct)
    {
        var view = DemoPrograms.Must(await ViewSurvey.Handle(surveyId, who, db, pseudonyms, clock, ct));
        var answers = view.Questions.Where(q => !q.FreeText).Select((q, i) =>
        {
            var low = q.Key.StartsWith("safety.", StringComparison.Ordinal) ? (q.Reversed ? 3 : 4) : 2;
            return (q.Key, Value: (int?)Math.Clamp(low + (seed + i) % 3, q.Min, q.Max));
        }).ToDictionary(a => a.Key, a => a.Value);
        DemoPrograms.Must(await AnswerSurvey.Handle(new(surveyId, answers, null), who, db, pseudonyms, clock, ct));
    }

    /// <summary>Mostly useful meetings, mostly open mentors; <paramref name="unsafeToSpeak"/> is the one that raises a flag.</summary>
    public static async Task Pulse(Guid meetingId, Viewer leader, Viewer mentor, int seed, bool unsafeToSpeak, FlipsideDb db, Pseudonyms pseudonyms,
        TimeProvider clock, CancellationToken ct)
    {
        DemoPrograms.Must(await GivePulse.Handle(new(meetingId, 3 + seed % 3, null), leader, db, pseudonyms, clock, ct));
        DemoPrograms.Must(await GivePulse.Handle(new(meetingId, 3 + (seed + 1) % 3, unsafeToSpeak ? 2 : 3 + (seed + 2) % 3), mentor, db, pseudonyms, clock, ct));
    }
}
