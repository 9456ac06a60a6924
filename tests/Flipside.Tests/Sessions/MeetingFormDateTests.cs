using System.Net;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Sessions;

/// <summary>The pair's meeting and action item forms give the API's plausible-date error beside their fields (issue 14).</summary>
public sealed class MeetingFormDateTests(FlipsideFactory app) : AdministeredTests(app)
{
    [Theory]
    [InlineData("0001-01-01T10:00")]
    [InlineData("2101-01-01T10:00")]
    public async Task ProposingOnThePage_OutsideTheYears2000To2100_IsRefusedBesideTheTime(string when)
    {
        var pair = await APair.Make(App, Admin);
        var page = $"/Sessions/Meetings?pairingId={pair.PairingId}";

        var response = await pair.AsMentee.Submit(page, new Dictionary<string, string> { ["Input.LocalStart"] = when }, page + "&handler=Propose");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a date between the years 2000 and 2100.", await response.Html(), StringComparison.Ordinal);
        Assert.Equal(0, await App.Query(db => db.Meetings.CountAsync()));
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("2101-01-01")]
    public async Task AddingAnActionItemOnThePage_DueOutsideTheYears2000To2100_IsRefusedBesideTheDate(string due)
    {
        var pair = await APair.Make(App, Admin);
        var planned = await pair.Proposed(pair.AsMentee, "2026-11-24T10:00");
        Assert.Equal(HttpStatusCode.NoContent, (await pair.AsMentor.PostAsync($"/api/v1/meetings/{planned.MeetingId}/accept", null)).StatusCode);
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 11, 30, 0, TimeSpan.Zero));
        pair = await pair.SignedInAgain(App);
        var log = $"/Sessions/Log?meetingId={planned.MeetingId}";

        var response = await pair.AsMentee.Submit(log, new Dictionary<string, string>
        {
            ["Item.Text"] = "Record a two-minute video update", ["Item.Owner"] = "Mentee", ["Item.DueOn"] = due,
        }, log + "&handler=AddItem");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a date between the years 2000 and 2100.", await response.Html(), StringComparison.Ordinal);
        Assert.Equal(0, await App.Query(db => db.ActionItems.CountAsync()));
    }
}
