using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Insights;
using Flipside.Tests.Agreements;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Insights;

/// <summary>Insights raised by a pair, read by leadership without authors once enough pairs raised them, and answered back to the pair.</summary>
public sealed class InsightTests(FlipsideFactory app) : AdministeredTests(app)
{
    private const string Idea = "Leaders could try the chat tool for the Monday stand-up instead of email.";

    private static async Task<Guid> Created(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<InsightsApi.Created>(Json.Options))!.Id;
    }

    private async Task<LeadershipInsights.View> Leadership(HttpClient client, Guid programId, string query = "")
    {
        var response = await client.GetAsync(Insighted.Leadership(programId, query));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<LeadershipInsights.View>(Json.Options))!;
    }

    [Fact]
    public async Task BothPartners_Raise_LeadershipReadsWithoutAuthors_AndTheResponseReachesThePair()
    {
        var cohort = await Insighted.Cohort(App, Admin, 3);
        var pair = cohort.Pairs[0];
        var (mentor, leader) = (await Paired.As(App, Admin, pair.Mentor), await Paired.As(App, Admin, pair.Leader));
        var mine = await Created(await leader.PostAsJsonAsync(Insighted.Url(pair.PairingId), new { focusArea = "generative ai", text = Idea }));
        await Created(await mentor.PostAsJsonAsync(Insighted.Url(pair.PairingId), new { focusArea = Insighted.Green, text = "Print less at the frontline." }));
        await Insighted.Raised(App, cohort, (1, Insighted.Ai, "Share the AI pilot results."), (2, Insighted.Green, "Video calls instead of flights."));

        var view = await Leadership(Admin, cohort.ProgramId);
        var response = await Admin.GetStringAsync(Insighted.Leadership(cohort.ProgramId));
        var item = view.Insights.Single(i => i.Id == mine);
        Assert.Equal(4, view.Insights.Count);
        Assert.Null(view.HiddenBecause);
        Assert.Equal((Insighted.Ai, Idea, "2026-11"), (item.FocusArea, item.Text, item.Month));
        foreach (var person in cohort.Pairs.SelectMany(p => new[] { p.Mentor, p.Leader }))
        {
            Assert.DoesNotContain(person.Name, response, StringComparison.Ordinal);
            Assert.DoesNotContain(person.Email, response, StringComparison.OrdinalIgnoreCase);
        }
        Assert.DoesNotContain(pair.PairingId.ToString(), response, StringComparison.OrdinalIgnoreCase);

        var answered = await Admin.PostAsJsonAsync($"/api/v1/insights/{mine}/response", new { status = "Adopted", response = "We start the chat stand-up in January.", version = item.Version });

        Assert.Equal(HttpStatusCode.NoContent, answered.StatusCode);
        var theirs = (await mentor.GetFromJsonAsync<PairInsights.View>(Insighted.Url(pair.PairingId), Json.Options))!;
        var answeredItem = theirs.Insights.Single(i => i.Id == mine);
        Assert.Equal(2, theirs.Insights.Count);
        Assert.Equal((InsightStatus.Adopted, "We start the chat stand-up in January.", false), (answeredItem.Status, answeredItem.Response, answeredItem.Mine));
        var emails = await App.Query(db => db.Outbox.Where(m => m.Kind == InsightEmails.ResponseKind).Select(m => new { m.To, m.TextBody }).ToListAsync());
        Assert.Equal(new[] { pair.Leader.Email, pair.Mentor.Email }.Order(), emails.Select(e => e.To).Order());
        Assert.All(emails, e => Assert.Contains("We start the chat stand-up in January.", e.TextBody, StringComparison.Ordinal));
        Assert.Equal(new InsightCounts.Counts(4, 1, 3), await App.Query(db => InsightCounts.For(cohort.ProgramId, db, default)));
    }

    [Theory]
    [InlineData("", "text")]
    [InlineData("too long", "text")]
    [InlineData("unknown area", "focusArea")]
    public async Task Raise_WithEmptyOrTooLongTextOrAnUnknownFocusArea_Is400NamingTheField(string kind, string field)
    {
        var cohort = await Insighted.Cohort(App, Admin, 1);
        var leader = await Paired.As(App, Admin, cohort.Pairs[0].Leader);
        object body = kind switch
        {
            "" => new { focusArea = Insighted.Ai, text = "   " },
            "too long" => new { focusArea = Insighted.Ai, text = new string('x', Insight.TextMaxLength + 1) },
            _ => new { focusArea = "Blockchain", text = Idea },
        };

        var response = await leader.PostAsJsonAsync(Insighted.Url(cohort.Pairs[0].PairingId), body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await App.Query(db => db.Insights.CountAsync()));
    }

    [Fact]
    public async Task Raise_BySomeoneOutsideThePair_Is404_AndInAnEndedPairing_Is409()
    {
        var cohort = await Insighted.Cohort(App, Admin, 2);
        var outsider = await Paired.As(App, Admin, cohort.Pairs[1].Mentor);
        var leader = await Paired.As(App, Admin, cohort.Pairs[0].Leader);
        var url = Insighted.Url(cohort.Pairs[0].PairingId);

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync(url, new { focusArea = Insighted.Ai, text = Idea })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.PostAsJsonAsync(url, new { focusArea = Insighted.Ai, text = Idea })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(url)).StatusCode);
        await App.Query(async db =>
        {
            var pairing = await db.Pairings.SingleAsync(p => p.Id == cohort.Pairs[0].PairingId);
            pairing.End(PairingActor.Mentee, "", false, FlipsideFactory.Start);
            return await db.SaveChangesAsync();
        });
        var ended = await leader.PostAsJsonAsync(url, new { focusArea = Insighted.Ai, text = Idea });
        Assert.Equal(HttpStatusCode.Conflict, ended.StatusCode);
        Assert.Equal(0, await App.Query(db => db.Insights.CountAsync()));
    }

    [Fact]
    public async Task LeadershipView_BelowK_ShowsTheSentence_AndNoInsight()
    {
        var cohort = await Insighted.Cohort(App, Admin, 3);
        await Insighted.Raised(App, cohort, (0, Insighted.Ai, "Secret one."), (1, Insighted.Ai, "Secret two."), (1, Insighted.Green, "Secret three."));

        var view = await Leadership(Admin, cohort.ProgramId);
        var json = await Admin.GetStringAsync(Insighted.Leadership(cohort.ProgramId));

        Assert.Empty(view.Insights);
        Assert.Equal(LeadershipInsights.TooFewPairs(Insighted.K), view.HiddenBecause);
        Assert.DoesNotContain("Secret", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LeadershipFilters_ThatIsolateFewerThanKPairs_OrDifferFromTheWholeByFewer_AreRefused()
    {
        var cohort = await Insighted.Cohort(App, Admin, 4);
        await Insighted.Raised(App, cohort, (0, Insighted.Ai, "A."), (1, Insighted.Ai, "B."), (2, Insighted.Ai, "C."), (3, Insighted.Green, "Lonely green idea."));

        var all = await Leadership(Admin, cohort.ProgramId);
        var green = await Leadership(Admin, cohort.ProgramId, $"?focusArea={Insighted.Green}");
        var ai = await Leadership(Admin, cohort.ProgramId, $"?focusArea={Uri.EscapeDataString(Insighted.Ai)}");
        var adopted = await Leadership(Admin, cohort.ProgramId, "?status=Adopted");

        Assert.Equal(4, all.Insights.Count);
        Assert.Empty(green.Insights);
        Assert.Equal(Anonymity.TooFew(Insighted.K) + " Widen the filter to see these insights.", green.HiddenBecause);
        // Three pairs raised AI insights, but all four minus those three is the one green pair: subtraction would name its insight.
        Assert.Empty(ai.Insights);
        Assert.StartsWith(Anonymity.WouldDifference(Insighted.K), ai.HiddenBecause, StringComparison.Ordinal);
        Assert.Equal((0, null), (adopted.Insights.Count, adopted.HiddenBecause));
        Assert.Equal(4, (await Leadership(Admin, cohort.ProgramId, "?status=New")).Insights.Count);
    }

    [Fact]
    public async Task Respond_ByAParticipant_Is403_ByAManagerOfAnotherProgram_Is404_AndAStaleVersion_Is409()
    {
        var cohort = await Insighted.Cohort(App, Admin, 3);
        var ids = await Insighted.Raised(App, cohort, (0, Insighted.Ai, "A."), (1, Insighted.Ai, "B."), (2, Insighted.Green, "C."));
        var participant = await Paired.As(App, Admin, cohort.Pairs[0].Leader);
        var otherManager = await Given.AnAccount(App, Admin, "other.manager@example.com", Roles.ProgramManager);
        await Seed.AProgram(App, "other.manager@example.com");
        var url = $"/api/v1/insights/{ids[0]}/response";
        var body = new { status = "Noted", response = "Thank you, we read it.", version = 0 };

        var byParticipant = await participant.PostAsJsonAsync(url, body);
        var byOtherManager = await otherManager.PostAsJsonAsync(url, body);
        var noted = await Admin.PostAsJsonAsync(url, body);
        var stale = await Admin.PostAsJsonAsync(url, body with { status = "Declined" });
        var badStatus = await Admin.PostAsJsonAsync(url, new { status = "New", response = "", version = 1 });

        Assert.Equal(HttpStatusCode.Forbidden, byParticipant.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, byOtherManager.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, noted.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        var errors = await badStatus.Content.ReadAsStringAsync();
        Assert.Contains("\"status\"", errors, StringComparison.Ordinal);
        Assert.Contains("\"response\"", errors, StringComparison.Ordinal);
        Assert.Equal(InsightStatus.Noted, await App.Query(db => db.Insights.Where(i => i.Id == ids[0]).Select(i => i.Status).SingleAsync()));
        Assert.Equal(HttpStatusCode.Forbidden, (await participant.GetAsync(Insighted.Leadership(cohort.ProgramId))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherManager.GetAsync(Insighted.Leadership(cohort.ProgramId))).StatusCode);
    }

    [Fact]
    public async Task Respond_BelowK_IsNotFound_ForLeadershipHasNotSeenIt()
    {
        var cohort = await Insighted.Cohort(App, Admin, 2);
        var ids = await Insighted.Raised(App, cohort, (0, Insighted.Ai, "A."), (1, Insighted.Ai, "B."));

        var response = await Admin.PostAsJsonAsync($"/api/v1/insights/{ids[0]}/response", new { status = "Noted", response = "Seen.", version = 0 });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
