using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flipside.Domain;
using Flipside.Features.Matching;
using Flipside.Features.Shared;
using Flipside.Matching;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Matching;

/// <summary>The program manager's matching workflow through the API: run, review, decide, pair by hand, publish.</summary>
public sealed class MatchingWorkflowTests(FlipsideFactory app) : AdministeredTests(app)
{
    private Guid _cohort;

    private async Task<Guid> AMatchingCohort(Action<MentoringProgram>? configure = null) =>
        _cohort = (await Seed.AProgram(App, Given.AdminEmail, configure, CohortStatus.Matching)).CohortId;

    private string Url(string rest = "") => $"/api/v1/cohorts/{_cohort}{rest}";

    private async Task<RunMatching.Summary> Run(object? body = null)
    {
        var response = await Admin.PostAsJsonAsync(Url("/matching/runs"), body ?? new { });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<RunMatching.Summary>(Json.Options))!;
    }

    private async Task<MatchingBoard.Board> Board() => (await Admin.GetFromJsonAsync<MatchingBoard.Board>(Url("/matching"), Json.Options))!;

    private async Task<HttpResponseMessage> Decide(MatchingBoard.PairRow pair, string decision, int? version = null) =>
        await Admin.PostAsJsonAsync(Url($"/pairings/{pair.Id}/decision"), new { decision, version = version ?? pair.Version });

    private static async Task<string> Detail(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;

    [Fact]
    public async Task Run_WithNoCompleteProfiles_Returns409AndRecordsNoRun()
    {
        await AMatchingCohort();
        await Enrolled.Enrol(App, _cohort, Seed.APerson("L1", 9), ParticipantRole.Mentee, "Podcasting", finished: false);
        await Enrolled.Enrol(App, _cohort, Seed.APerson("M1", 3), ParticipantRole.Mentor, "Podcasting", finished: false);

        var response = await Admin.PostAsJsonAsync(Url("/matching/runs"), new { });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("no leaders and no mentors with a complete profile", await Detail(response));
        Assert.Contains("2 people enrolled have not finished", await Detail(response));
        Assert.Equal(0, await App.Query(db => db.MatchRuns.CountAsync()));
    }

    [Fact]
    public async Task Run_WhenEveryMentorIsFull_Returns409AndRecordsNoRun()
    {
        await AMatchingCohort();
        await Enrolled.Cohort(App, _cohort, leaders: 2, mentors: 1);
        await Run();
        var board = await Board();
        await Decide(board.Pairs.Single(), "approve");
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync(Url("/matching/publish"), null)).StatusCode);

        var response = await Admin.PostAsJsonAsync(Url("/matching/runs"), new { });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Every mentor already has as many running pairings as the program allows", await Detail(response));
        Assert.Equal(1, await App.Query(db => db.MatchRuns.CountAsync()));
    }

    [Fact]
    public async Task Run_TotalOnTheBoard_IsTheEnginesProvenOptimumForTheSameInput()
    {
        await AMatchingCohort();
        await Enrolled.Cohort(App, _cohort, leaders: 8, mentors: 6);
        var expected = await App.Query(async db =>
            Matcher.Match((await CohortMatchRequest.Handle(_cohort, Viewer.System(db, "test"), db, CancellationToken.None))!.Request));

        var run = await Run();
        var board = await Board();

        Assert.True(run.ProvenOptimal);
        Assert.Equal(expected.TotalScore, run.Total);
        Assert.Equal(expected.TotalScore, board.Latest!.Total);
        Assert.Equal(expected.TotalScore, board.Pairs.Sum(p => p.Score));
        Assert.Equal(expected.Pairings.Select(p => (p.MenteeId, p.MentorId)).Order(),
            board.Pairs.Select(p => (p.MenteePersonId.ToString(), p.MentorPersonId.ToString())).Order());
        Assert.All(board.Pairs, p => Assert.NotEmpty(p.Reasons));
        Assert.Equal(2, board.Unmatched.Count(u => u.Role == ParticipantRole.Mentee));
    }

    [Fact]
    public async Task Rerun_AfterLockingTenAndRejectingFive_KeepsExactlyTheTenAndProposesNoneOfTheFive()
    {
        await AMatchingCohort();
        await Enrolled.Cohort(App, _cohort, leaders: 20, mentors: 24);
        await Run();
        var first = await Board();
        var locked = first.Pairs.Take(10).ToList();
        var rejected = first.Pairs.Skip(10).Take(5).ToList();
        foreach (var p in locked) Assert.Equal(HttpStatusCode.NoContent, (await Decide(p, "lock")).StatusCode);
        foreach (var p in rejected) Assert.Equal(HttpStatusCode.NoContent, (await Decide(p, "reject")).StatusCode);

        await Run(new { preset = "common-ground" });
        var second = await Board();

        var open = second.Pairs.Where(p => p.Status is PairingStatus.Proposed or PairingStatus.Approved).ToList();
        Assert.Equal(locked.Select(p => p.Id).Order(), open.Where(p => p.Locked).Select(p => p.Id).Order());
        var rejectedPairs = rejected.Select(p => (p.MenteePersonId, p.MentorPersonId)).ToHashSet();
        Assert.DoesNotContain(open, p => rejectedPairs.Contains((p.MenteePersonId, p.MentorPersonId)));
        Assert.Equal(5, second.Pairs.Count(p => p.Status == PairingStatus.Rejected));
        Assert.NotNull(second.SincePrevious);
    }

    [Fact]
    public async Task Preview_ChangingAWeight_SaysWhatWouldChangeAndSavesNothing()
    {
        await AMatchingCohort();
        await Enrolled.Cohort(App, _cohort, leaders: 6, mentors: 6);
        var run = await Run();

        var response = await Admin.PostAsJsonAsync(Url("/matching/preview"), new { complementarity = 0, sharedInterests = 10 });
        var preview = (await response.Content.ReadFromJsonAsync<PreviewMatching.Preview>(Json.Options))!;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(run.Total, preview.CurrentTotal);
        Assert.NotEqual(run.Total, preview.Total);
        Assert.Equal(6, preview.Pairs);
        Assert.Equal(1, await App.Query(db => db.MatchRuns.CountAsync()));
    }

    [Theory]
    [InlineData("""{"complementarity": 11}""", "complementarity")]
    [InlineData("""{"objective": "fastest"}""", "objective")]
    [InlineData("""{"preset": "lucky"}""", "preset")]
    [InlineData("""{"complementarity": 0, "sharedInterests": 0, "styleFit": 0, "availabilityOverlap": 0, "sharedLanguage": 0, "crossDepartment": 0}""", "complementarity")]
    public async Task RunAndPreview_BadSettings_Return400NamingTheField(string body, string field)
    {
        await AMatchingCohort();
        await Enrolled.Cohort(App, _cohort, leaders: 1, mentors: 1);
        foreach (var path in new[] { "/matching/runs", "/matching/preview" })
        {
            var response = await Admin.PostAsync(Url(path), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(0, await App.Query(db => db.MatchRuns.CountAsync()));
    }

    [Fact]
    public async Task Run_OnACohortStillEnrolling_Returns409WithTheNextStep()
    {
        _cohort = (await Seed.AProgram(App, Given.AdminEmail)).CohortId;
        await Enrolled.Cohort(App, _cohort, leaders: 1, mentors: 1);

        var response = await Admin.PostAsJsonAsync(Url("/matching/runs"), new { });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("Move it to matching", await Detail(response));
    }

    [Fact]
    public async Task TwoManagersDecidingTheSamePair_TheSecondIsToldItChanged()
    {
        await AMatchingCohort();
        await Enrolled.Cohort(App, _cohort, leaders: 1, mentors: 1);
        await Run();
        var pair = (await Board()).Pairs.Single();

        var approve = await Decide(pair, "approve");
        var reject = await Decide(pair, "reject");

        Assert.Equal(HttpStatusCode.NoContent, approve.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, reject.StatusCode);
        Assert.Equal(PairingStatus.Approved, (await Board()).Pairs.Single().Status);
    }

    [Fact]
    public async Task Decide_AnUnknownDecision_Returns400()
    {
        await AMatchingCohort();
        await Enrolled.Cohort(App, _cohort, leaders: 1, mentors: 1);
        await Run();

        var response = await Decide((await Board()).Pairs.Single(), "maybe");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task PublishTwiceAtOnce_PublishesEachPairOnceAndSendsEachEmailOnce()
    {
        await AMatchingCohort();
        await Enrolled.Cohort(App, _cohort, leaders: 4, mentors: 4);
        await Run();
        foreach (var p in (await Board()).Pairs) await Decide(p, "approve");
        var other = await Given.SignedIn(App, Given.AdminEmail);

        var both = await Task.WhenAll(Admin.PostAsync(Url("/matching/publish"), null), other.PostAsync(Url("/matching/publish"), null));

        Assert.Single(both, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(both, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal(4, (await Board()).Pairs.Count(p => p.Status == PairingStatus.Active));
        Assert.Equal(8, await App.Query(db => db.Outbox.CountAsync(m => m.Kind == "pairing-introduction")));
        Assert.Equal(CohortStatus.Active, (await Board()).Cohort.Status);
    }

    [Fact]
    public async Task Publish_MakesActiveExactlyThePairsTheManagerApproved_PairByPair()
    {
        await AMatchingCohort();
        await Enrolled.Cohort(App, _cohort, leaders: 7, mentors: 6);
        await Run();
        var proposed = (await Board()).Pairs;
        Assert.Equal(HttpStatusCode.NoContent, (await Decide(proposed[0], "reject")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Decide(proposed[1], "lock")).StatusCode);
        foreach (var p in proposed.Skip(2).SkipLast(1)) Assert.Equal(HttpStatusCode.NoContent, (await Decide(p, "approve")).StatusCode);
        // The leader the engine left unmatched, paired by hand with the mentor freed by the rejection.
        var free = (await Board()).Free;
        var byHand = await Admin.PostAsJsonAsync(Url("/pairings"), new
        {
            menteePersonId = free.First(f => f.Role == ParticipantRole.Mentee && f.PersonId != proposed[0].MenteePersonId).PersonId,
            mentorPersonId = proposed[0].MentorPersonId,
        });
        Assert.Equal(HttpStatusCode.Created, byHand.StatusCode);
        var before = await Board();
        var approved = before.Pairs.Where(p => p.Status == PairingStatus.Approved).Select(p => (p.MenteePersonId, p.MentorPersonId)).Order().ToList();

        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync(Url("/matching/publish"), null)).StatusCode);
        var after = await Board();

        var active = after.Pairs.Where(p => p.Status == PairingStatus.Active).Select(p => (p.MenteePersonId, p.MentorPersonId)).Order().ToList();
        Assert.Equal(proposed.Count - 2, approved.Count); // the approved ones and the pair by hand, not the rejected or the locked proposal
        Assert.Equal(approved, active);
        var stored = await App.Query(db => db.Pairings.Where(p => p.CohortId == _cohort && p.Status == PairingStatus.Active)
            .Select(p => new { Mentee = p.MenteeEnrollment.PersonId, Mentor = p.MentorEnrollment.PersonId }).ToListAsync());
        Assert.Equal(approved, stored.Select(p => (p.Mentee, p.Mentor)).Order().ToList());
        Assert.Equal(PairingStatus.Proposed, after.Pairs.Single(p => p.Id == proposed[1].Id).Status);
        Assert.Equal(PairingStatus.Proposed, after.Pairs.Single(p => p.Id == proposed[^1].Id).Status);
    }

    [Fact]
    public async Task PublishAgain_AfterMoreApprovals_PublishesOnlyTheNewPairs()
    {
        await AMatchingCohort();
        await Enrolled.Cohort(App, _cohort, leaders: 3, mentors: 3);
        await Run();
        var pairs = (await Board()).Pairs;
        await Decide(pairs[0], "approve");
        await Admin.PostAsync(Url("/matching/publish"), null);
        await Decide(pairs[1], "approve");

        var again = await Admin.PostAsync(Url("/matching/publish"), null);

        Assert.Equal(1, (await again.Content.ReadFromJsonAsync<PublishPairings.Published>(Json.Options))!.Pairs);
        Assert.Equal(4, await App.Query(db => db.Outbox.CountAsync(m => m.Kind == "pairing-introduction")));
    }

    [Fact]
    public async Task Introduction_SaysWhyInTheReadersWords_WithNoScore()
    {
        await AMatchingCohort();
        await Enrolled.Cohort(App, _cohort, leaders: 1, mentors: 1);
        await Run();
        var pair = (await Board()).Pairs.Single();
        await Decide(pair, "approve");
        await Admin.PostAsync(Url("/matching/publish"), null);

        var toMentor = await App.Query(db => db.Outbox.SingleAsync(m => m.To == "m1@example.com" && m.Kind == "pairing-introduction"));
        var toLeader = await App.Query(db => db.Outbox.SingleAsync(m => m.To == "l1@example.com" && m.Kind == "pairing-introduction"));

        Assert.Contains("You are paired with Person L1", toMentor.TextBody);
        Assert.Contains("expect a message from them", toMentor.TextBody);
        Assert.Contains("make first contact", toLeader.TextBody);
        Assert.Contains("You both", toLeader.TextBody);
        Assert.DoesNotContain("score", toLeader.TextBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("score", toMentor.TextBody, StringComparison.OrdinalIgnoreCase);
    }
}
