using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Celebration;
using Flipside.Tests.Conversations;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flipside.Tests.Celebration;

/// <summary>
/// Helpers over <see cref="Pairs"/> (two published pairings of one program, a manager and a sponsor): the program's
/// focus areas, held meetings, the milestones job and the story endpoints. The cohort runs from 1 January to
/// 30 June 2027; the clock starts on 23 November 2026.
/// </summary>
public static class Celebrating
{
    public const string Ai = "AI and emerging technology", Inclusion = "Diversity and inclusion";

    public static async Task<Pairs> Pairs(FlipsideFactory app, HttpClient admin)
    {
        var pairs = await Conversations.Pairs.Published(app, admin);
        await app.Query(async db =>
        {
            var program = await db.Programs.SingleAsync(p => p.Id == pairs.ProgramId);
            program.FocusAreas = [Ai, Inclusion];
            return await db.SaveChangesAsync();
        });
        return pairs;
    }

    /// <summary>Meetings the pair held, logged as held a day after each started.</summary>
    public static Task Held(FlipsideFactory app, Guid pairingId, int count) => app.Query(async db =>
    {
        for (var i = 0; i < count; i++)
        {
            var starts = app.Clock.GetUtcNow().AddDays(-10 + i);
            var meeting = new Meeting(pairingId, starts, 60, null, ParticipantRole.Mentor, starts.AddDays(-7));
            meeting.Accept(ParticipantRole.Mentee, starts.AddDays(-6));
            meeting.Log(ParticipantRole.Mentor, true, 60, null, [], starts.AddDays(1));
            db.Meetings.Add(meeting);
        }
        return await db.SaveChangesAsync();
    });

    public static async Task<int> RunJob(FlipsideFactory app)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RecordMilestones>().RunOnceAsync(CancellationToken.None);
    }

    public static void At(FlipsideFactory app, int year, int month, int day) => app.Clock.SetUtcNow(new DateTimeOffset(year, month, day, 10, 0, 0, TimeSpan.Zero));

    public static string Stories(Guid pairingId) => $"/api/v1/pairings/{pairingId}/stories";

    public static async Task<PairStory.Item> Story(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<PairStory.Item>(Json.Options))!;
    }

    public static async Task<PairStory.Item> Written(HttpClient who, Guid pairingId, string title = "From fear of AI to a team pilot") =>
        await Story(await who.PostAsJsonAsync(Stories(pairingId), new { title, text = "We met monthly and built a small agent together.", focusAreas = new[] { Ai } }));

    public static async Task<PairStory.Item> Consent(HttpClient who, PairStory.Item story, bool named = false) =>
        await Story(await who.PostAsJsonAsync($"/api/v1/stories/{story.Id}/consent", new { named, version = story.Version }));

    public static async Task<Showcase.View> ShowcaseOf(HttpClient who, Guid programId)
    {
        var response = await who.GetAsync($"/api/v1/programs/{programId}/showcase");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<Showcase.View>(Json.Options))!;
    }
}
