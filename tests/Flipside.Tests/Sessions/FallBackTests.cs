using System.Net.Http.Json;
using Flipside.Features.Sessions;
using Flipside.Tests.Support;

namespace Flipside.Tests.Sessions;

/// <summary>The hour that happens twice when the clocks go back: suggestions that read back to their own instant, with the offset shown.</summary>
public sealed class FallBackTests(FlipsideFactory app) : AdministeredTests(app)
{
    [Fact]
    public async Task Suggestions_InTheRepeatedHour_AreTheFirstOccurrenceOnly_AndShowTheirOffset()
    {
        // Berlin goes back on Sunday 31 October 2027 at 03:00 summer time: 02:00–02:59 happens at 00:xx and again at 01:xx UTC.
        var pair = await APair.Make(App, Admin, mentorZone: "Europe/Berlin", menteeZone: "UTC");
        await APair.SetHours(App, pair.MentorEnrollmentId, 6 * 24 + 2);
        // The leader is free only on Sunday 01:00 UTC: that night, the second 02:00 in Berlin.
        await APair.SetHours(App, pair.MenteeEnrollmentId, 6 * 24 + 1);
        App.Clock.SetUtcNow(new DateTimeOffset(2027, 10, 26, 12, 0, 0, TimeSpan.Zero));
        pair = await pair.SignedInAgain(App);
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

        var leaders = await pair.AsMentee.GetFromJsonAsync<List<SuggestTimes.Slot>>($"/api/v1/pairings/{pair.PairingId}/meetings/suggestions", Json.Options);
        var second = new DateTimeOffset(2027, 10, 31, 1, 0, 0, TimeSpan.Zero);
        Assert.Equal(second, leaders![0].StartsAt);
        Assert.Contains("Sun 31 Oct 2027, 02:00 (Europe/Berlin, UTC+01:00)", leaders[0].ForPartner);
        Assert.Contains("01:00 (UTC)", leaders[0].ForMe);

        // The mentor's form takes a wall time, and 02:00 that night reads as the first one: so it is not offered to them.
        var mentors = await pair.AsMentor.GetFromJsonAsync<List<SuggestTimes.Slot>>($"/api/v1/pairings/{pair.PairingId}/meetings/suggestions", Json.Options);
        Assert.DoesNotContain(mentors!, s => s.StartsAt == second);
        Assert.Equal([new DateTimeOffset(2027, 11, 7, 1, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 11, 14, 1, 0, 0, TimeSpan.Zero)], mentors!.Select(s => s.StartsAt));
        Assert.All(mentors!, s => Assert.Equal(s.StartsAt, MeetingTimes.ToUtc(s.MyLocalStart, berlin)));

        // Typed by hand, 02:00 that night is the first 02:00, in summer time, and the warning says so.
        var planned = await pair.Proposed(pair.AsMentor, "2027-10-31T02:00");
        Assert.Equal(new DateTimeOffset(2027, 10, 31, 0, 0, 0, TimeSpan.Zero), planned.StartsAt);
        Assert.Contains(planned.Warnings, w => w.Contains("happens twice", StringComparison.Ordinal) && w.Contains("UTC+02:00", StringComparison.Ordinal));
    }

    [Fact]
    public async Task NewYork_FallingBack_ShowsTheOffsetOnTheMeetingsPage()
    {
        // New York goes back on Sunday 7 November 2027 at 02:00: 01:30 happens at 05:30 and again at 06:30 UTC.
        var pair = await APair.Make(App, Admin, mentorZone: "America/New_York", menteeZone: "America/New_York");
        App.Clock.SetUtcNow(new DateTimeOffset(2027, 11, 1, 12, 0, 0, TimeSpan.Zero));
        pair = await pair.SignedInAgain(App);
        var planned = await pair.Proposed(pair.AsMentee, "2027-11-07T01:30");
        Assert.Equal(new DateTimeOffset(2027, 11, 7, 5, 30, 0, TimeSpan.Zero), planned.StartsAt);
        var page = await (await pair.AsMentor.GetAsync($"/Sessions/Meetings?pairingId={pair.PairingId}")).Html();
        Assert.Contains("Sun 7 Nov 2027, 01:30 (America/New_York, UTC-04:00)", page);
    }
}
