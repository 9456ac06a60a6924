using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Celebration;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Celebration;

/// <summary>
/// The milestones job: first meeting, three meetings, halfway (by the cohort's dates) and completion, each recorded
/// once per pairing with a message to both partners; and the certificate that completion opens, for the pair alone.
/// </summary>
public sealed class MilestoneTests(FlipsideFactory app) : AdministeredTests(app)
{
    // In the enum's order: the column holds the kind's name, which sorts alphabetically in SQL.
    private async Task<List<MilestoneKind>> Recorded(Guid pairingId) =>
        [.. (await App.Query(db => db.PairingMilestones.Where(m => m.PairingId == pairingId).Select(m => m.Kind).ToListAsync())).Order()];

    private Task<List<string>> MilestoneMails() =>
        App.Query(db => db.Outbox.Where(m => m.Kind != null && m.Kind.StartsWith(CelebrationEmails.MilestoneKindPrefix)).OrderBy(m => m.To).Select(m => m.Kind + " " + m.To).ToListAsync());

    [Fact]
    public async Task EachMilestone_IsRecordedOnce_WithAMessageToBoth_HoweverOftenTheJobRuns()
    {
        var pairs = await Celebrating.Pairs(App, Admin);
        Assert.Equal(0, await Celebrating.RunJob(App));

        await Celebrating.Held(App, pairs.First, 1);
        Assert.Equal(1, await Celebrating.RunJob(App));
        Assert.Equal(0, await Celebrating.RunJob(App));
        Assert.Equal([MilestoneKind.FirstMeeting], await Recorded(pairs.First));
        Assert.Equal(["milestone-first-meeting l1@example.com", "milestone-first-meeting m1@example.com"], await MilestoneMails());

        await Celebrating.Held(App, pairs.First, 2);
        Celebrating.At(App, 2027, 3, 31); // the day before the cohort's halfway day
        Assert.Equal(1, await Celebrating.RunJob(App));
        Celebrating.At(App, 2027, 4, 1); // 1 January + 90 of its 180 days
        Assert.Equal(2, await Celebrating.RunJob(App));
        Assert.Equal([MilestoneKind.FirstMeeting, MilestoneKind.ThreeMeetings, MilestoneKind.Halfway], await Recorded(pairs.First));
        Assert.Equal([MilestoneKind.Halfway], await Recorded(pairs.Second));

        Celebrating.At(App, 2027, 6, 30); // the last day of the cohort: not completed yet
        Assert.Equal(0, await Celebrating.RunJob(App));
        Celebrating.At(App, 2027, 7, 1);
        Assert.Equal(2, await Celebrating.RunJob(App));
        Assert.Equal(0, await Celebrating.RunJob(App));
        Assert.Equal(Enum.GetValues<MilestoneKind>(), await Recorded(pairs.First));
        Assert.Equal(12, (await MilestoneMails()).Count); // four for the first pair and two for the second, each to both partners
        Assert.Equal(2, (await MilestoneMails()).Count(m => m == "milestone-completion m1@example.com" || m == "milestone-completion l1@example.com"));
    }

    [Fact]
    public async Task TwoInstancesRunningTogether_RecordEachMilestoneOnce()
    {
        var pairs = await Celebrating.Pairs(App, Admin);
        await Celebrating.Held(App, pairs.First, 3);

        var runs = await Task.WhenAll(Celebrating.RunJob(App), Celebrating.RunJob(App));

        Assert.Equal(2, runs.Sum());
        Assert.Equal([MilestoneKind.FirstMeeting, MilestoneKind.ThreeMeetings], await Recorded(pairs.First));
        Assert.Equal(4, (await MilestoneMails()).Count);
    }

    [Fact]
    public async Task APairingEndedBeforeTheCohortEnd_NeverCompletes_AndGetsNoCertificate()
    {
        var pairs = await Celebrating.Pairs(App, Admin);
        Celebrating.At(App, 2027, 2, 1);
        await App.Query(async db =>
        {
            var pairing = await db.Pairings.SingleAsync(p => p.Id == pairs.First);
            pairing.End(PairingActor.Mentor, "", false, App.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        Celebrating.At(App, 2027, 8, 1);

        await Celebrating.RunJob(App);

        Assert.Empty(await Recorded(pairs.First));
        Assert.Equal([MilestoneKind.Halfway, MilestoneKind.Completion], await Recorded(pairs.Second));
        var mentor = await Given.SignedIn(App, "m1@example.com");
        Assert.Equal(HttpStatusCode.Conflict, (await mentor.GetAsync($"/api/v1/pairings/{pairs.First}/certificate")).StatusCode);
    }

    [Fact]
    public async Task TheCertificate_OpensAtCompletion_ForTheTwoPartnersOnly()
    {
        var pairs = await Celebrating.Pairs(App, Admin);
        await Celebrating.Held(App, pairs.First, 4);
        await Celebrating.RunJob(App);

        var early = await pairs.Mentor.GetAsync($"/api/v1/pairings/{pairs.First}/certificate");
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Contains(Certificate.NotYet, await early.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var earlyPage = await pairs.Mentor.GetAsync($"/Celebration/Certificate?pairingId={pairs.First}");
        Assert.Equal(HttpStatusCode.Conflict, earlyPage.StatusCode);
        Assert.Contains(Certificate.NotYet, await earlyPage.Html(), StringComparison.Ordinal);

        Celebrating.At(App, 2027, 7, 2);
        await Celebrating.RunJob(App);
        var mentor = await Given.SignedIn(App, "m1@example.com");
        var mentee = await Given.SignedIn(App, "l1@example.com");
        var certificate = (await mentee.GetFromJsonAsync<Certificate.View>($"/api/v1/pairings/{pairs.First}/certificate", Json.Options))!;
        Assert.Equal((4, "Digital fluency", "Pilot"), (certificate.MeetingsHeld, certificate.ProgramName, certificate.CohortName));
        var page = await mentor.GetAsync($"/Celebration/Certificate?pairingId={pairs.First}");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Html();
        Assert.Contains(certificate.MentorName, html, StringComparison.Ordinal);
        Assert.Contains(certificate.MenteeName, html, StringComparison.Ordinal);
        Assert.Contains("(leader)", html, StringComparison.Ordinal);
        Assert.Contains("holding 4 meetings together", html, StringComparison.Ordinal);
        Assert.Contains("1 January 2027 to 30 June 2027", html, StringComparison.Ordinal);
        Assert.Contains("/Celebration/Certificate?pairingId=", await (await mentor.GetAsync($"/Celebration/Pairing?pairingId={pairs.First}")).Html(), StringComparison.Ordinal);

        foreach (var email in new[] { "l2@example.com", Conversations.Pairs.ManagerEmail, Conversations.Pairs.SponsorEmail, Given.AdminEmail })
        {
            var outsider = await Given.SignedIn(App, email);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/pairings/{pairs.First}/certificate")).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Celebration/Certificate?pairingId={pairs.First}")).StatusCode);
        }
    }

    [Fact]
    public async Task ThePairingPage_ShowsTheMilestonesReached()
    {
        var pairs = await Celebrating.Pairs(App, Admin);
        await Celebrating.Held(App, pairs.First, 1);
        await Celebrating.RunJob(App);

        var html = await (await pairs.Mentee.GetAsync($"/Celebration/Pairing?pairingId={pairs.First}")).Html();

        Assert.Contains(PairingMilestone.Describe(MilestoneKind.FirstMeeting), html, StringComparison.Ordinal);
        Assert.DoesNotContain(PairingMilestone.Describe(MilestoneKind.ThreeMeetings), html, StringComparison.Ordinal);
        Assert.DoesNotContain("Your certificate", html, StringComparison.Ordinal);
    }
}
