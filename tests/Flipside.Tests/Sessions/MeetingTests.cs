using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flipside.Domain;
using Flipside.Features.Sessions;
using Flipside.Tests.Support;
using Ical.Net.CalendarComponents;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Sessions;

/// <summary>Scheduling through the API: invites that calendars read back, updates, cancellations, and every refusal.</summary>
public sealed class MeetingTests(FlipsideFactory app) : AdministeredTests(app)
{
    private static CalendarEvent Event(string ics, out string? method)
    {
        var calendar = Ical.Net.Calendar.Load(ics)!;
        method = calendar.Method;
        return calendar.Events.Single();
    }

    private static async Task<string> Detail(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;

    [Fact]
    public async Task AnInvite_ParsesBack_WithStartEndTimeZoneOrganiserAndAttendees_InEachPersonsZone()
    {
        var pair = await APair.Make(App, Admin, mentorZone: "Europe/London", menteeZone: "America/New_York");
        // The leader proposes in New York time: 05:00 there is 10:00 in London (and UTC) on 24 November.
        var planned = await pair.Proposed(pair.AsMentee, "2026-11-24T05:00", "https://meet.example.com/abc");
        Assert.Equal(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero), planned.StartsAt);

        var (kind, type, ics) = Assert.Single(await APair.Invites(App, pair.Mentor.Email));
        Assert.Equal(MeetingEmails.InviteKind, kind);
        Assert.StartsWith("text/calendar; method=REQUEST", type);
        var e = Event(ics, out var method);
        Assert.Equal("REQUEST", method);
        Assert.Equal("Europe/London", e.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 11, 24, 10, 0, 0), e.DtStart.Value);
        Assert.Equal(new DateTime(2026, 11, 24, 11, 0, 0), e.DtEnd!.Value);
        Assert.Equal("mailto:" + pair.Mentee.Email, e.Organizer!.Value!.ToString());
        Assert.Equal(new[] { pair.Mentor.Email, pair.Mentee.Email }.Order(), e.Attendees.Select(a => a.Value!.ToString()["mailto:".Length..]).Order());
        Assert.Equal("https://meet.example.com/abc", e.Location);
        Assert.Contains(Ical.Net.Calendar.Load(ics)!.TimeZones, z => z.TzId == "Europe/London");

        var leaders = Event(Assert.Single(await APair.Invites(App, pair.Mentee.Email)).Ics, out _);
        Assert.Equal("America/New_York", leaders.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 11, 24, 5, 0, 0), leaders.DtStart.Value);
        Assert.Equal(new DateTime(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc), leaders.DtStart.AsUtc);
        Assert.Equal(e.Uid, leaders.Uid);
    }

    [Fact]
    public async Task AnUpdate_KeepsTheUid_AndRaisesTheSequence_AndACancellationCancelsIt()
    {
        var pair = await APair.Make(App, Admin);
        var planned = await pair.Proposed(pair.AsMentee, "2026-11-24T10:00");
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var moved = await pair.AsMentor.PostAsJsonAsync($"/api/v1/meetings/{planned.MeetingId}/reschedule", new { localStart = "2026-11-30T11:00" });
        Assert.True(moved.StatusCode == HttpStatusCode.OK, await moved.Content.ReadAsStringAsync());
        // The one who moved it cannot accept their own time; the leader accepts it.
        Assert.Equal(HttpStatusCode.Conflict, (await pair.AsMentor.PostAsync($"/api/v1/meetings/{planned.MeetingId}/accept", null)).StatusCode);
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.NoContent, (await pair.AsMentee.PostAsync($"/api/v1/meetings/{planned.MeetingId}/accept", null)).StatusCode);
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        var cancelled = await pair.AsMentee.PostAsync($"/api/v1/meetings/{planned.MeetingId}/cancel", null);
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);

        var invites = await APair.Invites(App, pair.Mentor.Email);
        Assert.Equal(4, invites.Count);
        var events = invites.Select(i => Event(i.Ics, out var method) is var e ? (Method: method, Event: e) : default).ToList();
        Assert.Single(events.Select(x => x.Event.Uid).Distinct());
        Assert.Equal([0, 1, 2, 3], events.Select(x => x.Event.Sequence));
        Assert.Equal(new DateTime(2026, 11, 30, 11, 0, 0), events[1].Event.DtStart!.Value);
        Assert.Equal("TENTATIVE", events[1].Event.Status);
        Assert.Equal("CONFIRMED", events[2].Event.Status);
        Assert.Equal("CANCEL", events[3].Method);
        Assert.Equal("CANCELLED", events[3].Event.Status);
        Assert.Equal(MeetingEmails.CancelKind, invites[3].Kind);
        Assert.StartsWith("text/calendar; method=CANCEL", invites[3].ContentType);

        // Who cancelled and how late: the leader, about 168 hours before.
        var view = await (await pair.AsMentor.GetAsync($"/api/v1/pairings/{pair.PairingId}/meetings")).Content.ReadFromJsonAsync<PairMeetings.View>(Json.Options);
        var c = Assert.Single(view!.Ledger.Cancellations);
        Assert.Equal(ParticipantRole.Mentee, c.By);
        Assert.InRange(c.HoursBefore, 167, 170);
    }

    [Fact]
    public async Task AMeetingInThePast_IsRefused()
    {
        var pair = await APair.Make(App, Admin);
        var response = await pair.Propose(pair.AsMentee, "2026-11-23T08:00");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("already passed", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await App.Query(db => db.Meetings.CountAsync()));
    }

    [Fact]
    public async Task AMeetingOverlappingAnotherOfThePair_IsRefused_ButAfterItEndsIsFine()
    {
        var pair = await APair.Make(App, Admin);
        await pair.Proposed(pair.AsMentee, "2026-11-24T10:00");
        var clash = await pair.Propose(pair.AsMentor, "2026-11-24T10:30");
        Assert.Equal(HttpStatusCode.Conflict, clash.StatusCode);
        Assert.Contains("overlaps", await Detail(clash));
        Assert.Equal(HttpStatusCode.Created, (await pair.Propose(pair.AsMentor, "2026-11-24T11:00")).StatusCode);
    }

    [Fact]
    public async Task OutsideBothPeoplesHours_IsAllowed_WithAWarning_InTheResponseAndOnThePage()
    {
        var pair = await APair.Make(App, Admin);
        // The profiles say Monday and Tuesday 09:00–12:00; Wednesday 15:00 is outside both.
        var planned = await pair.Proposed(pair.AsMentee, "2026-11-25T15:00");
        Assert.Equal(2, planned.Warnings.Count(w => w.Contains("weekly hours", StringComparison.Ordinal)));
        Assert.Contains(planned.Warnings, w => w.Contains(pair.Mentor.Name, StringComparison.Ordinal));
        var inside = await pair.Proposed(pair.AsMentee, "2026-11-24T09:00");
        // Within both people's hours; what is left is that their agreement is not signed yet.
        Assert.Equal("Your agreement is not signed by both of you yet", Assert.Single(inside.Warnings)[..47]);

        var page = await pair.AsMentor.Submit($"/Sessions/Meetings?pairingId={pair.PairingId}",
            new Dictionary<string, string> { ["Input.LocalStart"] = "2026-11-26T18:00" }, $"/Sessions/Meetings?pairingId={pair.PairingId}&handler=Propose");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        var html = await (await pair.AsMentor.GetAsync($"/Sessions/Meetings?pairingId={pair.PairingId}")).Html();
        Assert.Contains("outside the weekly hours you said you are free", html);
    }

    [Fact]
    public async Task ALocalTimeTheClocksSkip_IsRefused_WithASentenceNamingTheGap()
    {
        var pair = await APair.Make(App, Admin, menteeZone: "America/New_York");
        App.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero));
        pair = await pair.SignedInAgain(App);
        var response = await pair.Propose(pair.AsMentee, "2027-03-14T02:30");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var message = body.GetProperty("errors").GetProperty("localStart")[0].GetString()!;
        Assert.Contains("does not exist in America/New_York", message);
        Assert.Contains("from 02:00 to 03:00", message);
        // The same local time in London exists (Britain changes two weeks later).
        Assert.Equal(HttpStatusCode.Created, (await pair.Propose(pair.AsMentor, "2027-03-14T02:30")).StatusCode);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("ftp://files.example.com/call")]
    [InlineData("meet.example.com/no-scheme")]
    public async Task AnInvalidVideoLink_IsRefused(string link)
    {
        var pair = await APair.Make(App, Admin);
        var response = await pair.Propose(pair.AsMentee, "2026-11-24T10:00", link);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("videoLink", out _));
    }

    [Fact]
    public async Task AnotherPairsMeeting_IsNotFound_ForEveryAction()
    {
        var pair = await APair.Make(App, Admin);
        var other = await APair.Make(App, Admin, suffix: "2", cohortId: pair.CohortId, programId: pair.ProgramId);
        var planned = await pair.Proposed(pair.AsMentee, "2026-11-24T10:00");
        var outsider = other.AsMentor;
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/api/v1/meetings/{planned.MeetingId}/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsync($"/api/v1/meetings/{planned.MeetingId}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/meetings/{planned.MeetingId}/reschedule", new { localStart = "2026-11-30T10:00" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PutAsJsonAsync($"/api/v1/meetings/{planned.MeetingId}/log", new { held = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/meetings/{planned.MeetingId}/action-items", new { text = "x", owner = "Mentee", dueOn = "2026-12-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/v1/pairings/{pair.PairingId}/meetings")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.PostAsJsonAsync($"/api/v1/pairings/{pair.PairingId}/meetings", new { localStart = "2026-11-30T10:00" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/Sessions/Log?meetingId={planned.MeetingId}")).StatusCode);
        Assert.Equal(MeetingStatus.Proposed, await App.Query(db => db.Meetings.Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task Suggestions_FollowEachPersonsClock_AcrossADaylightSavingChange()
    {
        var pair = await APair.Make(App, Admin, mentorZone: "Europe/London", menteeZone: "America/New_York");
        // The leader is free Mondays 09:00–10:00 New York time; the mentor Mondays 13:00–15:00 London time.
        await APair.SetHours(App, pair.MenteeEnrollmentId, 9);
        await APair.SetHours(App, pair.MentorEnrollmentId, 13, 14);
        // New York moves its clocks on 14 March 2027, London on 28 March: for two weeks they are four hours apart, not five.
        App.Clock.SetUtcNow(new DateTimeOffset(2027, 3, 1, 12, 0, 0, TimeSpan.Zero));
        pair = await pair.SignedInAgain(App);
        var slots = await pair.AsMentor.GetFromJsonAsync<List<SuggestTimes.Slot>>($"/api/v1/pairings/{pair.PairingId}/meetings/suggestions", Json.Options);
        Assert.Equal(
            [new DateTimeOffset(2027, 3, 8, 14, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 15, 13, 0, 0, TimeSpan.Zero), new DateTimeOffset(2027, 3, 22, 13, 0, 0, TimeSpan.Zero)],
            slots!.Select(s => s.StartsAt));
        Assert.Contains("09:00 (America/New_York)", slots![1].ForPartner);
        Assert.Contains("13:00 (Europe/London)", slots![1].ForMe);
    }
}
