using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Health;
using Flipside.Features.Sessions;
using Flipside.Features.Surveys;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Flipside.Tests.Health.HealthSeed;

namespace Flipside.Tests.Surveys;

/// <summary>
/// Pulse flags fail closed: a manager the directory cannot place (no entry with the account's email, or more than one)
/// might be the leader or above the leader, so sees none of them, and is told why; the rest of the manager's view works.
/// </summary>
public sealed class FlagPrivacyTests(FlipsideFactory app) : AdministeredTests(app)
{
    private const string ManagerEmail = "pm@example.com";

    private async Task<(HttpClient Manager, Guid ProgramId, Guid CohortId, Guid PairingId)> AFlaggedPair()
    {
        var manager = await Given.AnAccount(App, Admin, ManagerEmail, Roles.ProgramManager);
        var (programId, cohortId) = await Seed.AProgram(App, ManagerEmail, status: CohortStatus.Active);
        var pairingId = await APair(App, cohortId, "Flagged", (p, x) => x.AddRange([Held(p.Id, 5), Signed(p.Id),
            new PairFlag(p.Id, PairFlagKind.SafetyConcern, new(2026, 11, 18)), new PairFlag(p.Id, PairFlagKind.LowPulse, new(2026, 11, 18))]));
        return (manager, programId, cohortId, pairingId);
    }

    private static async Task<bool> SeesFlags(HttpClient manager, Guid programId, Guid cohortId, Guid pairingId)
    {
        var list = (await manager.GetFromJsonAsync<List<PairFlags.Row>>($"/api/v1/programs/{programId}/flags", Json.Options))!;
        var health = (await manager.GetFromJsonAsync<HealthReport>($"/api/v1/programs/{programId}/health", Json.Options))!;
        var cohortHealth = (await manager.GetFromJsonAsync<HealthReport>($"/api/v1/cohorts/{cohortId}/health", Json.Options))!;
        var drill = (await manager.GetFromJsonAsync<PairHealth.View>($"/api/v1/pairings/{pairingId}/health", Json.Options))!;
        var healthPage = await (await manager.GetAsync($"/Health/Program?id={programId}")).Html();
        var surveysPage = await (await manager.GetAsync($"/Surveys/Cohort?cohortId={cohortId}")).Html();
        var drillPage = await (await manager.GetAsync($"/Health/Pair?id={pairingId}")).Html();
        var surfaces = new[]
        {
            list.Count > 0,
            health.AtRisk!.Any(r => r.Reasons.Any(x => PairRisks.FromPulses(x.Rule))),
            cohortHealth.Pairs!.Any(r => r.Reasons.Any(x => PairRisks.FromPulses(x.Rule))),
            drill.Flags.Count > 0 || drill.Reasons.Any(x => PairRisks.FromPulses(x.Rule)),
            healthPage.Contains("could not speak openly", StringComparison.Ordinal),
            surveysPage.Contains("could not speak openly", StringComparison.Ordinal),
            drillPage.Contains("Safety concern", StringComparison.Ordinal),
        };
        // Every surface agrees; and whenever they hide the flags from an unplaced manager, the pages say why.
        Assert.All(surfaces, s => Assert.Equal(surfaces[0], s));
        var withheld = health.FlagsWithheld is not null;
        Assert.Equal(withheld, healthPage.Contains(PairFlags.Withheld, StringComparison.Ordinal));
        Assert.Equal(withheld, surveysPage.Contains(PairFlags.Withheld, StringComparison.Ordinal));
        return surfaces[0];
    }

    [Fact]
    public async Task AManagerAbsentFromTheDirectory_SeesNoFlags_ButTheirViewWorks_AndIsToldWhy()
    {
        var (manager, programId, cohortId, pairingId) = await AFlaggedPair();

        Assert.False(await SeesFlags(manager, programId, cohortId, pairingId));
        var health = (await manager.GetFromJsonAsync<HealthReport>($"/api/v1/programs/{programId}/health", Json.Options))!;
        Assert.Equal(PairFlags.Withheld, health.FlagsWithheld);
        // The rest of the manager's view does not depend on the directory: the pair is there, with its other facts.
        Assert.Equal(1, health.Program.ActivePairs);
        var flagId = await App.Query(db => db.PairFlags.Select(f => f.Id).FirstAsync());
        Assert.Equal(HttpStatusCode.NotFound, (await manager.PostAsync($"/api/v1/flags/{flagId}/resolve", null)).StatusCode);

        // Once the directory places them (outside the leader's line), the same manager sees the flags.
        await Seed.InTheDirectory(App, ManagerEmail);
        Assert.True(await SeesFlags(manager, programId, cohortId, pairingId));
        Assert.Null((await manager.GetFromJsonAsync<HealthReport>($"/api/v1/programs/{programId}/health", Json.Options))!.FlagsWithheld);
    }

    [Fact]
    public async Task AnAdministratorAbsentFromTheDirectory_SeesNoFlagsEither()
    {
        var (_, programId, cohortId, pairingId) = await AFlaggedPair();
        Assert.False(await SeesFlags(Admin, programId, cohortId, pairingId));
    }

    [Fact]
    public async Task AManagersEmailTwiceInTheDirectory_IsRefused_SoTheManagerIsNeverHalfPlaced()
    {
        var (manager, programId, cohortId, pairingId) = await AFlaggedPair();
        await Seed.InTheDirectory(App, ManagerEmail, "STAFF-1");

        // The directory holds each email once: a second entry with the manager's email is refused, and nothing changes.
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => Seed.InTheDirectory(App, ManagerEmail, "STAFF-2"));
        Assert.Equal(1, await App.Query(db => db.People.CountAsync(p => p.Email == ManagerEmail)));
        Assert.True(await SeesFlags(manager, programId, cohortId, pairingId));

        // Had it held two, the account would be nobody's (Viewer.Person) and every flag hidden, as for an absent one:
        // the same path the absent manager's test walks. Taking the entry away puts the manager there.
        await App.Query(async db =>
        {
            db.People.Remove(await db.People.SingleAsync(p => p.Email == ManagerEmail));
            return await db.SaveChangesAsync();
        });
        Assert.False(await SeesFlags(manager, programId, cohortId, pairingId));
    }
}
