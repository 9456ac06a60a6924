using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Sessions;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Sessions;

/// <summary>Ending a pairing takes its planned meetings off both calendars, without saying who ended it or why.</summary>
public sealed class EndingTests(FlipsideFactory app) : AdministeredTests(app)
{
    private static Ical.Net.CalendarComponents.CalendarEvent Event(string ics, out string? method)
    {
        var calendar = Ical.Net.Calendar.Load(ics)!;
        method = calendar.Method;
        return calendar.Events.Single();
    }

    [Fact]
    public async Task AJuniorEndingThePairing_CancelsItsPlannedMeetings_WithACancelForEachPartner_SayingNeitherWhoNorWhy()
    {
        var pair = await APair.Make(App, Admin);
        var accepted = await pair.Proposed(pair.AsMentee, "2026-11-24T10:00");
        Assert.Equal(HttpStatusCode.NoContent, (await pair.AsMentor.PostAsJsonAsync($"/api/v1/meetings/{accepted.MeetingId}/accept", new { })).StatusCode);
        var proposed = await pair.Proposed(pair.AsMentor, "2026-11-30T10:00");
        var made = await pair.AsMentee.PostAsync("/api/v1/calendar/feed", null);
        var feedUrl = new Uri((await made.Content.ReadFromJsonAsync<CalendarFeeds.Address>(Json.Options))!.Url).PathAndQuery;
        var calendarApp = App.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
        Assert.Equal(2, Ical.Net.Calendar.Load(await calendarApp.GetStringAsync(feedUrl))!.Events.Count);
        App.Clock.Advance(TimeSpan.FromHours(1));

        const string reason = "My manager keeps asking what we talk about";
        Assert.Equal(HttpStatusCode.NoContent,
            (await pair.AsMentor.PostAsJsonAsync($"/api/v1/pairings/{pair.PairingId}/exit", new { action = "end", reason })).StatusCode);

        var meetings = await App.Query(db => db.Meetings.AsNoTracking().ToListAsync());
        Assert.All(meetings, m => Assert.Equal(MeetingStatus.Cancelled, m.Status));
        Assert.All(meetings, m => Assert.Null(m.CancelledBy));
        foreach (var person in new[] { pair.Mentor, pair.Mentee })
        {
            var invites = await APair.Invites(App, person.Email);
            foreach (var id in new[] { accepted.MeetingId, proposed.MeetingId })
            {
                var uid = meetings.Single(m => m.Id == id).CalendarUid;
                var events = invites.Select(i => (i.Kind, i.ContentType, Event: Event(i.Ics, out var method), Method: method)).Where(x => x.Event.Uid == uid).ToList();
                var last = events[^1];
                Assert.Equal(MeetingEmails.CancelKind, last.Kind);
                Assert.Equal("CANCEL", last.Method);
                Assert.StartsWith("text/calendar; method=CANCEL", last.ContentType);
                Assert.Equal("CANCELLED", last.Event.Status);
                Assert.True(last.Event.Sequence > events[^2].Event.Sequence);
            }
        }
        var mails = await App.Query(db => db.Outbox.AsNoTracking().Where(m => m.Kind == MeetingEmails.CancelKind).ToListAsync());
        Assert.Equal(4, mails.Count);
        foreach (var mail in mails)
        {
            Assert.Contains("the program has ended the pairing", mail.TextBody, StringComparison.Ordinal);
            foreach (var telling in new[] { reason, "by the", "mentor", "Mentor", "left", "asked" })
            {
                Assert.DoesNotContain(telling, mail.TextBody, StringComparison.Ordinal);
                Assert.DoesNotContain(telling, mail.Subject, StringComparison.Ordinal);
            }
        }

        // Nobody's cancellation: the ledger does not count it against either side.
        var view = await pair.AsMentee.GetFromJsonAsync<PairMeetings.View>($"/api/v1/pairings/{pair.PairingId}/meetings", Json.Options);
        Assert.Empty(view!.Ledger.Cancellations);
        Assert.Empty(Ical.Net.Calendar.Load(await calendarApp.GetStringAsync(feedUrl))!.Events);
    }

    [Fact]
    public async Task APartnerLeavingTheOrganisation_CancelsThePlannedMeetings_AndOnlyThePartnerWhoStaysIsMailed()
    {
        var pair = await APair.Make(App, Admin);
        var planned = await pair.Proposed(pair.AsMentee, "2026-11-24T10:00");
        App.Clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"/api/v1/people/{pair.Mentee.Id}/leave", null)).StatusCode);

        var meeting = await App.Query(db => db.Meetings.AsNoTracking().SingleAsync());
        Assert.Equal(MeetingStatus.Cancelled, meeting.Status);
        Assert.Equal(1, meeting.Sequence);
        var (kind, _, ics) = (await APair.Invites(App, pair.Mentor.Email))[^1];
        Assert.Equal(MeetingEmails.CancelKind, kind);
        Assert.Equal(planned.Sequence + 1, Event(ics, out var method).Sequence);
        Assert.Equal("CANCEL", method);
        Assert.DoesNotContain(await APair.Invites(App, pair.Mentee.Email), i => i.Kind == MeetingEmails.CancelKind);
    }
}
