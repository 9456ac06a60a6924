using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flipside.Domain;
using Flipside.Features.Matching;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Matching;

/// <summary>After a pairing ends, the manager rematches a person from the free pool: never the ended pair.</summary>
public sealed class RematchTests(FlipsideFactory app) : AdministeredTests(app)
{
    private Guid _cohort;

    private string Url(string rest = "") => $"/api/v1/cohorts/{_cohort}{rest}";

    private async Task<MatchingBoard.Board> Board() => (await Admin.GetFromJsonAsync<MatchingBoard.Board>(Url("/matching"), Json.Options))!;

    private static async Task<string> Detail(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;

    /// <summary>Two leaders, one mentor: the run pairs the mentor with the leader who scores best, and that pair is published.</summary>
    private async Task<(MatchingBoard.PairRow Pair, Person Mentor)> OnePublishedPairAndAFreeLeader()
    {
        _cohort = (await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Matching)).CohortId;
        var (_, mentors) = await Enrolled.Cohort(App, _cohort, leaders: 2, mentors: 1);
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsJsonAsync(Url("/matching/runs"), new { })).StatusCode);
        var pair = (await Board()).Pairs.Single();
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PostAsJsonAsync(Url($"/pairings/{pair.Id}/decision"), new { decision = "approve" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync(Url("/matching/publish"), null)).StatusCode);
        return (pair, mentors[0]);
    }

    private async Task JuniorEndsAskingForANewMatch(MatchingBoard.PairRow pair, Person mentor)
    {
        var junior = await Given.AnAccount(App, Admin, mentor.Email, Roles.Participant);
        Assert.Equal(HttpStatusCode.NoContent, (await junior.PostAsJsonAsync($"/api/v1/pairings/{pair.Id}/exit", new { action = "newMatch", reason = "Not a fit" })).StatusCode);
    }

    [Fact]
    public async Task Rematch_AfterTheJuniorEndsAskingForOne_ProposesADifferentLeader_NeverTheEndedPair()
    {
        var (pair, mentor) = await OnePublishedPairAndAFreeLeader();
        await JuniorEndsAskingForANewMatch(pair, mentor);
        Assert.Contains((await Board()).Free, f => f.PersonId == mentor.Id && f.AskedForRematch);

        var response = await Admin.PostAsJsonAsync(Url("/matching/rematch"), new { personId = mentor.Id });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var made = (await response.Content.ReadFromJsonAsync<ProposeRematch.Proposed>(Json.Options))!;
        Assert.NotEqual(pair.MenteePersonId, made.PartnerPersonId);
        var proposal = (await Board()).Pairs.Single(p => p.Status == PairingStatus.Proposed);
        Assert.Equal((made.PartnerPersonId, mentor.Id), (proposal.MenteePersonId, proposal.MentorPersonId));
        Assert.Equal(made.PairingId, proposal.Id);
    }

    [Fact]
    public async Task Rematch_OfTheLeaderWhoseOnlyPossibleMentorIsTheEndedPair_IsRefusedAndProposesNothing()
    {
        var (pair, mentor) = await OnePublishedPairAndAFreeLeader();
        await JuniorEndsAskingForANewMatch(pair, mentor);
        // The other leader takes the mentor first; the ended leader then has no one.
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsJsonAsync(Url("/matching/rematch"), new { personId = mentor.Id })).StatusCode);

        var response = await Admin.PostAsJsonAsync(Url("/matching/rematch"), new { personId = pair.MenteePersonId });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("No one free in this cohort can be paired with", await Detail(response));
        Assert.Equal(1, await App.Query(db => db.Pairings.CountAsync(p => p.Status == PairingStatus.Proposed)));
    }

    [Fact]
    public async Task Rematch_OfSomeoneStillPaired_OrNobody_OrAStranger_IsRefused()
    {
        var (pair, _) = await OnePublishedPairAndAFreeLeader();

        var held = await Admin.PostAsJsonAsync(Url("/matching/rematch"), new { personId = pair.MentorPersonId });
        var nobody = await Admin.PostAsJsonAsync(Url("/matching/rematch"), new { });
        var stranger = await Admin.PostAsJsonAsync(Url("/matching/rematch"), new { personId = Guid.NewGuid() });

        Assert.Equal(HttpStatusCode.Conflict, held.StatusCode);
        Assert.Contains("already in a pairing", await Detail(held));
        Assert.Equal(HttpStatusCode.BadRequest, nobody.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, stranger.StatusCode);
        Assert.Equal(0, await App.Query(db => db.Pairings.CountAsync(p => p.Status == PairingStatus.Proposed)));
    }

    [Fact]
    public async Task TheBoard_OffersRematch_AndItsByHandFormListsEveryFreePerson_NotOnlyTheLastRunsUnmatched()
    {
        var (pair, mentor) = await OnePublishedPairAndAFreeLeader();
        await JuniorEndsAskingForANewMatch(pair, mentor);
        var page = $"/Matching/Board?cohortId={_cohort}";

        var html = await (await Admin.GetAsync(page)).Html();

        Assert.Contains($"<option value=\"{pair.MenteePersonId}\">", html);
        Assert.Contains($"Rematch {mentor.Name}", html);
        var response = await Admin.Submit(page, new Dictionary<string, string> { ["personId"] = mentor.Id.ToString() }, $"/Matching/Board?handler=Rematch&cohortId={_cohort}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Single((await Board()).Pairs, p => p.Status == PairingStatus.Proposed && p.MentorPersonId == mentor.Id);
    }
}
