using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Nudges;
using Flipside.Tests.Sessions;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flipside.Tests.Nudges;

/// <summary>
/// The nudges job on a fake clock: each nudge at 9:00 in the reader's own time zone, once, not for a cancelled meeting,
/// not when turned off unless the program requires it, and once only when two app instances run it together.
/// </summary>
public sealed class NudgeJobTests(FlipsideFactory app) : AdministeredTests(app)
{
    // The clock starts on Monday 23 November 2026, 09:00 UTC. London is UTC+0 then; New York UTC-5.
    private const string London = "Europe/London", NewYork = "America/New_York";

    private Task<int> Run(FlipsideFactory? on = null) => RunOn((on ?? App).Services);

    private static async Task<int> RunOn(IServiceProvider services)
    {
        using var scope = services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SendNudges>().RunOnceAsync(CancellationToken.None);
    }

    private Task<List<OutboxMessage>> Nudges(NudgeKind kind) =>
        App.Query(db => db.Outbox.Where(m => m.Kind == SendNudges.KindName(kind)).OrderBy(m => m.To).ToListAsync());

    private void At(int day, int hour, int minute = 0) => App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, day, hour, minute, 0, TimeSpan.Zero));

    /// <summary>A meeting on Thursday 26 November at 15:00 London (10:00 New York), proposed by the leader and accepted.</summary>
    private async Task<(APair Pair, Guid MeetingId)> AMeetingOnThursday()
    {
        var pair = await APair.Make(App, Admin, mentorZone: London, menteeZone: NewYork);
        var planned = await pair.Proposed(pair.AsMentee, "2026-11-26T10:00");
        Assert.Equal(HttpStatusCode.NoContent, (await pair.AsMentor.PostAsync($"/api/v1/meetings/{planned.MeetingId}/accept", null)).StatusCode);
        return (pair, planned.MeetingId);
    }

    [Fact]
    public async Task TheDayBeforeAMeeting_EachHearsAt9TheirOwnTime_Once()
    {
        var (pair, _) = await AMeetingOnThursday();

        At(25, 8, 55);
        Assert.Equal(0, await Run());
        At(25, 9, 5); // 9:05 in London, 4:05 in New York
        Assert.Equal(1, await Run());
        Assert.Equal([pair.Mentor.Email], (await Nudges(NudgeKind.MeetingSoon)).Select(m => m.To));
        At(25, 14, 5); // 9:05 in New York
        Assert.Equal(1, await Run());
        Assert.Equal(0, await Run());
        var sent = await Nudges(NudgeKind.MeetingSoon);
        Assert.Equal(2, sent.Count);
        Assert.Contains("Thu 26 Nov 2026, 10:00 (America/New_York)", sent.Single(m => m.To == pair.Mentee.Email).TextBody);
        Assert.Contains("Thu 26 Nov 2026, 15:00 (Europe/London)", sent.Single(m => m.To == pair.Mentor.Email).TextBody);
    }

    [Fact]
    public async Task ACancelledMeeting_SendsNoReminder()
    {
        var (pair, meeting) = await AMeetingOnThursday();
        Assert.Equal(HttpStatusCode.OK, (await pair.AsMentee.PostAsync($"/api/v1/meetings/{meeting}/cancel", null)).StatusCode);
        At(25, 14, 5);
        Assert.Equal(0, await Run());
        Assert.Empty(await Nudges(NudgeKind.MeetingSoon));
    }

    [Fact]
    public async Task AMeetingNobodyLogged_IsNudgedTwoDaysLater_AndNotOnceLogged()
    {
        var (pair, meeting) = await AMeetingOnThursday();
        At(28, 8, 55);
        await Run();
        Assert.Empty(await Nudges(NudgeKind.LogMissing));
        At(28, 9, 5); // Saturday 9:05 in London, two days after Thursday's meeting; still night in New York
        await Run();
        var first = Assert.Single(await Nudges(NudgeKind.LogMissing));
        Assert.Equal(pair.Mentor.Email, first.To);
        Assert.Contains($"/Sessions/Log?meetingId={meeting}", first.TextBody);

        var mentor = await Given.SignedIn(App, pair.Mentor.Email);
        var logged = await mentor.PutAsJsonAsync($"/api/v1/meetings/{meeting}/log", new { held = true, minutes = 60, topics = new[] { "Generative AI" } });
        Assert.True(logged.StatusCode == HttpStatusCode.NoContent, await logged.Content.ReadAsStringAsync());
        At(28, 14, 5); // 9:05 in New York: the log is written, so the leader hears nothing
        await Run();
        Assert.Single(await Nudges(NudgeKind.LogMissing));
    }

    [Fact]
    public async Task ANudgeTurnedOff_IsNotSent_UnlessTheProgramRequiresIt()
    {
        var (pair, _) = await AMeetingOnThursday();
        foreach (var client in new[] { pair.AsMentor, pair.AsMentee })
            Assert.Equal(HttpStatusCode.OK, (await client.PutAsJsonAsync("/api/v1/account/nudges", new { off = new[] { "MeetingSoon" } })).StatusCode);
        At(25, 9, 5);
        Assert.Equal(0, await Run());

        var admin = await Given.SignedIn(App, Given.AdminEmail); // the clock moved past the first sign-in
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/v1/programs/{pair.ProgramId}/required-nudges", new { required = new[] { "MeetingSoon" } })).StatusCode);
        At(25, 14, 5);
        // Both now: the leader's is due, and the mentor's, due at 9:00 London, is still within the hours a late nudge may go.
        Assert.Equal(2, await Run());
        Assert.Equal([pair.Mentee.Email, pair.Mentor.Email], (await Nudges(NudgeKind.MeetingSoon)).Select(m => m.To).Order());
    }

    [Fact]
    public async Task TwoInstancesOnOneDatabase_SendEachNudgeOnce()
    {
        var (pair, _) = await AMeetingOnThursday();
        var other = App.WithWebHostBuilder(b => b.UseSetting("Jobs:Enabled", "false"));
        At(25, 14, 5);
        var runs = await Task.WhenAll(RunOn(App.Services), RunOn(other.Services));
        await Run();
        await RunOn(other.Services);

        var sent = await Nudges(NudgeKind.MeetingSoon);
        Assert.Equal([pair.Mentee.Email, pair.Mentor.Email], sent.Select(m => m.To).Order());
        Assert.Equal(2, await App.Query(db => db.NudgesSent.CountAsync()));
        Assert.True(runs.Sum() <= 2);
    }

    [Fact]
    public async Task APairingWithNoMeeting_SlipsAfterItsCadenceAndAWeek_AndTheManagersDigestSaysWhy()
    {
        var pair = await APair.Make(App, Admin, mentorZone: London, menteeZone: London);
        // Published on Monday 23 November; the program asks for a meeting every four weeks, so the pairing slips on 28 December.
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 28, 9, 5, 0, TimeSpan.Zero));
        await Run();
        Assert.Equal([pair.Mentee.Email, pair.Mentor.Email], (await Nudges(NudgeKind.CadenceSlipping)).Select(m => m.To).Order());
        // 28 December 2026 is a Monday: the administrator manages the program and gets the digest at 9:00 UTC (not in the directory).
        var digest = Assert.Single(await Nudges(NudgeKind.ManagerDigest));
        Assert.Equal(Given.AdminEmail, digest.To);
        Assert.Contains("Cadence slipping", digest.TextBody);
        Assert.Contains(pair.Mentee.Name, digest.TextBody);
        Assert.DoesNotContain("Cadence slipping", (await Nudges(NudgeKind.CadenceSlipping))[0].Subject);
    }

    [Fact]
    public async Task AWeekAfterPublishing_AnUnsignedAgreementIsNudged_ToThoseWhoHaveNotSigned()
    {
        var pair = await APair.Make(App, Admin, mentorZone: London, menteeZone: NewYork);
        At(30, 9, 5); // Monday 30 November: a week after publishing, 9:05 in London
        await Run();
        var sent = Assert.Single(await Nudges(NudgeKind.AgreementUnsigned));
        Assert.Equal(pair.Mentor.Email, sent.To);
        Assert.Contains($"/Agreements/Agreement?pairingId={pair.PairingId}", sent.TextBody);
        At(30, 14, 5);
        await Run();
        Assert.Equal(2, (await Nudges(NudgeKind.AgreementUnsigned)).Count);
    }
}
