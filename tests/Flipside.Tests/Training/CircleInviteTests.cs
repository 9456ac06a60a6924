using System.Net;
using System.Net.Http.Json;
using Flipside.Features.Sessions;
using Flipside.Features.Training;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Training;

/// <summary>A supervision circle reaches each invited mentor's calendar: a REQUEST, an update, a CANCEL, and their private feed.</summary>
public sealed class CircleInviteTests(FlipsideFactory app) : TrainingTestBase(app)
{
    private Task<List<(string Kind, string Body, string Ics)>> Mails(string to) => App.Query(async db =>
        (await db.Outbox.AsNoTracking().Where(m => m.To == to && m.Kind != null && m.Kind.StartsWith("circle-")).OrderBy(m => m.CreatedAt).ToListAsync())
            .Select(m => (m.Kind!, m.TextBody, System.Text.Encoding.UTF8.GetString(m.Attachments.Single().Content))).ToList());

    private static (Ical.Net.CalendarComponents.CalendarEvent Event, string? Method) Parse(string ics)
    {
        var calendar = Ical.Net.Calendar.Load(ics)!;
        return (calendar.Events.Single(), calendar.Method);
    }

    [Fact]
    public async Task ScheduledMovedAndCancelled_EachMentorGetsTheInviteTheUpdateAndTheCancel_InTheirZone_AndTheirFeedFollows()
    {
        await ACohort();
        await App.Query(db => db.People.Where(p => p.Id == Mentor.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.TimeZone, "America/New_York")));
        await Require([], [], circles: true);
        var mentor = await As(Mentor);
        var feed = await mentor.PostAsync("/api/v1/calendar/feed", null);
        var feedUrl = new Uri((await feed.Content.ReadFromJsonAsync<CalendarFeeds.Address>(Json.Options))!.Url).PathAndQuery;
        var calendarApp = App.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });

        var scheduled = await Admin.PostAsJsonAsync(Training($"/cohorts/{CohortId}/circles"),
            new { date = "2026-12-01", time = "16:00", timeZone = "Europe/London", minutes = 45, videoLink = "https://video.example.com/circle" });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        var id = (await scheduled.Content.ReadFromJsonAsync<TrainingApi.Scheduled>(Json.Options))!.Id;

        var (kind, body, ics) = Assert.Single(await Mails(Mentor.Email));
        Assert.Equal(CircleInvites.InviteKind, kind);
        var (invite, method) = Parse(ics);
        Assert.Equal("REQUEST", method);
        Assert.Equal(CircleInvites.Uid(id), invite.Uid);
        Assert.Equal(0, invite.Sequence);
        Assert.Equal("America/New_York", invite.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 12, 1, 11, 0, 0), invite.DtStart.Value);
        Assert.Equal(new DateTime(2026, 12, 1, 11, 45, 0), invite.DtEnd!.Value);
        Assert.Equal(["mailto:" + Mentor.Email], invite.Attendees.Select(a => a.Value!.ToString()));
        Assert.Contains("every mentor of Pilot", body);
        Assert.Contains("11:00–11:45 (America/New_York)", body);
        Assert.Empty(await Mails(Leader.Email));
        var inFeed = Ical.Net.Calendar.Load(await calendarApp.GetStringAsync(feedUrl))!.Events.Single(e => e.Uid == CircleInvites.Uid(id));
        Assert.Equal(new DateTime(2026, 12, 1, 16, 0, 0, DateTimeKind.Utc), inFeed.DtStart!.AsUtc);

        // Each change a few minutes on, so the mails read back in order.
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsJsonAsync(Training($"/cohorts/{CohortId}/circles/{id}"),
            new { date = "2026-12-02", time = "09:00", timeZone = "UTC", minutes = 60 })).StatusCode);
        var (movedKind, _, movedIcs) = (await Mails(Mentor.Email))[^1];
        var (moved, movedMethod) = Parse(movedIcs);
        Assert.Equal((CircleInvites.InviteKind, "REQUEST", CircleInvites.Uid(id)), (movedKind, movedMethod, moved.Uid));
        Assert.True(moved.Sequence > invite.Sequence);
        Assert.Equal(new DateTime(2026, 12, 2, 4, 0, 0), moved.DtStart!.Value);
        var movedInFeed = Ical.Net.Calendar.Load(await calendarApp.GetStringAsync(feedUrl))!.Events.Single(e => e.Uid == CircleInvites.Uid(id));
        Assert.Equal(new DateTime(2026, 12, 2, 9, 0, 0, DateTimeKind.Utc), movedInFeed.DtStart!.AsUtc);
        Assert.Equal(moved.Sequence, movedInFeed.Sequence);

        App.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync(Training($"/circles/{id}"))).StatusCode);
        var mails = await Mails(Mentor.Email);
        Assert.Equal(3, mails.Count);
        var (cancel, cancelMethod) = Parse(mails[^1].Ics);
        Assert.Equal((CircleInvites.CancelKind, "CANCEL", "CANCELLED", CircleInvites.Uid(id)), (mails[^1].Kind, cancelMethod, cancel.Status, cancel.Uid));
        Assert.True(cancel.Sequence > moved.Sequence);
        Assert.DoesNotContain(Ical.Net.Calendar.Load(await calendarApp.GetStringAsync(feedUrl))!.Events, e => e.Uid == CircleInvites.Uid(id));
        Assert.Empty(await Mails(Leader.Email));
    }
}
