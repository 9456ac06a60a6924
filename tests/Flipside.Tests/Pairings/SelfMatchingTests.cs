using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flipside.Domain;
using Flipside.Features.Matching;
using Flipside.Features.Pairings;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flipside.Tests.Pairings;

/// <summary>Self-matching through the API: suggestions, a leader's request, the mentor's answer, reminders and expiry, and every refusal.</summary>
public sealed class SelfMatchingTests(FlipsideFactory app) : AdministeredTests(app)
{
    private Guid _cohort;

    private async Task<(List<Person> Leaders, List<Person> Mentors)> ASelfMatchingCohort(int leaders = 2, int mentors = 2, MatchingMode mode = MatchingMode.SelfMatching)
    {
        _cohort = (await Seed.AProgram(App, Given.AdminEmail, p => p.MatchingMode = mode, CohortStatus.Matching)).CohortId;
        return await Enrolled.Cohort(App, _cohort, leaders, mentors);
    }

    private Task<HttpClient> As(Person person) => Given.AnAccount(App, Admin, person.Email, Roles.Participant);

    private async Task<MentorSuggestions.View> Suggestions(HttpClient client)
    {
        var response = await client.GetAsync($"/api/v1/self-matching/cohorts/{_cohort}/suggestions");
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<MentorSuggestions.View>(Json.Options))!;
    }

    private Task<HttpResponseMessage> Ask(HttpClient client, Person mentor) =>
        client.PostAsJsonAsync($"/api/v1/self-matching/cohorts/{_cohort}/requests", new { mentorPersonId = mentor.Id });

    private static Task<HttpResponseMessage> Answer(HttpClient client, Guid requestId, string answer) =>
        client.PostAsJsonAsync($"/api/v1/self-matching/requests/{requestId}/answer", new { answer });

    private async Task<Guid> Asked(HttpClient client, Person mentor)
    {
        var response = await Ask(client, mentor);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<RequestMentor.Asked>(Json.Options))!.RequestId;
    }

    private static async Task<string> Detail(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;

    private async Task<int> RunJob()
    {
        await using var scope = App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RemindMentorRequests>().RunOnceAsync(CancellationToken.None);
    }

    [Fact]
    public async Task Suggestions_AreAtMostFiveEligibleMentorsWithReasons_AndNoMentorIsShownBeyondThreeTimesTheirRoom()
    {
        var (leaders, mentors) = await ASelfMatchingCohort(leaders: 8, mentors: 6);
        // A mentor inside L1's reporting line is never suggested to L1.
        var report = Seed.APerson("R1", 3, manager: leaders[0].EmployeeId);
        await Enrolled.Enrol(App, _cohort, report, ParticipantRole.Mentor, "Podcasting");

        var shown = new Dictionary<Guid, int>();
        foreach (var leader in leaders)
        {
            var view = await Suggestions(await As(leader));
            Assert.InRange(view.Suggestions.Count, 1, 5);
            Assert.All(view.Suggestions, s => Assert.NotEmpty(s.Reasons));
            Assert.All(view.Suggestions.SelectMany(s => s.Reasons), r => Assert.DoesNotContain(leader.Name, r));
            foreach (var s in view.Suggestions) shown[s.MentorPersonId] = shown.GetValueOrDefault(s.MentorPersonId) + 1;
            if (leader == leaders[0]) Assert.DoesNotContain(view.Suggestions, s => s.MentorPersonId == report.Id);
        }
        Assert.All(shown.Values, n => Assert.InRange(n, 1, 3));
        Assert.True(mentors.Count(m => shown.ContainsKey(m.Id)) >= 5, "the suggestions are spread across the mentors");
    }

    [Fact]
    public async Task RequestThenAccept_MakesAnApprovedLockedPairingOnTheBoard_AndTellsBothSides()
    {
        var (leaders, mentors) = await ASelfMatchingCohort();
        var leader = await As(leaders[0]);
        var mentor = await As(mentors[0]);
        var requestId = await Asked(leader, mentors[0]);

        var toMe = await mentor.GetFromJsonAsync<List<MentorRequests.ToMe>>("/api/v1/self-matching/requests", Json.Options);
        var request = Assert.Single(toMe!);
        Assert.Equal((leaders[0].Name, MentorRequestStatus.Open), (request.LeaderName, request.Status));
        Assert.NotEmpty(request.Reasons);
        Assert.Equal(MentorRequestStatus.Open, (await Suggestions(leader)).Waiting!.Status);

        var response = await Answer(mentor, requestId, "accept");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var board = (await Admin.GetFromJsonAsync<MatchingBoard.Board>($"/api/v1/cohorts/{_cohort}/matching", Json.Options))!;
        var pair = Assert.Single(board.Pairs);
        Assert.Equal((leaders[0].Id, mentors[0].Id, PairingStatus.Approved, true), (pair.MenteePersonId, pair.MentorPersonId, pair.Status, pair.Locked));
        var mail = await App.Query(db => db.Outbox.Select(m => new { m.To, m.Kind }).ToListAsync());
        Assert.Contains(mail, m => m.To == mentors[0].Email && m.Kind == MentorRequestEmails.AskedKind);
        Assert.Contains(mail, m => m.To == leaders[0].Email && m.Kind == "mentor-request-accepted");
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"/api/v1/cohorts/{_cohort}/matching/publish", null)).StatusCode);
        var mine = (await leader.GetFromJsonAsync<List<MyPairings.Item>>("/api/v1/pairings/mine", Json.Options))!;
        Assert.Equal(mentors[0].Name, Assert.Single(mine).Partner.Name);
    }

    [Fact]
    public async Task Request_ToAMentorAtCapacity_IsRefusedWithTheReason()
    {
        var (leaders, mentors) = await ASelfMatchingCohort();
        await Asked(await As(leaders[0]), mentors[0]);

        var response = await Ask(await As(leaders[1]), mentors[0]);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains($"{mentors[0].Name} has no room", await Detail(response));
        Assert.Equal(1, await App.Query(db => db.MentorRequests.CountAsync()));
    }

    [Fact]
    public async Task Request_InAProgramNotUsingSelfMatching_IsRefused()
    {
        var (leaders, mentors) = await ASelfMatchingCohort(mode: MatchingMode.Managed);

        var response = await Ask(await As(leaders[0]), mentors[0]);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(SelfMatching.NotSelfMatching, await Detail(response));
        Assert.Equal(0, await App.Query(db => db.MentorRequests.CountAsync()));
    }

    [Fact]
    public async Task ASecondOpenRequest_BySameLeader_IsRefused()
    {
        var (leaders, mentors) = await ASelfMatchingCohort();
        var leader = await As(leaders[0]);
        await Asked(leader, mentors[0]);

        var response = await Ask(leader, mentors[1]);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains($"You already asked {mentors[0].Name}", await Detail(response));
    }

    [Fact]
    public async Task Request_InsideAReportingLine_OrToSomeoneWhoLeft_IsRefusedNamingTheRule()
    {
        var (leaders, _) = await ASelfMatchingCohort(mentors: 0);
        var report = Seed.APerson("R1", 3, manager: leaders[0].EmployeeId);
        await Enrolled.Enrol(App, _cohort, report, ParticipantRole.Mentor, "Podcasting");
        var gone = Seed.APerson("G1", 3);
        gone.Status = PersonStatus.Left;
        await Enrolled.Enrol(App, _cohort, gone, ParticipantRole.Mentor, "Podcasting");
        var leader = await As(leaders[0]);

        var inLine = await Ask(leader, report);
        var left = await Ask(leader, gone);
        var nobody = await leader.PostAsJsonAsync($"/api/v1/self-matching/cohorts/{_cohort}/requests", new { });

        Assert.Equal(HttpStatusCode.Conflict, inLine.StatusCode);
        Assert.Contains("inside a reporting line", await Detail(inLine));
        Assert.Equal(HttpStatusCode.Conflict, left.StatusCode);
        Assert.Contains("has left the organisation", await Detail(left));
        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
    }

    [Fact]
    public async Task Answering_AnExpiredRequest_IsRefused()
    {
        var (leaders, mentors) = await ASelfMatchingCohort();
        var requestId = await Asked(await As(leaders[0]), mentors[0]);
        await As(mentors[0]);
        App.Clock.Advance(TimeSpan.FromDays(7));
        var mentor = await Given.SignedIn(App, mentors[0].Email); // a week on, a new session

        var response = await Answer(mentor, requestId, "accept");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("expired", await Detail(response));
        Assert.Equal(0, await App.Query(db => db.Pairings.CountAsync()));
    }

    [Fact]
    public async Task Accepting_ChecksTheRulesAgain_ALeaderPairedMeanwhileIsRefused()
    {
        var (leaders, mentors) = await ASelfMatchingCohort();
        var requestId = await Asked(await As(leaders[0]), mentors[0]);
        var byHand = await Admin.PostAsJsonAsync($"/api/v1/cohorts/{_cohort}/pairings", new { menteePersonId = leaders[0].Id, mentorPersonId = mentors[1].Id });
        Assert.Equal(HttpStatusCode.Created, byHand.StatusCode);

        var response = await Answer(await As(mentors[0]), requestId, "accept");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("already in a pairing", await Detail(response));
        Assert.Equal(1, await App.Query(db => db.Pairings.CountAsync()));
    }

    [Fact]
    public async Task Declining_FreesTheLeaderToAskSomeoneElse_ButNotTheSameMentorAgain()
    {
        var (leaders, mentors) = await ASelfMatchingCohort();
        var leader = await As(leaders[0]);
        var requestId = await Asked(leader, mentors[0]);

        Assert.Equal(HttpStatusCode.OK, (await Answer(await As(mentors[0]), requestId, "decline")).StatusCode);

        Assert.DoesNotContain((await Suggestions(leader)).Suggestions, s => s.MentorPersonId == mentors[0].Id);
        var again = await Ask(leader, mentors[0]);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already declined", await Detail(again));
        await Asked(leader, mentors[1]);
    }

    [Fact]
    public async Task Answers_AreOnlyTheMentorsToGive_AndSuggestionsOnlyForThoseEnrolled()
    {
        var (leaders, mentors) = await ASelfMatchingCohort();
        var requestId = await Asked(await As(leaders[0]), mentors[0]);
        var otherMentor = await As(mentors[1]);
        var outsider = await Given.AnAccount(App, Admin, "olive@example.com", Roles.Participant);

        Assert.Equal(HttpStatusCode.NotFound, (await Answer(otherMentor, requestId, "accept")).StatusCode);
        Assert.Empty((await otherMentor.GetFromJsonAsync<List<MentorRequests.ToMe>>("/api/v1/self-matching/requests", Json.Options))!);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/self-matching/cohorts/{_cohort}/suggestions")).StatusCode);
        // A mentor has no suggestions to ask from: that is the leader's side.
        Assert.Equal(HttpStatusCode.NotFound, (await otherMentor.GetAsync($"/api/v1/self-matching/cohorts/{_cohort}/suggestions")).StatusCode);
        var rows = await Admin.GetFromJsonAsync<List<MentorRequests.Row>>($"/api/v1/cohorts/{_cohort}/mentor-requests", Json.Options);
        Assert.Equal(leaders[0].Id, Assert.Single(rows!).MenteePersonId);
    }

    [Fact]
    public async Task TheJob_RemindsOnceHalfwayThenExpiresAndTellsTheLeader()
    {
        var (leaders, mentors) = await ASelfMatchingCohort();
        await Asked(await As(leaders[0]), mentors[0]);
        await As(leaders[1]); // the account now: a week on, the administrator's session has lapsed

        Assert.Equal(0, await RunJob());
        App.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(1, await RunJob());
        Assert.Equal(0, await RunJob());
        App.Clock.Advance(TimeSpan.FromDays(3));
        Assert.Equal(1, await RunJob());

        var mail = await App.Query(db => db.Outbox.Select(m => new { m.To, m.Kind }).ToListAsync());
        Assert.Single(mail, m => m.To == mentors[0].Email && m.Kind == MentorRequestEmails.ReminderKind);
        Assert.Single(mail, m => m.To == leaders[0].Email && m.Kind == "mentor-request-expired");
        Assert.Equal(MentorRequestStatus.Expired, await App.Query(db => db.MentorRequests.Select(r => r.Status).SingleAsync()));
        // The mentor's place is free again.
        await Asked(await Given.SignedIn(App, leaders[1].Email), mentors[0]);
    }

    [Fact]
    public async Task TheProgramApi_SavesTheMatchingMode_AndRefusesBadDays()
    {
        var (programId, _) = await Seed.AProgram(App, Given.AdminEmail);
        var program = (await Admin.GetFromJsonAsync<JsonElement>($"/api/v1/programs/{programId}")).GetProperty("program");
        var body = JsonSerializer.Deserialize<Dictionary<string, object?>>(program.GetRawText())!;
        body["matchingMode"] = "SelfMatching";
        body["answerDays"] = 3;
        body["objectives"] = new[] { new { title = "Why", measures = new[] { new { name = "Ideas", target = 3 } } } };

        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PutAsJsonAsync($"/api/v1/programs/{programId}", body)).StatusCode);
        Assert.Equal((MatchingMode.SelfMatching, 3), await App.Query(db => db.Programs.Select(p => new { p.MatchingMode, p.AnswerDays }).SingleAsync()
            .ContinueWith(t => (t.Result.MatchingMode, t.Result.AnswerDays))));

        body["answerDays"] = 0;
        var bad = await Admin.PutAsJsonAsync($"/api/v1/programs/{programId}", body);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("answerDays", await bad.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ThePages_LetALeaderAskAndAMentorAccept_AndShowARefusalAboveTheList()
    {
        var (leaders, mentors) = await ASelfMatchingCohort();
        var leader = await As(leaders[0]);
        var mentor = await As(mentors[0]);
        var page = $"/Pairings/Suggestions?cohortId={_cohort}";
        Assert.Contains("Choose your mentor", await (await leader.GetAsync("/Enrollment/Mine")).Html());
        Assert.Contains(mentors[0].Name, await (await leader.GetAsync(page)).Html());

        var asked = await leader.Submit(page, new Dictionary<string, string> { ["mentorPersonId"] = mentors[0].Id.ToString() }, page + "&handler=Request");
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        var again = await leader.Submit(page, new Dictionary<string, string> { ["mentorPersonId"] = mentors[1].Id.ToString() }, page + "&handler=Request");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains($"You already asked {mentors[0].Name}", await again.Html());

        var requestId = await App.Query(db => db.MentorRequests.Select(r => r.Id).SingleAsync());
        Assert.Contains(leaders[0].Name, await (await mentor.GetAsync("/Pairings/Requests")).Html());
        var accepted = await mentor.Submit("/Pairings/Requests", new Dictionary<string, string> { ["answer"] = "accept" },
            $"/Pairings/Requests?id={requestId}&handler=Answer");
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal(PairingStatus.Approved, await App.Query(db => db.Pairings.Select(p => p.Status).SingleAsync()));
        Assert.Contains("You have a mentor in this cohort", await (await leader.GetAsync(page)).Html());
    }
}
