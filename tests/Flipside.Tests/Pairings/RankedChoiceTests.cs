using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flipside.Domain;
using Flipside.Features.Matching;
using Flipside.Features.Pairings;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Pairings;

/// <summary>Ranked choice through the API: rankings saved and refused, then the manager's run as a stable matching on the board.</summary>
public sealed class RankedChoiceTests(FlipsideFactory app) : AdministeredTests(app)
{
    private Guid _cohort;

    /// <summary>A cohort moved to matching now (or the given days ago), so that ranking closes the program's days after that.</summary>
    private async Task<(List<Person> Leaders, List<Person> Mentors)> ARankedCohort(int leaders = 3, int mentors = 3, MatchingMode mode = MatchingMode.RankedChoice,
        int rankingDays = MentoringProgram.DefaultRankingDays, int daysAgo = 0)
    {
        _cohort = (await Seed.AProgram(App, Given.AdminEmail, p => (p.MatchingMode, p.RankingDays) = (mode, rankingDays), CohortStatus.Enrolling)).CohortId;
        var people = await Enrolled.Cohort(App, _cohort, leaders, mentors);
        await App.Query(async db =>
        {
            (await db.Cohorts.SingleAsync(c => c.Id == _cohort)).MoveTo(CohortStatus.Matching, pairingsReady: 0, App.Clock.GetUtcNow().AddDays(-daysAgo));
            return await db.SaveChangesAsync();
        });
        return people;
    }

    private Task<HttpClient> As(Person person) => Given.AnAccount(App, Admin, person.Email, Roles.Participant);

    private string RankingUrl => $"/api/v1/ranked-choice/cohorts/{_cohort}/ranking";

    private async Task<MyRanking.View> Ranking(HttpClient client)
    {
        var response = await client.GetAsync(RankingUrl);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<MyRanking.View>(Json.Options))!;
    }

    private Task<HttpResponseMessage> Rank(HttpClient client, params (Guid Person, int Rank)[] ranking) =>
        client.PutAsJsonAsync(RankingUrl, new { ranking = ranking.Select(r => new { personId = r.Person, rank = r.Rank }) });

    private static async Task<JsonElement> Body(HttpResponseMessage response) => JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    private static async Task<List<string>> ErrorFields(HttpResponseMessage response) =>
        [.. (await Body(response)).GetProperty("errors").EnumerateObject().Select(p => p.Name)];

    [Fact]
    public async Task Saving_ReplacesTheRanking_OnEitherSide()
    {
        var (leaders, mentors) = await ARankedCohort();
        var leader = await As(leaders[0]);
        var suggested = (await Ranking(leader)).Candidates;
        Assert.InRange(suggested.Count, 2, 5);
        Assert.All(suggested, s => Assert.NotEmpty(s.Reasons));

        Assert.Equal(HttpStatusCode.OK, (await Rank(leader, (suggested[0].PersonId, 2), (suggested[1].PersonId, 1))).StatusCode);
        Assert.Equal([(suggested[0].PersonId, (int?)2), (suggested[1].PersonId, 1)],
            (await Ranking(leader)).Candidates.Where(c => c.Rank is not null).Select(c => (c.PersonId, c.Rank)).ToList());
        Assert.Equal(HttpStatusCode.OK, (await Rank(leader, (suggested[1].PersonId, 1))).StatusCode);
        Assert.Equal([suggested[1].PersonId], (await Ranking(leader)).Candidates.Where(c => c.Rank is not null).Select(c => c.PersonId).ToList());

        var mentor = await As(mentors[0]);
        var leadersSuggested = (await Ranking(mentor)).Candidates;
        Assert.Contains(leadersSuggested, c => leaders.Any(l => l.Id == c.PersonId));
        Assert.Equal(HttpStatusCode.OK, (await Rank(mentor, (leadersSuggested[0].PersonId, 1))).StatusCode);
        Assert.Equal(2, await App.Query(db => db.Preferences.CountAsync()));
    }

    [Fact]
    public async Task Ranking_SomeoneNotSuggested_Returns400NamingTheEntry()
    {
        var (leaders, _) = await ARankedCohort();
        var leader = await As(leaders[0]);
        var suggested = (await Ranking(leader)).Candidates;

        var response = await Rank(leader, (suggested[0].PersonId, 1), (leaders[1].Id, 2));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["ranking[1].personId"], await ErrorFields(response));
        Assert.Equal(0, await App.Query(db => db.Preferences.CountAsync()));
    }

    [Fact]
    public async Task Ranking_WithARankGivenTwice_Returns400()
    {
        var (leaders, _) = await ARankedCohort();
        var leader = await As(leaders[0]);
        var suggested = (await Ranking(leader)).Candidates;

        var response = await Rank(leader, (suggested[0].PersonId, 1), (suggested[1].PersonId, 1));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["ranking[1].rank"], await ErrorFields(response));
    }

    [Fact]
    public async Task Ranking_AfterTheDeadline_Returns409WithTheDeadline()
    {
        // Moved to matching a ranking's days ago rather than moving the clock on: a sign-in lasts only hours.
        var (leaders, _) = await ARankedCohort(daysAgo: MentoringProgram.DefaultRankingDays);
        var closes = App.Clock.GetUtcNow();
        var leader = await As(leaders[0]);
        var suggested = (await Ranking(leader)).Candidates;

        var response = await Rank(leader, (suggested[0].PersonId, 1));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains($"Ranking closed on {closes:d MMMM yyyy}", (await Body(response)).GetProperty("detail").GetString());
        Assert.False((await Ranking(leader)).Open);
    }

    [Fact]
    public async Task Ranking_InAProgramNotUsingRankedChoice_Returns409()
    {
        var (leaders, mentors) = await ARankedCohort(mode: MatchingMode.SelfMatching);

        var response = await Rank(await As(leaders[0]), (mentors[0].Id, 1));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(SelfMatching.NotRankedChoice, (await Body(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Run_IsAStableMatchingOfMutualRankings_OnTheBoard_AndWhoRankedNobodyIsUnmatchedWithAReason()
    {
        var (leaders, mentors) = await ARankedCohort(leaders: 6, mentors: 5);
        var rankings = new Dictionary<Guid, List<Guid>>();
        // Everyone but the first leader ranks their suggestions, each in a different order, so that choices conflict.
        foreach (var (person, k) in leaders.Skip(1).Concat(mentors).Select((p, k) => (p, k)))
        {
            var client = await As(person);
            var suggested = (await Ranking(client)).Candidates.Select(c => c.PersonId).ToList();
            var order = suggested.Skip(k % suggested.Count).Concat(suggested.Take(k % suggested.Count)).ToList();
            var response = await Rank(client, [.. order.Select((id, i) => (id, i + 1))]);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            rankings[person.Id] = order;
        }

        var run = await Admin.PostAsJsonAsync($"/api/v1/cohorts/{_cohort}/matching/runs", new { objective = "pairs" });

        Assert.True(run.StatusCode == HttpStatusCode.Created, await run.Content.ReadAsStringAsync());
        var board = (await Admin.GetFromJsonAsync<MatchingBoard.Board>($"/api/v1/cohorts/{_cohort}/matching", Json.Options))!;
        Assert.Equal(MatchObjective.RankedChoice, board.Latest!.Objective);
        Assert.Equal("ranked choice (stable)", board.Latest.Objective.Describe());
        Assert.NotEmpty(board.Pairs);
        Assert.All(board.Pairs, p => Assert.Equal(PairingStatus.Proposed, p.Status));
        Assert.All(board.Pairs, p => Assert.True(rankings[p.MenteePersonId].Contains(p.MentorPersonId) && rankings[p.MentorPersonId].Contains(p.MenteePersonId),
            $"{p.MenteeName} and {p.MentorName} did not rank each other"));
        int capacity = await App.Query(db => db.Cohorts.Where(c => c.Id == _cohort).Select(c => c.Program.DefaultMentorCapacity).SingleAsync());
        Assert.Equal(0, BlockingPairs(leaders.Skip(1).Select(l => l.Id), rankings, board.Pairs.ToDictionary(p => p.MenteePersonId, p => p.MentorPersonId), capacity));
        var unranked = Assert.Single(board.Unmatched, u => u.PersonId == leaders[0].Id);
        Assert.Contains(unranked.Reasons, r => r.StartsWith("ranks none", StringComparison.Ordinal));
        Assert.Equal(new RankedChoiceRun.Status(5, 6, 5, 5, App.Clock.GetUtcNow().AddDays(MentoringProgram.DefaultRankingDays)), board.Ranking);
    }

    [Fact]
    public async Task Run_KeepsALockedPair()
    {
        var (leaders, mentors) = await ARankedCohort();
        foreach (var person in leaders.Concat(mentors))
        {
            var client = await As(person);
            var suggested = (await Ranking(client)).Candidates;
            Assert.Equal(HttpStatusCode.OK, (await Rank(client, [.. suggested.Select((c, i) => (c.PersonId, i + 1))])).StatusCode);
        }
        // Paired by hand: approved and locked, whatever the two ranked.
        var byHand = await Admin.PostAsJsonAsync($"/api/v1/cohorts/{_cohort}/pairings", new { menteePersonId = leaders[0].Id, mentorPersonId = mentors[2].Id });
        Assert.True(byHand.StatusCode == HttpStatusCode.Created, await byHand.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsJsonAsync($"/api/v1/cohorts/{_cohort}/matching/runs", new { objective = "pairs" })).StatusCode);

        var board = (await Admin.GetFromJsonAsync<MatchingBoard.Board>($"/api/v1/cohorts/{_cohort}/matching", Json.Options))!;
        var kept = Assert.Single(board.Pairs, p => p.MenteePersonId == leaders[0].Id);
        Assert.Equal((mentors[2].Id, true, PairingStatus.Approved), (kept.MentorPersonId, kept.Locked, kept.Status));
        Assert.True(board.Pairs.Count > 1, "the others were matched on their rankings");
    }

    [Fact]
    public async Task ThePages_SaveARanking_ShowARankGivenTwiceAboveTheList_AndTheBoardCountsWhoRanked()
    {
        var (leaders, _) = await ARankedCohort();
        var leader = await As(leaders[0]);
        var page = $"/Pairings/Rank?cohortId={_cohort}";
        Assert.Contains("Rank your choices", await (await leader.GetAsync("/Enrollment/Mine")).Html());
        var suggested = (await Ranking(leader)).Candidates;
        Assert.Contains(suggested[0].Name, await (await leader.GetAsync(page)).Html());
        Dictionary<string, string> Form(int first, int second) => new()
        {
            ["people[0]"] = suggested[0].PersonId.ToString(), ["ranks[0]"] = first.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["people[1]"] = suggested[1].PersonId.ToString(), ["ranks[1]"] = second.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };

        var twice = await leader.Submit(page, Form(1, 1), page + "&handler=Save");
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("Rank 1 is given twice", await twice.Html());
        var saved = await leader.Submit(page, Form(2, 1), page + "&handler=Save");
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var rows = await App.Query(db => db.Preferences.Join(db.Enrollments, p => p.RankedEnrollmentId, e => e.Id, (p, e) => new { e.PersonId, p.Rank }).ToListAsync());
        Assert.Equal([(suggested[1].PersonId, 1), (suggested[0].PersonId, 2)], rows.OrderBy(r => r.Rank).Select(r => (r.PersonId, r.Rank)).ToList());

        var board = await (await Admin.GetAsync($"/Matching/Board?cohortId={_cohort}")).Html();
        Assert.Contains("1 of 3 leaders and 0 of 3 mentors have ranked.", board);
        Assert.Contains("Ranking closes on", board);
    }

    /// <summary>Leader and mentor who rank each other, where the leader prefers the mentor to their own match and the mentor has room or would rather have the leader.</summary>
    [Fact]
    public async Task APreview_IsRefusedWithTheReason_AndTheBoardOffersNone()
    {
        await ARankedCohort();

        var preview = await Admin.PostAsJsonAsync($"/api/v1/cohorts/{_cohort}/matching/preview", new { complementarity = 9 });

        Assert.Equal(HttpStatusCode.Conflict, preview.StatusCode);
        Assert.Contains("matched on its participants' rankings", (await Body(preview)).GetProperty("detail").GetString());
        var board = await (await Admin.GetAsync($"/Matching/Board?cohortId={_cohort}")).Html();
        Assert.DoesNotContain("Preview these weights", board);
        Assert.DoesNotContain("/matching/preview", board);
        Assert.Contains("The rankings decide who is paired", board);
    }

    private static int BlockingPairs(IEnumerable<Guid> leaders, Dictionary<Guid, List<Guid>> rankings, Dictionary<Guid, Guid> mentorOf, int capacity)
    {
        int blocking = 0;
        foreach (var leader in leaders)
        {
            foreach (var mentor in rankings[leader].TakeWhile(m => !mentorOf.TryGetValue(leader, out var own) || own != m))
            {
                var theirs = rankings.GetValueOrDefault(mentor) ?? [];
                if (!theirs.Contains(leader)) continue;
                var held = mentorOf.Where(p => p.Value == mentor).Select(p => theirs.IndexOf(p.Key)).ToList();
                if (held.Count < capacity || held.Any(r => r < 0 || r > theirs.IndexOf(leader))) blocking++;
            }
        }
        return blocking;
    }
}
