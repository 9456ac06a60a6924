using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Surveys;
using Flipside.Infrastructure.Security;
using Flipside.Tests.Sessions;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flipside.Tests.Surveys;

/// <summary>The pulse after a held meeting, and the flags it raises for the program's managers only.</summary>
public sealed class PulseTests(FlipsideFactory app) : AdministeredTests(app)
{
    private async Task<(APair Pair, Guid MeetingId)> AHeldMeeting()
    {
        var pair = await APair.Make(App, Admin);
        var planned = await pair.Proposed(pair.AsMentee, "2026-11-24T10:00");
        Assert.Equal(HttpStatusCode.NoContent, (await pair.AsMentor.PostAsync($"/api/v1/meetings/{planned.MeetingId}/accept", null)).StatusCode);
        // Before it is held there is no pulse to give.
        Assert.Equal(HttpStatusCode.Conflict, (await pair.AsMentor.PostAsJsonAsync($"/api/v1/meetings/{planned.MeetingId}/pulse", new { useful = 4, spokeOpenly = 4 })).StatusCode);
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 24, 12, 0, 0, TimeSpan.Zero));
        pair = await pair.SignedInAgain(App);
        Assert.Equal(HttpStatusCode.NoContent, (await pair.AsMentee.PutAsJsonAsync($"/api/v1/meetings/{planned.MeetingId}/log", new { held = true, minutes = 50 })).StatusCode);
        return (pair, planned.MeetingId);
    }

    [Fact]
    public async Task EachPartnerGivesOnePulse_ByMonthAndPseudonym_AndASecondIs409()
    {
        var (pair, meetingId) = await AHeldMeeting();
        Assert.Contains("/Surveys/Pulse?meetingId=", await (await pair.AsMentee.GetAsync($"/Sessions/Log?meetingId={meetingId}")).Html());
        Assert.Equal(HttpStatusCode.NoContent, (await pair.AsMentee.PostAsJsonAsync($"/api/v1/meetings/{meetingId}/pulse", new { useful = 4 })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await pair.AsMentee.PostAsJsonAsync($"/api/v1/meetings/{meetingId}/pulse", new { useful = 5 })).StatusCode);
        Assert.Contains("answers are shown only as averages of at least 5 people", await (await pair.AsMentor.GetAsync($"/Surveys/Pulse?meetingId={meetingId}")).Html(),
            StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NoContent, (await pair.AsMentor.PostAsJsonAsync($"/api/v1/meetings/{meetingId}/pulse", new { useful = 5, spokeOpenly = 4 })).StatusCode);
        // Held, not stored, until the month is over (fewer than k are waiting): nothing to line up with PulsesGiven.
        Assert.Equal((0, 2), await App.Query(async db => (await db.PulseAnswers.CountAsync(), await db.HeldAnswers.CountAsync())));
        Assert.Equal(0, await Surveyed.Run<ReleaseHeldAnswers>(App));
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal(2, await Surveyed.Run<ReleaseHeldAnswers>(App));
        var rows = await App.Query(db => db.PulseAnswers.AsNoTracking().OrderBy(p => p.Role).ToListAsync());
        Assert.Equal(2, rows.Count);
        Assert.Equal(0, await App.Query(db => db.HeldAnswers.CountAsync()));
        // The pulse's code is the month's, not the survey code: a pulse cannot be joined to a survey answer.
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var codes = scope.ServiceProvider.GetRequiredService<Pseudonyms>();
            var mentor = rows.Single(r => r.Role == ParticipantRole.Mentor).Pseudonym;
            Assert.Equal(await codes.OfPulse(pair.Mentor.Id, pair.ProgramId, new DateOnly(2026, 11, 1), default), mentor);
            Assert.NotEqual(await codes.Of(pair.Mentor.Id, pair.ProgramId, default), mentor);
            Assert.NotEqual(await codes.OfPulse(pair.Mentor.Id, pair.ProgramId, new DateOnly(2026, 12, 1), default), mentor);
        }
        Assert.Single(rows, r => r.Role == ParticipantRole.Mentor);
        Assert.All(rows, r => Assert.Equal(new DateOnly(2026, 11, 1), r.Month));
        Assert.Null(rows.Single(r => r.Role == ParticipantRole.Mentee).SpokeOpenly);
        Assert.Equal(2, await App.Query(db => db.PulsesGiven.CountAsync()));
        Assert.Equal(0, await App.Query(db => db.PairFlags.CountAsync()));
    }

    [Fact]
    public async Task BadPulses_Are400_AndTheLeaderIsNotAskedTheMentorsQuestion()
    {
        var (pair, meetingId) = await AHeldMeeting();
        var outOfRange = await pair.AsMentor.PostAsJsonAsync($"/api/v1/meetings/{meetingId}/pulse", new { useful = 6, spokeOpenly = 3 });
        Assert.Equal(HttpStatusCode.BadRequest, outOfRange.StatusCode);
        Assert.Contains("useful", await outOfRange.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await pair.AsMentor.PostAsJsonAsync($"/api/v1/meetings/{meetingId}/pulse", new { useful = 3 })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await pair.AsMentee.PostAsJsonAsync($"/api/v1/meetings/{meetingId}/pulse", new { useful = 3, spokeOpenly = 1 })).StatusCode);
        Assert.Equal(0, await App.Query(db => db.PulseAnswers.CountAsync()));
    }

    [Fact]
    public async Task AMentorWhoCouldNotSpeakOpenly_RaisesAFlagForManagersOnly_ShowingPairingAndMonth()
    {
        var (pair, meetingId) = await AHeldMeeting();
        await Seed.InTheDirectory(App, Given.AdminEmail);
        Assert.Equal(HttpStatusCode.NoContent, (await pair.AsMentor.PostAsJsonAsync($"/api/v1/meetings/{meetingId}/pulse", new { useful = 2, spokeOpenly = 1 })).StatusCode);
        // A second low answer the same week raises nothing new.
        Assert.Equal(HttpStatusCode.NoContent, (await pair.AsMentee.PostAsJsonAsync($"/api/v1/meetings/{meetingId}/pulse", new { useful = 1 })).StatusCode);
        Assert.Equal(2, await App.Query(db => db.PairFlags.CountAsync()));

        // Released on the Monday after the week of the pulse (Tuesday 24 November): not a minute after it.
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 23, 59, 59, TimeSpan.Zero));
        var admin = await Given.SignedIn(App, Given.AdminEmail);
        Assert.Empty((await admin.GetFromJsonAsync<List<PairFlags.Row>>($"/api/v1/programs/{pair.ProgramId}/flags", Json.Options))!);
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));
        var flags = (await admin.GetFromJsonAsync<List<PairFlags.Row>>($"/api/v1/programs/{pair.ProgramId}/flags", Json.Options))!;
        Assert.Equal(new[] { PairFlagKind.SafetyConcern, PairFlagKind.LowPulse }, flags.Select(f => f.Kind).Order());
        Assert.All(flags, f => Assert.Equal((pair.PairingId, new DateOnly(2026, 11, 1)), (f.PairingId, f.Month)));
        var body = await admin.GetStringAsync($"/api/v1/programs/{pair.ProgramId}/flags");
        Assert.DoesNotContain(meetingId.ToString(), body);
        Assert.DoesNotContain("2026-11-23", body);
        Assert.Contains("could not speak openly", await (await admin.GetAsync($"/Surveys/Cohort?cohortId={pair.CohortId}")).Html());

        var sponsor = await Given.AnAccount(App, admin, "sponsor@example.com", Roles.Sponsor);
        await App.Query(async db =>
        {
            var program = await db.Programs.Include(p => p.Sponsors).SingleAsync(p => p.Id == pair.ProgramId);
            var sponsorId = await db.Users.Where(u => u.Email == "sponsor@example.com").Select(u => u.Id).SingleAsync();
            program.Sponsors.Add(new ProgramSponsorAssignment(program.Id, sponsorId));
            return await db.SaveChangesAsync();
        });
        pair = await pair.SignedInAgain(App);
        foreach (var who in new[] { sponsor, pair.AsMentee, pair.AsMentor })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await who.GetAsync($"/api/v1/programs/{pair.ProgramId}/flags")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await who.PostAsync($"/api/v1/flags/{flags[0].FlagId}/resolve", null)).StatusCode);
        }
        foreach (var f in flags) Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/flags/{f.FlagId}/resolve", null)).StatusCode);
        Assert.Empty((await admin.GetFromJsonAsync<List<PairFlags.Row>>($"/api/v1/programs/{pair.ProgramId}/flags", Json.Options))!);
    }

    [Fact]
    public async Task AFlagRaisedThisWeek_IsNowhereUntilMonday_NotInHealthTheDrillDownOrTheResolveRoute()
    {
        var (pair, meetingId) = await AHeldMeeting();
        await Seed.InTheDirectory(App, Given.AdminEmail);
        Assert.Equal(HttpStatusCode.NoContent, (await pair.AsMentor.PostAsJsonAsync($"/api/v1/meetings/{meetingId}/pulse", new { useful = 4, spokeOpenly = 1 })).StatusCode);
        var flagId = await App.Query(db => db.PairFlags.Select(f => f.Id).SingleAsync());
        var admin = await Given.SignedIn(App, Given.AdminEmail);

        async Task<bool> Seen()
        {
            var health = (await admin.GetFromJsonAsync<Features.Health.HealthReport>($"/api/v1/programs/{pair.ProgramId}/health", Json.Options))!;
            var drill = (await admin.GetFromJsonAsync<Features.Health.PairHealth.View>($"/api/v1/pairings/{pair.PairingId}/health", Json.Options))!;
            var inHealth = health.AtRisk!.Any(r => r.Reasons.Any(x => x.Rule == Features.Sessions.PairRisks.Rule.SafetyFlag));
            Assert.Equal(inHealth, drill.Flags.Count > 0);
            Assert.Equal(inHealth, (await admin.GetStringAsync($"/Health/Program?id={pair.ProgramId}")).Contains("could not speak openly", StringComparison.Ordinal));
            return inHealth;
        }

        Assert.False(await Seen());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync($"/api/v1/flags/{flagId}/resolve", null)).StatusCode);
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 29, 23, 59, 0, TimeSpan.Zero));
        // Five days on, the first sign-in has lapsed.
        admin = await Given.SignedIn(App, Given.AdminEmail);
        Assert.False(await Seen());
        App.Clock.SetUtcNow(new DateTimeOffset(2026, 11, 30, 0, 0, 0, TimeSpan.Zero));
        Assert.True(await Seen());
        Assert.Equal(HttpStatusCode.NoContent, (await admin.PostAsync($"/api/v1/flags/{flagId}/resolve", null)).StatusCode);
    }
}
