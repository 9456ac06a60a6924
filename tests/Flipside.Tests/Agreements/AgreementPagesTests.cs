using System.Net;
using Flipside.Domain;
using Flipside.Features.Agreements;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Agreements;

/// <summary>The pages: both partners acknowledge, edit and sign; the manager's cohort page shows signed or not, never the content.</summary>
public sealed class AgreementPagesTests(FlipsideFactory app) : AdministeredTests(app)
{
    private const string PrivateWords = "No talk about the Lisbon office closure";

    [Fact]
    public async Task BothPartners_AcknowledgeEditAndSign_OnThePage_AndTheManagerSeesOnlyThatTheySigned()
    {
        var cohort = await Paired.Cohort(App, Admin, 1);
        var pair = cohort.Pairs[0];
        var page = $"/Agreements/Agreement?pairingId={pair.PairingId}";
        var mentor = await Paired.As(App, Admin, pair.Mentor);
        var leader = await Paired.As(App, Admin, pair.Leader);

        var mine = await (await mentor.GetAsync("/Enrollment/Mine")).Html();
        foreach (var client in new[] { mentor, leader })
            Assert.Equal(HttpStatusCode.Redirect, (await client.Submit(page, new Dictionary<string, string> { ["textVersion"] = "1" }, page + "&handler=Acknowledge")).StatusCode);
        var saved = await mentor.Submit(page, new Dictionary<string, string> { ["revision"] = "1", [$"sections[{AgreementDraft.Boundaries}]"] = PrivateWords }, page + "&handler=Save");
        foreach (var client in new[] { mentor, leader })
            Assert.Equal(HttpStatusCode.Redirect, (await client.Submit(page, new Dictionary<string, string> { ["revision"] = "2" }, page + "&handler=Sign")).StatusCode);
        var leaderPage = await (await leader.GetAsync(page)).Html();
        var managerPage = await (await Admin.GetAsync($"/Agreements/Cohort?cohortId={cohort.CohortId}")).Html();
        var roster = await (await Admin.GetAsync($"/Enrollment/Roster?cohortId={cohort.CohortId}")).Html();

        Assert.Contains(page, mine);
        Assert.Contains($"/Goals/Pairing?pairingId={pair.PairingId}", mine);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains(PrivateWords, leaderPage);
        Assert.Contains("Signed by both on", leaderPage);
        Assert.Contains("Signed by both on", managerPage);
        Assert.Contains("both acknowledged", managerPage);
        Assert.DoesNotContain("Lisbon", managerPage, StringComparison.Ordinal);
        Assert.Contains($"/Agreements/Cohort?cohortId={cohort.CohortId}", roster);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task SigningTwice_OnThePage_ShowsWhy_AndAChangeShowsWhatChanged()
    {
        var cohort = await Paired.Cohort(App, Admin, 1);
        var pair = cohort.Pairs[0];
        var page = $"/Agreements/Agreement?pairingId={pair.PairingId}";
        var (mentor, leader) = (await Paired.As(App, Admin, pair.Mentor), await Paired.As(App, Admin, pair.Leader));
        foreach (var client in new[] { mentor, leader })
        {
            await client.Submit(page, new Dictionary<string, string> { ["textVersion"] = "1" }, page + "&handler=Acknowledge");
            await client.Submit(page, new Dictionary<string, string> { ["revision"] = "1" }, page + "&handler=Sign");
        }

        var twice = await mentor.Submit(page, new Dictionary<string, string> { ["revision"] = "1" }, page + "&handler=Sign");
        await leader.Submit(page, new Dictionary<string, string> { ["revision"] = "1", [$"sections[{AgreementDraft.Channels}]"] = "Signal, weekdays only." }, page + "&handler=Save");
        var mentorPage = await (await mentor.GetAsync(page)).Html();

        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("You already signed version 1 of this agreement.", await twice.Html());
        Assert.Contains("What changed since the version you signed (version 1)", mentorPage);
        Assert.Contains("Signal, weekdays only.", mentorPage);
        Assert.Contains("Sign version 2", mentorPage);
    }

    [Fact]
    public async Task TheManager_EditsTheGuidelines_OnThePage_AndAParticipantCannot()
    {
        var cohort = await Paired.Cohort(App, Admin, 1);
        var page = $"/Agreements/Guidelines?programId={cohort.ProgramId}";
        var leader = await Paired.As(App, Admin, cohort.Pairs[0].Leader);

        var saved = await Admin.Submit(page, new Dictionary<string, string> { ["Text"] = "Listen first.", ["TextVersion"] = "1" });
        var oversize = await Admin.Submit(page, new Dictionary<string, string> { ["Text"] = new string('x', ProgramGuidelines.TextMaxLength + 1), ["TextVersion"] = "2" });
        var byLeader = await leader.GetAsync(page);

        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("Listen first.", await App.Query(db => db.Guidelines.Select(g => g.Text).SingleAsync()));
        Assert.Contains($"Keep the guidelines to {ProgramGuidelines.TextMaxLength} characters", await oversize.Html());
        Assert.Equal(HttpStatusCode.Redirect, byLeader.StatusCode);
        Assert.Contains("/Account/AccessDenied", byLeader.Headers.Location!.OriginalString);
    }
}
