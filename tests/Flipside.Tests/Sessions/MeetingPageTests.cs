using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Flipside.Tests.Support;

namespace Flipside.Tests.Sessions;

/// <summary>The pair's pages: refusals beside their fields, the log with what each learned, action items, and the feed address.</summary>
public sealed partial class MeetingPageTests(FlipsideFactory app) : AdministeredTests(app)
{
    [Fact]
    public async Task ProposingOnThePage_WithABadLinkOrASkippedHour_ShowsTheSentenceBesideTheField()
    {
        var pair = await APair.Make(App, Admin, menteeZone: "America/New_York");
        var page = $"/Sessions/Meetings?pairingId={pair.PairingId}";
        var bad = await pair.AsMentee.Submit(page, new Dictionary<string, string> { ["Input.LocalStart"] = "2026-11-24T10:00", ["Input.VideoLink"] = "javascript:alert(1)" },
            page + "&handler=Propose");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("must be a web address starting with https://", await bad.Html());
        var gap = await pair.AsMentee.Submit(page, new Dictionary<string, string> { ["Input.LocalStart"] = "2027-03-14T02:15" }, page + "&handler=Propose");
        Assert.Contains("does not exist in America/New_York", await gap.Html());
        Assert.Empty(await APair.Invites(App, pair.Mentor.Email));
    }

    [Fact]
    public async Task TheLogPage_SealsWhatEachLearned_ShowsItToThePartner_AndTakesActionItems()
    {
        var pair = await APair.Make(App, Admin);
        var planned = await pair.Proposed(pair.AsMentee, "2026-11-24T10:00");
        Assert.Equal(HttpStatusCode.NoContent, (await pair.AsMentor.PostAsync($"/api/v1/meetings/{planned.MeetingId}/accept", null)).StatusCode);
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 11, 30, 0, TimeSpan.Zero));
        pair = await pair.SignedInAgain(App);
        var log = $"/Sessions/Log?meetingId={planned.MeetingId}";
        var saved = await pair.AsMentor.Submit(log, new Dictionary<string, string>
        {
            ["Input.Held"] = "true", ["Input.Minutes"] = "55", ["Input.Learned"] = "Board papers are read on phones between flights",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var added = await pair.AsMentee.Submit(log, new Dictionary<string, string>
        {
            ["Item.Text"] = "Record a two-minute video update", ["Item.Owner"] = "Mentee", ["Item.DueOn"] = "2026-12-05",
        }, log + "&handler=AddItem");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        var html = await (await pair.AsMentee.GetAsync(log)).Html();
        Assert.Contains("Board papers are read on phones between flights", html);
        Assert.Contains("Record a two-minute video update", html);
        var meetings = await (await pair.AsMentee.GetAsync($"/Sessions/Meetings?pairingId={pair.PairingId}")).Html();
        Assert.Contains("1 meeting held", meetings);
        Assert.Contains("The leader took on 1 action item and completed 0", meetings);
    }

    [Fact]
    public async Task TheCalendarPage_ShowsANewAddressOnce_ThatACalendarAppReads_AndRevokesIt()
    {
        var pair = await APair.Make(App, Admin);
        await pair.Proposed(pair.AsMentee, "2026-11-24T10:00");
        Assert.Equal(HttpStatusCode.Redirect, (await pair.AsMentee.Submit("/Sessions/Calendar", new Dictionary<string, string>(), "/Sessions/Calendar?handler=Renew")).StatusCode);
        var shown = await (await pair.AsMentee.GetAsync("/Sessions/Calendar")).Html();
        var address = FeedAddress().Match(shown);
        Assert.True(address.Success, "the new address is on the page");
        var calendarApp = App.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.OK, (await calendarApp.GetAsync(new Uri(address.Value).PathAndQuery)).StatusCode);
        Assert.DoesNotMatch(FeedAddress(), await (await pair.AsMentee.GetAsync("/Sessions/Calendar")).Html());

        Assert.Equal(HttpStatusCode.Redirect, (await pair.AsMentee.Submit("/Sessions/Calendar", new Dictionary<string, string>(), "/Sessions/Calendar?handler=Revoke")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(new Uri(address.Value).PathAndQuery)).StatusCode);
        Assert.Contains("You have no active address", await (await pair.AsMentee.GetAsync("/Sessions/Calendar")).Html());
        Assert.False((await pair.AsMentee.GetFromJsonAsync<Flipside.Features.Sessions.CalendarFeeds.Status>("/api/v1/calendar/feed", Json.Options))!.Active);
    }

    [GeneratedRegex(@"https?://[^""\s]+/api/v1/calendar/feeds/[A-Za-z0-9_\-]+\.ics")]
    private static partial Regex FeedAddress();
}
