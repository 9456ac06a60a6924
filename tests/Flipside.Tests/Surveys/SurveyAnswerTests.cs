using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flipside.Domain;
using Flipside.Features.Surveys;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Surveys;

/// <summary>Answering a survey: once, in range, while open, only one's own cohort's; and nobody else ever reads the answers.</summary>
public sealed class SurveyAnswerTests(FlipsideFactory app) : AdministeredTests(app)
{
    private async Task<(Surveyed World, Guid SurveyId, HttpClient Leader, HttpClient Mentor)> ABaseline()
    {
        var world = await Surveyed.Make(App);
        Assert.Equal(1, await Surveyed.Run<OpenDueSurveys>(App));
        var surveyId = await world.Survey(App, SurveyKind.Baseline);
        return (world, surveyId, await Given.AnAccount(App, Admin, world.Leaders[0].Email, Roles.Participant),
            await Given.AnAccount(App, Admin, world.Mentors[0].Email, Roles.Participant));
    }

    [Fact]
    public async Task ALeader_AnswersTheirQuestionsOnce_AndReadsTheirOwnAnswersBack()
    {
        var (_, surveyId, leader, mentor) = await ABaseline();
        var view = (await leader.GetFromJsonAsync<ViewSurvey.View>($"/api/v1/surveys/{surveyId}", Json.Options))!;
        Assert.Equal(5, view.Threshold);
        Assert.Contains(view.Questions, q => q.Key == "safety.1" && q.Reversed && q.Max == 7);
        Assert.Contains(view.Questions, q => q.Key == "confidence.ai-and-emerging-technology");
        Assert.DoesNotContain(view.Questions, q => q.Key.StartsWith("upward.", StringComparison.Ordinal));
        Assert.Contains("results are shown only for groups of at least 5 people", await (await leader.GetAsync($"/Surveys/Answer?surveyId={surveyId}")).Html(), StringComparison.OrdinalIgnoreCase);

        await Surveyed.Answered(leader, surveyId, 4);
        var again = await leader.PostAsJsonAsync($"/api/v1/surveys/{surveyId}/response", new { answers = await Surveyed.AllAnswered(leader, surveyId, 3) });
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        var mine = (await leader.GetFromJsonAsync<ViewSurvey.View>($"/api/v1/surveys/{surveyId}", Json.Options))!.Mine!;
        Assert.Equal(4, mine.Answers["safety.2"]);
        // The mentor has not answered and sees no answers, not even the leader's.
        Assert.Null((await mentor.GetFromJsonAsync<ViewSurvey.View>($"/api/v1/surveys/{surveyId}", Json.Options))!.Mine);
        Assert.Equal((0, 1, 1), await App.Query(async db => (await db.SurveyResponses.CountAsync(), await db.HeldAnswers.CountAsync(), await db.SurveyParticipations.CountAsync())));
    }

    [Fact]
    public async Task AnAnswerOutOfRange_OrToAQuestionNotInTheSurvey_Is400NamingTheField()
    {
        var (_, surveyId, leader, mentor) = await ABaseline();
        var answers = await Surveyed.AllAnswered(leader, surveyId, 3);
        answers["safety.1"] = 8;
        var outOfRange = await leader.PostAsJsonAsync($"/api/v1/surveys/{surveyId}/response", new { answers });
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Contains("answers.safety.1", await outOfRange.Content.ReadAsStringAsync());

        answers["safety.1"] = 3;
        answers["made.up"] = 3;
        var unknown = await leader.PostAsJsonAsync($"/api/v1/surveys/{surveyId}/response", new { answers });
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Contains("answers.made.up", await unknown.Content.ReadAsStringAsync());

        // A leader's question is not the mentor's to answer.
        var mentorAnswers = await Surveyed.AllAnswered(mentor, surveyId, 3);
        mentorAnswers["safety.1"] = 3;
        Assert.Equal(HttpStatusCode.BadRequest, (await mentor.PostAsJsonAsync($"/api/v1/surveys/{surveyId}/response", new { answers = mentorAnswers })).StatusCode);
        Assert.Equal(0, await App.Query(db => db.SurveyResponses.CountAsync()));
    }

    [Fact]
    public async Task AClosedOrNotYetOpenSurvey_Is409()
    {
        var (world, surveyId, leader, _) = await ABaseline();
        var answers = await Surveyed.AllAnswered(leader, surveyId, 3);
        var later = await App.Query(async db =>
        {
            var s = new Survey(world.ProgramId, world.CohortId, SurveyKind.Midpoint, "Later", App.Clock.GetUtcNow().AddDays(3), App.Clock.GetUtcNow().AddDays(10), 5,
                Instruments.BuiltIn(SurveyKind.Midpoint, []), App.Clock.GetUtcNow());
            db.Surveys.Add(s);
            await db.SaveChangesAsync();
            return s.Id;
        });
        var notYet = await leader.PostAsJsonAsync($"/api/v1/surveys/{later}/response", new { answers = new Dictionary<string, int> { ["fit.1"] = 3 } });
        Assert.Equal(HttpStatusCode.Conflict, notYet.StatusCode);

        App.Clock.Advance(TimeSpan.FromDays(60));
        leader = await Given.SignedIn(App, world.Leaders[0].Email);
        var closed = await leader.PostAsJsonAsync($"/api/v1/surveys/{surveyId}/response", new { answers });
        Assert.Equal(HttpStatusCode.Conflict, closed.StatusCode);
        Assert.Contains("closed", await closed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ASurveyOfAnotherCohort_Is404()
    {
        var (_, surveyId, _, _) = await ABaseline();
        var (_, otherCohort) = await Seed.AProgram(App, Given.AdminEmail);
        var stranger = Seed.APerson("X1", 9, department: "Elsewhere");
        await Enrolled.Enrol(App, otherCohort, stranger, ParticipantRole.Mentee, "Generative AI");
        var outsider = await Given.AnAccount(App, Admin, stranger.Email, Roles.Participant);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/surveys/{surveyId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/surveys/{surveyId}/response", new { answers = new { } })).StatusCode);
    }

    [Fact]
    public async Task TwoAnswersAtOnce_KeepOne()
    {
        var (_, surveyId, leader, _) = await ABaseline();
        var answers = await Surveyed.AllAnswered(leader, surveyId, 3);
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => leader.PostAsJsonAsync($"/api/v1/surveys/{surveyId}/response", new { answers })));
        Assert.Single(results, r => r.StatusCode == HttpStatusCode.NoContent);
        Assert.All(results.Where(r => r.StatusCode != HttpStatusCode.NoContent), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, await App.Query(db => db.HeldAnswers.CountAsync()));
    }

    [Fact]
    public async Task IndividualAnswers_AreReachableByNoManagerSponsorOrAdministrator()
    {
        var (_, surveyId, leader, _) = await ABaseline();
        await Surveyed.Answered(leader, surveyId, 2);
        var manager = await Given.AnAccount(App, Admin, "pm@example.com", Roles.ProgramManager);
        var sponsor = await Given.AnAccount(App, Admin, "sponsor@example.com", Roles.Sponsor);
        foreach (var who in new[] { Admin, manager, sponsor })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await who.GetAsync($"/api/v1/surveys/{surveyId}")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await who.GetAsync($"/Surveys/Answer?surveyId={surveyId}")).StatusCode);
            Assert.Empty((await who.GetFromJsonAsync<List<MySurveys.Item>>("/api/v1/surveys/mine", Json.Options))!);
        }
        // Staff see aggregates only: with one respondent nothing at all.
        var results = await Admin.GetStringAsync($"/api/v1/surveys/{surveyId}/results");
        Assert.DoesNotContain("\"mean\":2", results);
        Assert.DoesNotContain("pseudonym", results, StringComparison.OrdinalIgnoreCase);
        // A sponsor reads results of the programs they sponsor only; this one is not theirs.
        Assert.Equal(HttpStatusCode.NotFound, (await sponsor.GetAsync($"/api/v1/surveys/{surveyId}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await leader.GetAsync($"/api/v1/surveys/{surveyId}/results")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/surveys/{surveyId}/results")).StatusCode);
    }

    [Fact]
    public async Task TheDatabase_HoldsNoPersonEnrollmentEmailOrMeetingInAResponse()
    {
        var (world, surveyId, leader, _) = await ABaseline();
        await Surveyed.Answered(leader, surveyId, 3);
        var columns = await App.Query(db => Task.FromResult(new[] { typeof(SurveyResponse), typeof(PulseAnswer) }
            .SelectMany(t => db.Model.FindEntityType(t)!.GetProperties().Select(p => p.Name)).ToList()));
        Assert.DoesNotContain(columns, c => c.Contains("Person", StringComparison.Ordinal) || c.Contains("Enrollment", StringComparison.Ordinal)
            || c.Contains("Email", StringComparison.Ordinal) || c.Contains("Meeting", StringComparison.Ordinal) || c.EndsWith("At", StringComparison.Ordinal));
        var (person, enrollment) = await App.Query(async db => (world.Leaders[0].Id, await db.Enrollments.Where(e => e.PersonId == world.Leaders[0].Id).Select(e => e.Id).SingleAsync()));
        // Stored once the survey closes (fewer than k were waiting).
        await App.Query(async db =>
        {
            var survey = await db.Surveys.SingleAsync(s => s.Id == surveyId);
            survey.CloseAt(App.Clock.GetUtcNow().AddMinutes(1), App.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        App.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(1, await Surveyed.Run<ReleaseHeldAnswers>(App));
        var row = await App.Query(db => db.SurveyResponses.AsNoTracking().SingleAsync());
        var stored = JsonSerializer.Serialize(row);
        foreach (var secret in new[] { person.ToString(), enrollment.ToString(), world.Leaders[0].Email, person.ToString("N") })
            Assert.DoesNotContain(secret, stored, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(43, row.Pseudonym.Length);
        // The key that makes pseudonyms is stored sealed by the KEK, never in clear.
        var sealedKey = await App.Query(db => db.SealedSecrets.SingleAsync());
        Assert.Equal(SealedSecret.SurveyPseudonyms, sealedKey.Name);
        Assert.True(sealedKey.Wrapped.Length > 32);
    }
}
