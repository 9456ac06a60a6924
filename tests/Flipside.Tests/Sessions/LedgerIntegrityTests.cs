using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flipside.Domain;
using Flipside.Features.Sessions;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Sessions;

/// <summary>The record both partners are measured by: accepted as seen, logged once, not cancelled after the fact, closed when the pairing is.</summary>
public sealed class LedgerIntegrityTests(FlipsideFactory app) : AdministeredTests(app)
{
    private static async Task<string> Detail(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;

    private static async Task<PairMeetings.MeetingView> Seen(APair pair, HttpClient who, Guid meetingId) =>
        (await who.GetFromJsonAsync<PairMeetings.View>($"/api/v1/pairings/{pair.PairingId}/meetings", Json.Options))!.Meetings.Single(m => m.Id == meetingId);

    private static Task<HttpResponseMessage> Log(HttpClient who, Guid meetingId, object body) => who.PutAsJsonAsync($"/api/v1/meetings/{meetingId}/log", body);

    /// <summary>A meeting both accepted, on 24 November at 10:00 UTC, with the clock then moved to just after its start.</summary>
    private async Task<(APair Pair, Guid MeetingId)> AMeetingThatStarted()
    {
        var pair = await APair.Make(App, Admin);
        var planned = await pair.Proposed(pair.AsMentee, "2026-11-24T10:00");
        Assert.Equal(HttpStatusCode.NoContent, (await pair.AsMentor.PostAsync($"/api/v1/meetings/{planned.MeetingId}/accept", null)).StatusCode);
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 10, 5, 0, TimeSpan.Zero));
        return (await pair.SignedInAgain(App), planned.MeetingId);
    }

    [Fact]
    public async Task Accepting_WithAStaleVersion_IsRefused_AndThePageSendsTheVersion()
    {
        var pair = await APair.Make(App, Admin);
        var planned = await pair.Proposed(pair.AsMentee, "2026-11-24T10:00");
        var seen = await Seen(pair, pair.AsMentor, planned.MeetingId);
        var page = await (await pair.AsMentor.GetAsync($"/Sessions/Meetings?pairingId={pair.PairingId}")).Html();
        var acceptForm = System.Text.RegularExpressions.Regex.Match(page, "action=\"[^\"]*handler=Accept[^\"]*\"").Value;
        Assert.Contains($"version={seen.Version}", acceptForm);
        // The leader moves it an hour on; the mentor's page still shows the old time.
        Assert.Equal(HttpStatusCode.OK, (await pair.AsMentee.PostAsJsonAsync($"/api/v1/meetings/{planned.MeetingId}/reschedule",
            new { localStart = "2026-11-24T11:00", version = seen.Version })).StatusCode);

        var stale = await pair.AsMentor.PostAsJsonAsync($"/api/v1/meetings/{planned.MeetingId}/accept", new { version = seen.Version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("changed since you opened the page", await Detail(stale));
        Assert.Equal(MeetingStatus.Proposed, (await Seen(pair, pair.AsMentor, planned.MeetingId)).Status);
        var stalePage = await pair.AsMentor.Submit($"/Sessions/Meetings?pairingId={pair.PairingId}", new Dictionary<string, string>(),
            $"/Sessions/Meetings?pairingId={pair.PairingId}&handler=Accept&meetingId={planned.MeetingId}&version={seen.Version}");
        Assert.Contains("changed since you opened the page", await stalePage.Html());

        var now = await Seen(pair, pair.AsMentor, planned.MeetingId);
        Assert.Equal(HttpStatusCode.NoContent, (await pair.AsMentor.PostAsJsonAsync($"/api/v1/meetings/{planned.MeetingId}/accept", new { version = now.Version })).StatusCode);
        Assert.Equal(MeetingStatus.Accepted, (await Seen(pair, pair.AsMentor, planned.MeetingId)).Status);
    }

    [Fact]
    public async Task ALog_IsWrittenOnce_TheOtherSideCannotRewriteANoShow_ButAddsWhatTheyLearned()
    {
        var (pair, id) = await AMeetingThatStarted();
        Assert.Equal(HttpStatusCode.NoContent, (await Log(pair.AsMentor, id, new { held = false, noShow = "Mentee" })).StatusCode);

        var rewrite = await Log(pair.AsMentee, id, new { held = true, minutes = 60 });
        Assert.Equal(HttpStatusCode.Conflict, rewrite.StatusCode);
        Assert.Contains($"already logged by {pair.Mentor.Name}", await Detail(rewrite));
        Assert.Equal(HttpStatusCode.Conflict, (await Log(pair.AsMentee, id, new { held = false, noShow = "Mentor" })).StatusCode);
        // What the leader learned is theirs to add; the record stays as the mentor wrote it.
        Assert.Equal(HttpStatusCode.NoContent, (await Log(pair.AsMentee, id, new { learned = "How the team shares screens" })).StatusCode);
        var seen = await Seen(pair, pair.AsMentee, id);
        Assert.Equal((MeetingStatus.NotHeld, ParticipantRole.Mentee), (seen.Status, seen.NoShow!.Value));
        Assert.Equal("How the team shares screens", seen.LearnedByMentee);
        Assert.False(seen.ICanLog);
        Assert.DoesNotContain("Was it held?", await (await pair.AsMentee.GetAsync($"/Sessions/Log?meetingId={id}")).Html());

        // The one who logged it corrects it within 48 hours, not after.
        App.Clock.Advance(TimeSpan.FromHours(47));
        pair = await pair.SignedInAgain(App);
        Assert.Contains("Was it held?", await (await pair.AsMentor.GetAsync($"/Sessions/Log?meetingId={id}")).Html());
        Assert.Equal(HttpStatusCode.NoContent, (await Log(pair.AsMentor, id, new { held = false, noShow = (string?)null })).StatusCode);
        App.Clock.Advance(TimeSpan.FromHours(2));
        pair = await pair.SignedInAgain(App);
        var late = await Log(pair.AsMentor, id, new { held = true });
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
        Assert.Contains("48 hours", await Detail(late));
        Assert.Equal(MeetingStatus.NotHeld, await App.Query(db => db.Meetings.Select(m => m.Status).SingleAsync()));
    }

    [Fact]
    public async Task CancellingAfterTheStart_IsRefused_AndTheMeetingIsLoggedInstead()
    {
        var (pair, id) = await AMeetingThatStarted();
        var cancel = await pair.AsMentee.PostAsync($"/api/v1/meetings/{id}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
        Assert.Contains("log it as not held", await Detail(cancel));
        Assert.Equal(MeetingStatus.Accepted, await App.Query(db => db.Meetings.Select(m => m.Status).SingleAsync()));
        Assert.DoesNotContain(await APair.Invites(App, pair.Mentor.Email), i => i.Kind == MeetingEmails.CancelKind);
    }

    [Fact]
    public async Task AnEndedPairing_RefusesLogsActionItemsAndNewOrAcceptedMeetings()
    {
        var (pair, id) = await AMeetingThatStarted();
        var later = await pair.Proposed(pair.AsMentee, "2026-12-01T10:00");
        Assert.Equal(HttpStatusCode.NoContent, (await pair.AsMentee.PostAsJsonAsync($"/api/v1/pairings/{pair.PairingId}/exit", new { action = "end" })).StatusCode);

        var refusals = new[]
        {
            await Log(pair.AsMentor, id, new { held = true }),
            await pair.AsMentor.PostAsJsonAsync($"/api/v1/meetings/{id}/action-items", new { text = "Try the new tool", owner = "Mentee", dueOn = "2026-12-10" }),
            await pair.Propose(pair.AsMentor, "2026-12-02T10:00"),
            await pair.AsMentor.PostAsync($"/api/v1/meetings/{later.MeetingId}/accept", null),
            await pair.AsMentor.PostAsJsonAsync($"/api/v1/meetings/{later.MeetingId}/reschedule", new { localStart = "2026-12-03T10:00" }),
        };
        Assert.All(refusals, r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Contains("ended", await Detail(refusals[0]));
        Assert.Equal(0, await App.Query(db => db.ActionItems.CountAsync()));
        Assert.Null(await App.Query(db => db.Meetings.Where(m => m.Id == id).Select(m => m.LoggedAt).SingleAsync()));
    }

    [Fact]
    public async Task APausedPairing_RecordsWhatHappenedBeforeThePause_CancelsButPlansNothingNew()
    {
        var (pair, id) = await AMeetingThatStarted();
        var later = await pair.Proposed(pair.AsMentee, "2026-12-01T10:00");
        var other = await pair.Proposed(pair.AsMentor, "2026-12-08T10:00");
        Assert.Equal(HttpStatusCode.NoContent, (await pair.AsMentee.PostAsJsonAsync($"/api/v1/pairings/{pair.PairingId}/exit", new { action = "pause" })).StatusCode);

        Assert.Equal(HttpStatusCode.Conflict, (await pair.Propose(pair.AsMentor, "2026-12-02T10:00")).StatusCode);
        var accept = await pair.AsMentor.PostAsync($"/api/v1/meetings/{later.MeetingId}/accept", null);
        Assert.Equal(HttpStatusCode.Conflict, accept.StatusCode);
        Assert.Contains("paused", await Detail(accept));
        Assert.Equal(HttpStatusCode.Conflict, (await pair.AsMentor.PostAsJsonAsync($"/api/v1/meetings/{later.MeetingId}/reschedule", new { localStart = "2026-12-03T10:00" })).StatusCode);

        // The meeting held before the pause is still logged, with its action items; a planned one can be cancelled.
        Assert.Equal(HttpStatusCode.NoContent, (await Log(pair.AsMentor, id, new { held = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await pair.AsMentor.PostAsJsonAsync($"/api/v1/meetings/{id}/action-items",
            new { text = "Try the new tool", owner = "Mentee", dueOn = "2026-12-10" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await pair.AsMentee.PostAsync($"/api/v1/meetings/{other.MeetingId}/cancel", null)).StatusCode);

        // A meeting due after the pause began is not recorded while paused.
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 11, 0, 0, TimeSpan.Zero));
        pair = await pair.SignedInAgain(App);
        var afterPause = await Log(pair.AsMentor, later.MeetingId, new { held = false });
        Assert.Equal(HttpStatusCode.Conflict, afterPause.StatusCode);
        Assert.Contains("paused", await Detail(afterPause));
    }

    [Fact]
    public async Task RescheduleThroughTheApi_WithoutAVideoLink_KeepsIt_AndNullOrEmptyClearsIt()
    {
        var pair = await APair.Make(App, Admin);
        var planned = await pair.Proposed(pair.AsMentee, "2026-11-24T10:00", "https://meet.example.com/abc");
        async Task<string?> Moved(object body)
        {
            var response = await pair.AsMentee.PostAsJsonAsync($"/api/v1/meetings/{planned.MeetingId}/reschedule", body);
            Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return await App.Query(db => db.Meetings.Select(m => m.VideoLink).SingleAsync());
        }

        Assert.Equal("https://meet.example.com/abc", await Moved(new { localStart = "2026-11-25T10:00" }));
        Assert.Null(await Moved(new { localStart = "2026-11-26T10:00", videoLink = "" }));
        Assert.Equal("https://meet.example.com/xyz", await Moved(new { localStart = "2026-11-27T10:00", videoLink = "https://meet.example.com/xyz" }));
        Assert.Null(await Moved(new { localStart = "2026-11-30T10:00", videoLink = (string?)null }));
    }
}
