using System.Net;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Sessions;

/// <summary>Changes that arrive together: two proposals for one time, and calendars that ask for a feed they already hold.</summary>
public sealed class ConcurrentChangesTests(FlipsideFactory app) : AdministeredTests(app)
{
    [Fact]
    public async Task TwoProposalsForOneTime_SentAtOnce_OneIsSaved_TheOtherIsTheOverlap409()
    {
        var pair = await APair.Make(App, Admin);
        // Several rounds, each two requests released together, so an unguarded check would let both through in some round.
        for (var day = 24; day < 30; day++)
        {
            var time = $"2026-11-{day}T10:00";
            using var gate = new SemaphoreSlim(0);
            async Task<HttpResponseMessage> Send(HttpClient who)
            {
                await gate.WaitAsync();
                return await pair.Propose(who, time);
            }
            var both = new[] { Task.Run(() => Send(pair.AsMentor)), Task.Run(() => Send(pair.AsMentee)) };
            gate.Release(2);
            var answers = (await Task.WhenAll(both)).Select(r => r.StatusCode).Order().ToList();

            Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], answers);
        }
        Assert.Equal(6, await App.Query(db => db.Meetings.CountAsync(m => m.PairingId == pair.PairingId)));
        var kept = await App.Query(db => db.PairingMeetingCounts.SingleAsync(c => c.PairingId == pair.PairingId));
        Assert.True(kept.Stamp >= 6, $"the pairing's stamp moved with each meeting: {kept.Stamp}");
    }

    [Fact]
    public async Task AFeedAskedWithItsEntityTag_Answers304_UntilAMeetingChanges()
    {
        var pair = await APair.Make(App, Admin);
        await pair.Proposed(pair.AsMentee, "2026-11-24T10:00");
        var made = await pair.AsMentor.PostAsync("/api/v1/calendar/feed", null);
        var url = new Uri((await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<Features.Sessions.CalendarFeeds.Address>(made.Content, Json.Options))!.Url).PathAndQuery;
        var calendarApp = App.CreateClient(new() { HandleCookies = false, AllowAutoRedirect = false });

        var first = await calendarApp.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var tag = first.Headers.ETag!;
        Task<HttpResponseMessage> Again(System.Net.Http.Headers.EntityTagHeaderValue etag)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, url);
            request.Headers.IfNoneMatch.Add(etag);
            return calendarApp.SendAsync(request);
        }

        var unchanged = await Again(tag);
        Assert.Equal(HttpStatusCode.NotModified, unchanged.StatusCode);
        Assert.Empty(await unchanged.Content.ReadAsByteArrayAsync());
        Assert.Equal(HttpStatusCode.OK, (await Again(new("\"something-else\""))).StatusCode);

        await pair.Proposed(pair.AsMentor, "2026-11-26T10:00");
        var changed = await Again(tag);
        Assert.Equal(HttpStatusCode.OK, changed.StatusCode);
        Assert.NotEqual(tag, changed.Headers.ETag);
        Assert.Equal(2, Ical.Net.Calendar.Load(await changed.Content.ReadAsStringAsync())!.Events.Count);
    }
}
