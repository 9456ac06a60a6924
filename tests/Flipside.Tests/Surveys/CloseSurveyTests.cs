using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Surveys;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Surveys;

/// <summary>
/// A program manager closes an open survey now: the held answers are stored at once, the results follow, the action
/// is audited, and a survey that is closed or not yet open is refused. Then what the results say when few answered.
/// </summary>
public sealed class CloseSurveyTests(FlipsideFactory app) : AdministeredTests(app)
{
    private const string ManagerEmail = "pm@example.com";

    /// <summary>A program managed by a program manager (not the administrator), its baseline open, and that manager signed in.</summary>
    private async Task<(Surveyed World, Guid SurveyId, HttpClient Manager)> AnOpenBaseline(int leaders, int mentors)
    {
        var manager = await Given.AnAccount(App, Admin, ManagerEmail, Roles.ProgramManager);
        var world = await Surveyed.Make(App, leaders, mentors, manager: ManagerEmail);
        Assert.Equal(1, await Surveyed.Run<OpenDueSurveys>(App));
        return (world, await world.Survey(App, SurveyKind.Baseline), manager);
    }

    private async Task AnsweredBy(IEnumerable<Person> people, Guid surveyId)
    {
        foreach (var person in people)
            await Surveyed.Answered(await Given.AnAccount(App, Admin, person.Email, Roles.Participant), surveyId, 4);
    }

    [Fact]
    public async Task TheManager_ClosesNow_TheHeldAnswersAreStoredAtOnce_AndTheResultsShow()
    {
        var (world, surveyId, manager) = await AnOpenBaseline(leaders: 3, mentors: 3);
        await AnsweredBy(world.Leaders.Concat(world.Mentors.Take(2)), surveyId);
        Assert.Equal((0, 5), await App.Query(async db => (await db.SurveyResponses.CountAsync(), await db.HeldAnswers.CountAsync())));
        var before = (await manager.GetFromJsonAsync<SurveyResults.View>($"/api/v1/surveys/{surveyId}/results", Json.Options))!;
        Assert.Equal(SurveyResults.WhileOpen(before.ClosesAt), before.ResultsHiddenBecause);
        var lastMentor = await Given.AnAccount(App, Admin, world.Mentors[2].Email, Roles.Participant);
        var unanswered = await Surveyed.AllAnswered(lastMentor, surveyId, 4);

        var closed = await manager.PostAsync($"/api/v1/surveys/{surveyId}/close", null);
        Assert.Equal(HttpStatusCode.NoContent, closed.StatusCode);

        Assert.Equal((5, 0), await App.Query(async db => (await db.SurveyResponses.CountAsync(), await db.HeldAnswers.CountAsync())));
        Assert.Equal(App.Clock.GetUtcNow(), await App.Query(db => db.Surveys.Where(s => s.Id == surveyId).Select(s => s.ClosesAt).SingleAsync()));
        var audit = await App.Query(db => db.AuditLog.SingleAsync(a => a.Action == "survey.closed"));
        Assert.Equal(surveyId.ToString(), audit.RecordId);
        var view = (await manager.GetFromJsonAsync<SurveyResults.View>($"/api/v1/surveys/{surveyId}/results", Json.Options))!;
        Assert.Null(view.ResultsHiddenBecause);
        var understanding = view.Figures.Single(f => f.Group == SurveyResults.Group.Everyone && f.Scale == "Intergenerational understanding" && !f.Retrospective);
        Assert.Equal((5, 4.0), (understanding.Respondents, understanding.Mean));
        // Answering is over for whoever had not answered.
        var late = await lastMentor.PostAsJsonAsync($"/api/v1/surveys/{surveyId}/response", new { answers = unanswered });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }

    [Fact]
    public async Task ClosingAClosedSurvey_OrOneNotYetOpen_Is409WithWhy_AndChangesNothing()
    {
        var (world, surveyId, manager) = await AnOpenBaseline(leaders: 2, mentors: 1);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsync($"/api/v1/surveys/{surveyId}/close", null)).StatusCode);
        var again = await manager.PostAsync($"/api/v1/surveys/{surveyId}/close", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already closed", await again.Content.ReadAsStringAsync());

        var later = await App.Query(async db =>
        {
            var now = App.Clock.GetUtcNow();
            var survey = new Survey(world.ProgramId, world.CohortId, SurveyKind.Midpoint, "Midpoint check-in", now.AddDays(3), now.AddDays(10), 5,
                Instruments.BuiltIn(SurveyKind.Midpoint, Surveyed.Areas), now);
            db.Surveys.Add(survey);
            await db.SaveChangesAsync();
            return survey;
        });
        var early = await manager.PostAsync($"/api/v1/surveys/{later.Id}/close", null);
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains("has not opened yet", await early.Content.ReadAsStringAsync());
        Assert.Equal(later.ClosesAt, await App.Query(db => db.Surveys.Where(s => s.Id == later.Id).Select(s => s.ClosesAt).SingleAsync()));
        Assert.Equal(1, await App.Query(db => db.AuditLog.CountAsync(a => a.Action == "survey.closed")));
    }

    [Fact]
    public async Task OnlyTheProgramsManagers_MayClose_OthersGet403Or404_AndTheSurveyStaysOpen()
    {
        var (world, surveyId, _) = await AnOpenBaseline(leaders: 1, mentors: 1);
        var otherManager = await Given.AnAccount(App, Admin, "other-pm@example.com", Roles.ProgramManager);
        var sponsor = await Given.AnAccount(App, Admin, "sponsor@example.com", Roles.Sponsor);
        var participant = await Given.AnAccount(App, Admin, world.Leaders[0].Email, Roles.Participant);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.PostAsync($"/api/v1/surveys/{surveyId}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await sponsor.PostAsync($"/api/v1/surveys/{surveyId}/close", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await participant.PostAsync($"/api/v1/surveys/{surveyId}/close", null)).StatusCode);
        var page = $"/Surveys/Cohort?cohortId={world.CohortId}";
        var theirs = await otherManager.Submit("/", new Dictionary<string, string> { ["confirmed"] = "true" },
            $"{page}&surveyId={surveyId}&handler=CloseNow");
        Assert.Equal(HttpStatusCode.NotFound, theirs.StatusCode);
        Assert.Equal(0, await App.Query(db => db.AuditLog.CountAsync(a => a.Action == "survey.closed")));
        Assert.True(await App.Query(db => db.Surveys.Where(s => s.Id == surveyId).Select(s => s.ClosesAt).SingleAsync()) > App.Clock.GetUtcNow());
    }

    [Fact]
    public async Task ThePageCloses_OnlyWithTheBoxTicked()
    {
        var (world, surveyId, manager) = await AnOpenBaseline(leaders: 1, mentors: 1);
        var page = $"/Surveys/Cohort?cohortId={world.CohortId}";
        var html = await (await manager.GetAsync(page)).Html();
        Assert.Contains("nobody can answer after this", html);
        var unticked = await manager.Submit(page, new Dictionary<string, string>(), $"{page}&surveyId={surveyId}&handler=CloseNow");
        Assert.Contains(CohortModel.CloseNowUnconfirmed, await unticked.Html());
        Assert.Equal(0, await App.Query(db => db.AuditLog.CountAsync(a => a.Action == "survey.closed")));
        var ticked = await manager.Submit(page, new Dictionary<string, string> { ["confirmed"] = "true" }, $"{page}&surveyId={surveyId}&handler=CloseNow");
        Assert.Equal(HttpStatusCode.Redirect, ticked.StatusCode);
        var after = await (await manager.GetAsync(ticked.Headers.Location!.OriginalString)).Html();
        Assert.Contains("Survey closed", after);
        Assert.DoesNotContain("Close now", after);
        Assert.Equal(1, await App.Query(db => db.AuditLog.CountAsync(a => a.Action == "survey.closed")));
    }

    [Fact]
    public async Task Results_OfFewerThanK_SayNotReportableWithK_AndOfNobody_SayNobodyAnswered()
    {
        var (world, surveyId, manager) = await AnOpenBaseline(leaders: 3, mentors: 2);
        await AnsweredBy(world.Leaders.Take(2).Concat(world.Mentors.Take(2)), surveyId);
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsync($"/api/v1/surveys/{surveyId}/close", null)).StatusCode);
        var few = (await manager.GetFromJsonAsync<SurveyResults.View>($"/api/v1/surveys/{surveyId}/results", Json.Options))!;
        Assert.Equal(("Not reportable: fewer than 5 people answered, and a smaller group could identify someone.", 0), (few.ResultsHiddenBecause, few.Figures.Count));
        var fewPage = await (await manager.GetAsync($"/Surveys/Results?surveyId={surveyId}")).Html();
        Assert.Contains("Not reportable: fewer than 5 people answered", fewPage);
        Assert.DoesNotContain(SurveyResults.NobodyAnswered, fewPage);

        var midpoint = await App.Query(async db =>
        {
            var now = App.Clock.GetUtcNow();
            var survey = new Survey(world.ProgramId, world.CohortId, SurveyKind.Midpoint, "Midpoint check-in", now, now.AddDays(10), 5,
                Instruments.BuiltIn(SurveyKind.Midpoint, Surveyed.Areas), now);
            db.Surveys.Add(survey);
            await db.SaveChangesAsync();
            return survey.Id;
        });
        Assert.Equal(HttpStatusCode.NoContent, (await manager.PostAsync($"/api/v1/surveys/{midpoint}/close", null)).StatusCode);
        var none = (await manager.GetFromJsonAsync<SurveyResults.View>($"/api/v1/surveys/{midpoint}/results", Json.Options))!;
        Assert.Equal(SurveyResults.NobodyAnswered, none.ResultsHiddenBecause);
        var nonePage = await (await manager.GetAsync($"/Surveys/Results?surveyId={midpoint}")).Html();
        Assert.Contains(SurveyResults.NobodyAnswered, nonePage);
        Assert.DoesNotContain("Not reportable", nonePage);
    }
}
