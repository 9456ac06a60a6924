using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Nudges;
using Flipside.Features.Surveys;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Surveys;

/// <summary>Surveys on the cohort's timeline, what managers see of them (rates, k-gated averages), reminders and the program's own questions.</summary>
public sealed class SurveyManagementTests(FlipsideFactory app) : AdministeredTests(app)
{
    [Fact]
    public async Task TheJob_OpensEachSurveyOnceOnTheTimeline_WithTheProgramsThresholdFixed()
    {
        await Surveyed.Make(App, threshold: 7);
        Assert.Equal(1, await Surveyed.Run<OpenDueSurveys>(App));
        Assert.Equal(0, await Surveyed.Run<OpenDueSurveys>(App));
        var baseline = await App.Query(db => db.Surveys.SingleAsync());
        Assert.Equal((SurveyKind.Baseline, 7), (baseline.Kind, baseline.Threshold));
        // The cohort starts on 1 January 2027, more than 14 days away: the baseline closes at its start.
        Assert.Equal(new DateTimeOffset(2027, 1, 1, 0, 0, 0, TimeSpan.Zero), baseline.ClosesAt);
        await App.Query(async db =>
        {
            (await db.Programs.SingleAsync()).AnonymityThreshold = 9;
            var cohort = await db.Cohorts.SingleAsync();
            cohort.MoveTo(CohortStatus.Matching, pairingsReady: 1);
            cohort.MoveTo(CohortStatus.Active, pairingsReady: 1);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(7, await App.Query(db => db.Surveys.Select(s => s.Threshold).SingleAsync()));
        // Halfway through 1 January to 30 June 2027 (1 April) the midpoint opens; at the end, the final.
        App.Clock.SetUtcNow(new DateTimeOffset(2027, 4, 1, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await Surveyed.Run<OpenDueSurveys>(App));
        App.Clock.SetUtcNow(new DateTimeOffset(2027, 6, 30, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await Surveyed.Run<OpenDueSurveys>(App));
        var final = await App.Query(db => db.Surveys.SingleAsync(s => s.Kind == SurveyKind.Final));
        Assert.Equal((9, new DateTimeOffset(2027, 7, 21, 0, 0, 0, TimeSpan.Zero)), (final.Threshold, final.ClosesAt));
        Assert.Contains(final.Questions, q => q.Key == "then:safety.1" && q.Retrospective && q.Scale == "Psychological safety");
        Assert.Contains(final.Questions, q => q.Key == "recommend" && q.Min == 0 && q.Max == 10);
    }

    [Fact]
    public async Task AManager_OpensASurveyByHand_AndMovesItsClose_WithBadDatesRefused()
    {
        var world = await Surveyed.Make(App, status: CohortStatus.Active);
        var bad = await Admin.PostAsJsonAsync($"/api/v1/cohorts/{world.CohortId}/surveys", new { kind = "Midpoint", closesOn = "2026-11-01" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("closesOn", await bad.Content.ReadAsStringAsync());
        var opened = await Admin.PostAsJsonAsync($"/api/v1/cohorts/{world.CohortId}/surveys", new { kind = "Midpoint", closesOn = "2026-12-10" });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await Admin.PostAsJsonAsync($"/api/v1/cohorts/{world.CohortId}/surveys", new { kind = "Midpoint", closesOn = "2026-12-10" })).StatusCode);
        var surveyId = await world.Survey(App, SurveyKind.Midpoint);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PutAsJsonAsync($"/api/v1/surveys/{surveyId}/closes-on", new { closesOn = "2026-12-20" })).StatusCode);
        Assert.Equal(new DateTimeOffset(2026, 12, 21, 0, 0, 0, TimeSpan.Zero), await App.Query(db => db.Surveys.Select(s => s.ClosesAt).SingleAsync()));
        var cohortPage = await (await Admin.GetAsync($"/Surveys/Cohort?cohortId={world.CohortId}")).Html();
        Assert.Contains("0 of 2 (0%)", cohortPage);
    }

    /// <summary>The survey closes a minute from now, and the minute passes.</summary>
    private async Task Closed(Guid surveyId)
    {
        await App.Query(async db =>
        {
            var survey = await db.Surveys.SingleAsync(s => s.Id == surveyId);
            survey.CloseAt(App.Clock.GetUtcNow().AddMinutes(1), App.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        App.Clock.Advance(TimeSpan.FromMinutes(2));
    }

    /// <summary>Responses written straight to the table: the gate and the rates are what is under test, not answering.</summary>
    private async Task<Guid> ASurveyWith(Surveyed world, int leaders, int mentors, int commentsFrom = 0)
    {
        return await App.Query(async db =>
        {
            var survey = new Survey(world.ProgramId, world.CohortId, SurveyKind.Baseline, "Baseline", App.Clock.GetUtcNow(), App.Clock.GetUtcNow().AddDays(14), 5,
                Instruments.BuiltIn(SurveyKind.Baseline, Surveyed.Areas), App.Clock.GetUtcNow());
            db.Surveys.Add(survey);
            var enrolments = await db.Enrollments.Where(e => e.CohortId == world.CohortId).OrderBy(e => e.Role).ThenBy(e => e.Id).ToListAsync();
            var (l, m) = (0, 0);
            foreach (var e in enrolments)
            {
                var take = e.Role == ParticipantRole.Mentee ? l++ < leaders : m++ < mentors;
                if (!take) continue;
                var role = e.Role;
                var answers = survey.Questions.Where(q => q.IsFor(role) && !q.FreeText).Select(q => new SurveyAnswer { Key = q.Key, Value = q.Min + 1 });
                db.SurveyResponses.Add(new SurveyResponse(survey.Id, $"code-{e.Id:N}", role, answers, l + m <= commentsFrom ? $"Comment {l + m}" : null));
                db.SurveyParticipations.Add(new SurveyParticipation(survey.Id, e.Id, DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime)));
            }
            await db.SaveChangesAsync();
            return survey.Id;
        });
    }

    [Fact]
    public async Task Results_ShowRatesAndGatedMeans_AndTheCsvOfAGroupUnderKIs409()
    {
        var world = await Surveyed.Make(App, leaders: 6, mentors: 3);
        var surveyId = await ASurveyWith(world, leaders: 6, mentors: 3, commentsFrom: 9);
        // While open: the response rate only, and why; a CSV is refused with the same sentence.
        var open = (await Admin.GetFromJsonAsync<SurveyResults.View>($"/api/v1/surveys/{surveyId}/results", Json.Options))!;
        Assert.Equal(new[] { (6, 6), (3, 3) }, open.Rates.Select(r => (r.Answered, r.Eligible)));
        Assert.Equal((0, SurveyResults.WhileOpen(open.ClosesAt)), (open.Figures.Count, open.ResultsHiddenBecause));
        Assert.Equal(HttpStatusCode.Conflict, (await Admin.GetAsync($"/api/v1/surveys/{surveyId}/results.csv?group=Mentee")).StatusCode);
        Assert.Contains("Results are shown once the survey closes", await (await Admin.GetAsync($"/Surveys/Results?surveyId={surveyId}")).Html(), StringComparison.Ordinal);
        await Closed(surveyId);
        var view = (await Admin.GetFromJsonAsync<SurveyResults.View>($"/api/v1/surveys/{surveyId}/results", Json.Options))!;
        Assert.Null(view.ResultsHiddenBecause);
        var safety = view.Figures.Single(f => f.Group == SurveyResults.Group.Mentee && f.Scale == "Psychological safety");
        // Every item answered 2: the reversed items score 1 + 7 − 2 = 6, the others 2; (3 × 6 + 4 × 2) / 7.
        Assert.Equal(Math.Round((3 * 6 + 4 * 2) / 7.0, 2), safety.Mean);
        Assert.All(view.Figures.Where(f => f.Group == SurveyResults.Group.Mentor), f => Assert.Null(f.Mean));
        Assert.All(view.Figures.Where(f => f.Group == SurveyResults.Group.Mentor), f => Assert.Null(f.Respondents));
        // Everyone (9) against the leaders (6) on a scale both answer: the 3 mentors by subtraction. The larger stays.
        var understanding = view.Figures.Where(f => f.Scale == "Intergenerational understanding").ToList();
        Assert.Single(understanding, f => f.Mean is not null);
        Assert.Equal(Anonymity.WouldDifference(5), understanding.Single(f => f.Group == SurveyResults.Group.Mentee).HiddenBecause);
        Assert.Empty(view.Comments);
        Assert.NotNull(view.CommentsHiddenBecause);

        var refused = await Admin.GetAsync($"/api/v1/surveys/{surveyId}/results.csv?group=Mentor");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("fewer than 5", await refused.Content.ReadAsStringAsync());
        var csv = await Admin.GetAsync($"/api/v1/surveys/{surveyId}/results.csv?group=Mentee");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("\"Psychological safety\",no,6,3.71", await csv.Content.ReadAsStringAsync());
        var page = await (await Admin.GetAsync($"/Surveys/Results?surveyId={surveyId}")).Html();
        Assert.Contains("Not reportable", page);
    }

    [Fact]
    public async Task Comments_AppearOnlyFromTenRespondents()
    {
        var world = await Surveyed.Make(App, leaders: 6, mentors: 4);
        var surveyId = await ASurveyWith(world, leaders: 6, mentors: 4, commentsFrom: 10);
        await Closed(surveyId);
        var view = (await Admin.GetFromJsonAsync<SurveyResults.View>($"/api/v1/surveys/{surveyId}/results", Json.Options))!;
        Assert.Null(view.CommentsHiddenBecause);
        Assert.Equal(10, view.Comments.Count);
    }

    [Fact]
    public async Task Reminders_GoSevenAndTwoDaysBeforeClose_OnceEach_OnlyToThoseWhoHaveNotAnswered()
    {
        var world = await Surveyed.Make(App, leaders: 2, mentors: 1);
        var surveyId = await ASurveyWith(world, leaders: 1, mentors: 0);
        async Task<int> Reminders() => await App.Query(db => db.Outbox.CountAsync(m => m.Kind == SendNudges.KindName(NudgeKind.SurveyReminder)));
        Assert.Equal(0, await Surveyed.Run<SendNudges>(App));
        App.Clock.Advance(TimeSpan.FromDays(7).Add(TimeSpan.FromHours(1)));
        Assert.Equal(2, await Surveyed.Run<SendNudges>(App));
        Assert.Equal(0, await Surveyed.Run<SendNudges>(App));
        App.Clock.Advance(TimeSpan.FromDays(5));
        Assert.Equal(2, await Surveyed.Run<SendNudges>(App));
        Assert.Equal(4, await Reminders());
        var answered = await App.Query(db => db.SurveyParticipations.Join(db.Enrollments, p => p.EnrollmentId, e => e.Id, (p, e) => e.Person.Email).SingleAsync());
        Assert.Equal(0, await App.Query(db => db.Outbox.CountAsync(m => m.To == answered)));
        Assert.Contains($"/Surveys/Answer?surveyId={surveyId}", await App.Query(db => db.Outbox.Where(m => m.Kind == SendNudges.KindName(NudgeKind.SurveyReminder)).Select(m => m.TextBody).FirstAsync()));
    }

    [Fact]
    public async Task TheProgramsOwnQuestions_AreValidatedFieldByField_AndUsedByTheNextSurvey()
    {
        var world = await Surveyed.Make(App);
        var builtIn = (await Admin.GetFromJsonAsync<EditInstrument.View>($"/api/v1/programs/{world.ProgramId}/instruments/Baseline", Json.Options))!;
        Assert.False(builtIn.Edited);
        var questions = builtIn.Questions.ToList();
        questions.Add(new SurveyQuestion { Key = "safety.1", Text = "", Scale = "X", Min = 1, Max = 12 });
        var bad = await Admin.PutAsJsonAsync($"/api/v1/programs/{world.ProgramId}/instruments/Baseline", new { questions }, Json.Options);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = await bad.Content.ReadAsStringAsync();
        var at = questions.Count - 1;
        foreach (var field in new[] { "key", "text", "max" }) Assert.Contains($"questions[{at}].{field}", errors);

        questions.RemoveAt(at);
        questions[0].Text = "How sure are you of yourself with AI tools?";
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PutAsJsonAsync($"/api/v1/programs/{world.ProgramId}/instruments/Baseline", new { questions }, Json.Options)).StatusCode);
        Assert.Equal(1, await Surveyed.Run<OpenDueSurveys>(App));
        Assert.Equal("How sure are you of yourself with AI tools?", await App.Query(async db => (await db.Surveys.SingleAsync()).Questions[0].Text));
        Assert.Contains("How sure are you of yourself", await (await Admin.GetAsync($"/Surveys/Instrument?programId={world.ProgramId}&kind=Baseline")).Html());
    }

    [Fact]
    public async Task TheProgramsThreshold_Is3To100_NamingTheFieldOtherwise()
    {
        foreach (var bad in new[] { 2, 101 })
        {
            var program = Programs.ProgramsTestBase.AProgram();
            program.AnonymityThreshold = bad;
            var refused = await Admin.PostAsJsonAsync("/api/v1/programs", program);
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains("anonymityThreshold", await refused.Content.ReadAsStringAsync());
        }
        var kept = Programs.ProgramsTestBase.AProgram();
        kept.AnonymityThreshold = 8;
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsJsonAsync("/api/v1/programs", kept)).StatusCode);
        Assert.Equal(8, await App.Query(db => db.Programs.Select(p => p.AnonymityThreshold).SingleAsync()));
    }
}
