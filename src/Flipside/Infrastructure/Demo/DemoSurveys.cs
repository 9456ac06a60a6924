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
        var answers = view.Questions.Where(q => !q.FreeText).ToDictionary(q => q.Key, q => (int?)Math.Clamp(Start(q, seed), q.Min, q.Max));
        DemoPrograms.Must(await AnswerSurvey.Handle(new(surveyId, answers, null), who, db, pseudonyms, clock, ct));
    }

    /// <summary>
    /// The pilot's final survey, which its manager opened by hand ahead of the cohort's end and which has closed, so that
    /// the impact report already has baseline and final answers to compare (results are shown only once a survey closes).
    /// </summary>
    public static async Task<Guid> OpenFinal(FlipsideDb db, Guid programId, Guid cohortId, DateTimeOffset opened, DateTimeOffset closes, CancellationToken ct)
    {
        var program = await db.Programs.SingleAsync(p => p.Id == programId, ct);
        var cohort = await db.Cohorts.SingleAsync(c => c.Id == cohortId, ct);
        var survey = await SurveySchedule.Make(program, cohort, SurveyKind.Final, opened, closes, db, opened, ct);
        db.Surveys.Add(survey);
        await db.SaveChangesAsync(ct);
        return survey.Id;
    }

    /// <summary>
    /// The final: most items one or two points better than the person's baseline (lower on reverse-scored ones), one in
    /// a few unchanged; looking back, people rate where they started a little lower than they did at the time — the
    /// response shift the then-test exists to show. Satisfied, and most would recommend the program.
    /// </summary>
    public static async Task AnswerFinal(Guid surveyId, Viewer who, int seed, FlipsideDb db, Pseudonyms pseudonyms, TimeProvider clock, CancellationToken ct)
    {
        var view = DemoPrograms.Must(await ViewSurvey.Handle(surveyId, who, db, pseudonyms, clock, ct));
        var answers = view.Questions.Where(q => !q.FreeText).ToDictionary(q => q.Key, q =>
        {
            var better = q.Reversed ? -1 : 1;
            var start = Start(q, seed);
            var value = q.Scale switch
            {
                "Satisfaction" => 4 + seed % 2,
                "Recommend" => 6 + seed % 5,
                _ when q.Retrospective => start - better * ((seed + Spread(q.Key)) % 2),
                _ => start + better * ((seed + Spread(q.Key)) % 3),
            };
            return (int?)Math.Clamp(value, q.Min, q.Max);
        });
        DemoPrograms.Must(await AnswerSurvey.Handle(new(surveyId, answers, null), who, db, pseudonyms, clock, ct));
    }

    /// <summary>Where a person started on an item: the same for the baseline item and the final's look back at it.</summary>
    private static int Start(SurveyQuestion q, int seed)
    {
        var key = q.Key.StartsWith("then:", StringComparison.Ordinal) ? q.Key["then:".Length..] : q.Key;
        var low = key.StartsWith("safety.", StringComparison.Ordinal) ? (q.Reversed ? 3 : 4) : 2;
        return low + (seed + Spread(key)) % 3;
    }

    private static int Spread(string key) => key.Sum(c => c) % 7;

    /// <summary>Mostly useful meetings, mostly open mentors; <paramref name="unsafeToSpeak"/> is the one that raises a flag.</summary>
    public static async Task Pulse(Guid meetingId, Viewer leader, Viewer mentor, int seed, bool unsafeToSpeak, FlipsideDb db, Pseudonyms pseudonyms,
        TimeProvider clock, CancellationToken ct)
    {
        DemoPrograms.Must(await GivePulse.Handle(new(meetingId, 3 + seed % 3, null), leader, db, pseudonyms, clock, ct));
        DemoPrograms.Must(await GivePulse.Handle(new(meetingId, 3 + (seed + 1) % 3, unsafeToSpeak ? 2 : 3 + (seed + 2) % 3), mentor, db, pseudonyms, clock, ct));
    }
}
