using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Sessions;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Sessions;

/// <summary>The private calendar feed, the meeting log with its sealed learning, and what managers see of it.</summary>
public sealed class FeedAndLedgerTests(FlipsideFactory app) : AdministeredTests(app)
{
    [Fact]
    public async Task TheFeed_IsCalendarText_WithoutACookie_AndARevokedOrRenewedAddressIsThe404OfOneThatNeverExisted()
    {
        var pair = await APair.Make(App, Admin);
        var planned = await pair.Proposed(pair.AsMentee, "2026-11-24T10:00", "https://meet.example.com/abc");
        var made = await pair.AsMentor.PostAsync("/api/v1/calendar/feed", null);
        Assert.Equal(HttpStatusCode.OK, made.StatusCode);
        var url = new Uri((await made.Content.ReadFromJsonAsync<CalendarFeeds.Address>(Json.Options))!.Url).PathAndQuery;
        var token = url[CalendarFeeds.FeedPath.Length..^".ics".Length];
        // Only the hash is kept.
        Assert.Equal(0, await App.Query(db => db.CalendarFeeds.CountAsync(f => f.TokenHash.Contains(token))));

        var calendarApp = App.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
        var feed = await calendarApp.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        Assert.Equal("text/calendar", feed.Content.Headers.ContentType!.MediaType);
        var calendar = Ical.Net.Calendar.Load(await feed.Content.ReadAsStringAsync())!;
        var e = Assert.Single(calendar.Events);
        Assert.Equal(await App.Query(db => db.Meetings.Select(m => m.CalendarUid).SingleAsync()), e.Uid);
        Assert.Equal(new DateTime(2026, 11, 24, 10, 0, 0, DateTimeKind.Utc), e.DtStart!.AsUtc);
        Assert.Equal("https://meet.example.com/abc", e.Location);

        var unknown = await calendarApp.GetAsync(CalendarFeeds.FeedPath + "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA.ics");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var unknownBody = await unknown.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, (await pair.AsMentor.PostAsync("/api/v1/calendar/feed", null)).StatusCode);
        var renewed = await calendarApp.GetAsync(url);
        Assert.Equal(HttpStatusCode.NotFound, renewed.StatusCode);
        Assert.Equal(unknownBody, await renewed.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await pair.AsMentor.DeleteAsync("/api/v1/calendar/feed")).StatusCode);
        Assert.False((await pair.AsMentor.GetFromJsonAsync<CalendarFeeds.Status>("/api/v1/calendar/feed", Json.Options))!.Active);
        Assert.Equal(0, await App.Query(db => db.CalendarFeeds.CountAsync(f => f.RevokedAt == null)));
        Assert.Equal(planned.MeetingId, await App.Query(db => db.Meetings.Select(m => m.Id).SingleAsync()));
    }

    [Fact]
    public async Task TheFeed_DropsAnEndedPairingsMeetings_AndDiesWhenItsPersonLeaves()
    {
        var pair = await APair.Make(App, Admin);
        var planned = await pair.Proposed(pair.AsMentee, "2026-11-24T10:00");
        var made = await pair.AsMentor.PostAsync("/api/v1/calendar/feed", null);
        var url = new Uri((await made.Content.ReadFromJsonAsync<CalendarFeeds.Address>(Json.Options))!.Url).PathAndQuery;
        var calendarApp = App.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });
        Assert.Single(Ical.Net.Calendar.Load(await calendarApp.GetStringAsync(url))!.Events);
        // The feed's kept copy follows every change.
        Assert.Equal(HttpStatusCode.OK, (await pair.AsMentee.PostAsJsonAsync($"/api/v1/meetings/{planned.MeetingId}/reschedule", new { localStart = "2026-11-25T10:00" })).StatusCode);
        Assert.Equal(new DateTime(2026, 11, 25, 10, 0, 0, DateTimeKind.Utc), Assert.Single(Ical.Net.Calendar.Load(await calendarApp.GetStringAsync(url))!.Events).DtStart!.AsUtc);
        // So does the partner's new name, which every event shows.
        await App.Query(async db =>
        {
            (await db.People.SingleAsync(p => p.Id == pair.Mentee.Id)).Name = "Renamed Partner";
            return await db.SaveChangesAsync();
        });
        Assert.Contains("Renamed Partner", Assert.Single(Ical.Net.Calendar.Load(await calendarApp.GetStringAsync(url))!.Events).Summary, StringComparison.Ordinal);

        await App.Query(async db =>
        {
            (await db.Pairings.SingleAsync()).End(PairingActor.Mentee, "", rematch: false, App.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        Assert.Empty(Ical.Net.Calendar.Load(await calendarApp.GetStringAsync(url))!.Events);

        await App.Query(async db =>
        {
            (await db.People.SingleAsync(p => p.Id == pair.Mentor.Id)).Status = PersonStatus.Left;
            return await db.SaveChangesAsync();
        });
        Assert.Equal(HttpStatusCode.NotFound, (await calendarApp.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task ALoggedMeeting_ShowsWhatEachLearnedToThePair_AndOnlyCountsToTheManager()
    {
        var pair = await APair.Make(App, Admin);
        var planned = await pair.Proposed(pair.AsMentee, "2026-11-24T10:00");
        Assert.Equal(HttpStatusCode.NoContent, (await pair.AsMentor.PostAsync($"/api/v1/meetings/{planned.MeetingId}/accept", null)).StatusCode);
        // Too early to log.
        Assert.Equal(HttpStatusCode.Conflict, (await pair.AsMentor.PutAsJsonAsync($"/api/v1/meetings/{planned.MeetingId}/log", new { held = true })).StatusCode);
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        pair = await pair.SignedInAgain(App);
        const string learned = "Short video reaches the night shift better than the intranet";
        var logged = await pair.AsMentee.PutAsJsonAsync($"/api/v1/meetings/{planned.MeetingId}/log",
            new { held = true, minutes = 50, topics = new[] { "Try a generative AI assistant together on a real task from the leader's week" }, learned });
        Assert.True(logged.StatusCode == HttpStatusCode.NoContent, await logged.Content.ReadAsStringAsync());
        // The leader logged it; the mentor adds what they learned (the log itself is written once).
        Assert.Equal(HttpStatusCode.NoContent, (await pair.AsMentor.PutAsJsonAsync($"/api/v1/meetings/{planned.MeetingId}/log",
            new { learned = "How budget rounds really work" })).StatusCode);
        var item = await pair.AsMentee.PostAsJsonAsync($"/api/v1/meetings/{planned.MeetingId}/action-items", new { text = "Post one update on the team channel", owner = "Mentee", dueOn = "2026-12-01" });
        Assert.Equal(HttpStatusCode.Created, item.StatusCode);
        var itemId = (await item.Content.ReadFromJsonAsync<JsonId>(Json.Options))!.Id;
        Assert.Equal(HttpStatusCode.NoContent, (await pair.AsMentee.PostAsJsonAsync($"/api/v1/action-items/{itemId}/complete", new { done = true })).StatusCode);
        await pair.AsMentee.PostAsJsonAsync($"/api/v1/meetings/{planned.MeetingId}/action-items", new { text = "Try the AI assistant on a memo", owner = "Mentee", dueOn = "2026-12-08" });

        // The partner reads both texts; they are sealed in the database.
        var view = await pair.AsMentor.GetFromJsonAsync<PairMeetings.View>($"/api/v1/pairings/{pair.PairingId}/meetings", Json.Options);
        var m = Assert.Single(view!.Meetings);
        Assert.Equal(learned, m.LearnedByMentee);
        Assert.Equal("How budget rounds really work", m.LearnedByMentor);
        Assert.Equal(MeetingStatus.Held, m.Status);
        Assert.Equal((2, 1), (view.Ledger.LeaderItemsTaken, view.Ledger.LeaderItemsDone));
        var stored = await App.Query(db => db.Meetings.Select(x => x.LearnedByMentee).SingleAsync());
        Assert.DoesNotContain("night shift", System.Text.Encoding.UTF8.GetString(stored!));

        // The program manager (here the administrator) sees counts, never the text, the items or the agenda.
        App.Clock.SetUtcNow(FlipsideFactory.Start.AddDays(57));
        var admin = await Given.SignedIn(App, Given.AdminEmail);
        var cohort = await admin.GetAsync($"/api/v1/cohorts/{pair.CohortId}/meetings");
        Assert.Equal(HttpStatusCode.OK, cohort.StatusCode);
        var body = await cohort.Content.ReadAsStringAsync();
        foreach (var secret in new[] { "night shift", "budget rounds", "team channel", "generative AI" })
            Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
        var row = Assert.Single(JsonSerializerRows(body));
        Assert.Equal((1, 2, 2, 1), (row.Held, row.Expected, row.LeaderItemsTaken, row.LeaderItemsDone));
        Assert.NotNull(row.LastHeld);
        var page = await (await admin.GetAsync($"/Sessions/Cohort?cohortId={pair.CohortId}")).Html();
        Assert.Contains(pair.Mentee.Name, page);
        Assert.DoesNotContain("night shift", page);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/api/v1/pairings/{pair.PairingId}/meetings")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/Sessions/Log?meetingId={planned.MeetingId}")).StatusCode);
    }

    [Fact]
    public async Task TheCohortPage_CountsCancellationsBySide_WithOneQueryShapeForManyPairs()
    {
        var pair = await APair.Make(App, Admin);
        var second = await APair.Make(App, Admin, suffix: "2", cohortId: pair.CohortId, programId: pair.ProgramId);
        var a = await pair.Proposed(pair.AsMentee, "2026-11-24T10:00");
        var b = await pair.Proposed(pair.AsMentor, "2026-11-30T10:00");
        Assert.Equal(HttpStatusCode.Created, (await second.Propose(second.AsMentee, "2026-11-30T10:00")).StatusCode);
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
        pair = await pair.SignedInAgain(App);
        Assert.Equal(HttpStatusCode.OK, (await pair.AsMentee.PostAsync($"/api/v1/meetings/{a.MeetingId}/cancel", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pair.AsMentor.PostAsync($"/api/v1/meetings/{b.MeetingId}/cancel", null)).StatusCode);

        var rows = JsonSerializerRows(await (await (await Given.SignedIn(App, Given.AdminEmail)).GetAsync($"/api/v1/cohorts/{pair.CohortId}/meetings")).Content.ReadAsStringAsync());
        var first = rows.Single(r => r.PairingId == pair.PairingId);
        Assert.Equal((1, 1, 1, 0), (first.CancelledByMentee, first.LateCancellationsByMentee, first.CancelledByMentor, first.LateCancellationsByMentor));
        Assert.Equal(1, rows.Single(r => r.PairingId == second.PairingId).Upcoming);
        // Participants may not read it at all.
        Assert.Equal(HttpStatusCode.Forbidden, (await pair.AsMentee.GetAsync($"/api/v1/cohorts/{pair.CohortId}/meetings")).StatusCode);
    }

    private sealed record JsonId(Guid Id);

    private static List<CohortMeetings.Row> JsonSerializerRows(string body) =>
        [.. System.Text.Json.JsonSerializer.Deserialize<CohortMeetings.View>(body, Json.Options)!.Pairings];
}
