using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Sponsors;
using Flipside.Tests.Agreements;
using Flipside.Tests.Insights;
using Flipside.Tests.Support;

namespace Flipside.Tests.Sponsors;

/// <summary>A sponsor's programs in figures, and leadership's insight pages: aggregates only, never a participant.</summary>
public sealed class SponsorTests(FlipsideFactory app) : AdministeredTests(app)
{
    private const string SponsorEmail = "sponsor@example.com";

    private async Task<(Paired.Published Cohort, HttpClient Sponsor)> Sponsored(int pairs)
    {
        var cohort = await Insighted.Cohort(App, Admin, pairs);
        var sponsor = await Given.AnAccount(App, Admin, SponsorEmail, Roles.Sponsor);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PostAsJsonAsync($"/api/v1/programs/{cohort.ProgramId}/sponsors", new { email = SponsorEmail })).StatusCode);
        return (cohort, sponsor);
    }

    [Fact]
    public async Task ASponsorsPagesAndResponses_HoldFiguresAndInsights_ButNoParticipantsNameOrEmail()
    {
        var (cohort, sponsor) = await Sponsored(3);
        var ids = await Insighted.Raised(App, cohort, (0, Insighted.Ai, "Share the AI pilot."), (1, Insighted.Ai, "Chat stand-ups."), (2, Insighted.Green, "Fewer flights."));
        var programId = cohort.ProgramId;

        var list = (await sponsor.GetFromJsonAsync<List<SponsorOverview.Summary>>("/api/v1/sponsor/programs", Json.Options))!;
        var pages = new[] { "/", "/Sponsors", $"/Sponsors/Program?programId={programId}", $"/Insights/Program?programId={programId}",
            $"/Insights/Program?programId={programId}&focusArea={Uri.EscapeDataString(Insighted.Ai)}", "/api/v1/sponsor/programs",
            $"/api/v1/sponsor/programs/{programId}", $"/api/v1/programs/{programId}/insights" };
        var bodies = new List<string>();
        foreach (var page in pages)
        {
            var response = await sponsor.GetAsync(page);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{page} gave {(int)response.StatusCode}");
            bodies.Add(await response.Html());
        }

        var summary = Assert.Single(list);
        Assert.Equal((programId, 3, 0, 3, 0), (summary.ProgramId, summary.ActivePairs, summary.MeetingsThisQuarter, summary.InsightsRaised, summary.InsightsAdopted));
        Assert.Contains("Share the AI pilot.", bodies[3], StringComparison.Ordinal);
        Assert.Contains($"href=\"{ProgramLinks.Health(programId)}\"", bodies[1], StringComparison.Ordinal);
        foreach (var person in cohort.Pairs.SelectMany(p => new[] { p.Mentor, p.Leader }))
            foreach (var (page, body) in pages.Zip(bodies))
            {
                Assert.False(body.Contains(person.Name, StringComparison.Ordinal), $"{page} names {person.Name}");
                Assert.False(body.Contains(person.Email, StringComparison.OrdinalIgnoreCase), $"{page} shows {person.Email}");
            }
        Assert.All(cohort.Pairs, p => Assert.All(bodies, b => Assert.DoesNotContain(p.PairingId.ToString(), b, StringComparison.OrdinalIgnoreCase)));
        Assert.Equal(3, ids.Count);
    }

    [Fact]
    public async Task ASponsor_BelowK_SeesTheSentenceInsteadOfInsightCounts()
    {
        var (cohort, sponsor) = await Sponsored(2);
        await Insighted.Raised(App, cohort, (0, Insighted.Ai, "A."), (1, Insighted.Ai, "B."));

        var summary = (await sponsor.GetFromJsonAsync<SponsorOverview.Summary>($"/api/v1/sponsor/programs/{cohort.ProgramId}", Json.Options))!;

        Assert.Equal((null, null), (summary.InsightsRaised, summary.InsightsAdopted));
        Assert.Equal(Features.Insights.LeadershipInsights.TooFewPairs(Insighted.K), summary.InsightsHiddenBecause);
    }

    [Fact]
    public async Task ASponsorOfAnotherProgram_FindsNeitherItsFiguresNorItsInsights()
    {
        var (cohort, _) = await Sponsored(1);
        var stranger = await Given.AnAccount(App, Admin, "other.sponsor@example.com", Roles.Sponsor);

        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/sponsor/programs/{cohort.ProgramId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/api/v1/programs/{cohort.ProgramId}/insights")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync($"/Sponsors/Program?programId={cohort.ProgramId}")).StatusCode);
        Assert.Empty((await stranger.GetFromJsonAsync<List<SponsorOverview.Summary>>("/api/v1/sponsor/programs", Json.Options))!);
    }

    [Fact]
    public async Task ASponsor_RespondsOnThePage_ThePairReadsIt_AndTheProgramsOutboxDoesNotListWhoWasTold()
    {
        var (cohort, sponsor) = await Sponsored(3);
        var ids = await Insighted.Raised(App, cohort, (0, Insighted.Ai, "A."), (1, Insighted.Ai, "B."), (2, Insighted.Green, "C."));
        var page = $"/Insights/Program?programId={cohort.ProgramId}";

        var posted = await sponsor.Submit(page, new Dictionary<string, string>
        {
            ["insightId"] = ids[0].ToString(), ["answer"] = "InProgress",
            ["response"] = "We are trying it in two teams.", ["version"] = "0"
        }, $"{page}&handler=Respond");
        var empty = await sponsor.Submit(page, new Dictionary<string, string>
        {
            ["insightId"] = ids[1].ToString(), ["answer"] = "Noted",
            ["response"] = "", ["version"] = "0"
        }, $"{page}&handler=Respond");

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        Assert.Contains("Say in a sentence what happens with this insight.", await empty.Html(), StringComparison.Ordinal);
        var leader = await Paired.As(App, Admin, cohort.Pairs[0].Leader);
        var theirs = await (await leader.GetAsync($"/Insights/Pairing?pairingId={cohort.Pairs[0].PairingId}")).Html();
        Assert.Contains("We are trying it in two teams.", theirs, StringComparison.Ordinal);
        Assert.Contains("in progress", theirs, StringComparison.Ordinal);
        var outbox = await (await Admin.GetAsync($"/Programs/Outbox?programId={cohort.ProgramId}")).Html();
        Assert.DoesNotContain("responded to your insight", outbox, StringComparison.Ordinal);
        Assert.Equal(2, await App.Query(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(
            db.Outbox, m => m.Kind == Features.Insights.InsightEmails.ResponseKind)));
    }

    [Fact]
    public async Task ThePair_RaisesOnItsPage_WithFieldErrorsBesideTheFields()
    {
        var cohort = await Insighted.Cohort(App, Admin, 1);
        var mentor = await Paired.As(App, Admin, cohort.Pairs[0].Mentor);
        var page = $"/Insights/Pairing?pairingId={cohort.Pairs[0].PairingId}";

        var refused = await mentor.Submit(page, new Dictionary<string, string> { ["FocusArea"] = "Blockchain", ["Text"] = "" });
        var raised = await mentor.Submit(page, new Dictionary<string, string> { ["FocusArea"] = Insighted.Green, ["Text"] = "Recycle the demo laptops." });

        var html = await refused.Html();
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Choose one of the program's focus areas", html, StringComparison.Ordinal);
        Assert.Contains("Write the insight or idea in a sentence or two.", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, raised.StatusCode);
        Assert.Contains("Recycle the demo laptops.", await (await mentor.GetAsync(page)).Html(), StringComparison.Ordinal);
        Assert.Contains($"/Insights/Pairing?pairingId={cohort.Pairs[0].PairingId}", await (await mentor.GetAsync("/Enrollment/Mine")).Html(), StringComparison.Ordinal);
    }
}
