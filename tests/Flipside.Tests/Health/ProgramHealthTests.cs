using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Health;
using Flipside.Features.Sessions;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Flipside.Tests.Health.HealthSeed;

namespace Flipside.Tests.Health;

public sealed class ProgramHealthTests(FlipsideFactory app) : AdministeredTests(app)
{
    private static readonly DateOnly November = new(2026, 11, 1);
    // Pulses count only for completed months: the test clock stands in November.
    private static readonly DateOnly October = new(2026, 10, 1);

    [Fact]
    public async Task Manager_SeesAtRiskPairs_WithTheRuleThatFlaggedEach()
    {
        var (programId, cohortId) = await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Active);
        await Seed.InTheDirectory(App, Given.AdminEmail);
        var expected = new Dictionary<Guid, PairRisks.Rule[]>
        {
            [await APair(App, cohortId, "Slipping", (p, x) => x.AddRange([Held(p.Id, 40), Signed(p.Id)]))] = [PairRisks.Rule.CadenceSlipping],
            [await APair(App, cohortId, "Quiet", (p, x) => x.AddRange([Held(p.Id, 50), Planned(p.Id, 7), Signed(p.Id)]))] = [PairRisks.Rule.NoMeetingIn45Days],
            [await APair(App, cohortId, "Low", (p, x) => x.AddRange([Held(p.Id, 5), Signed(p.Id), new PairFlag(p.Id, PairFlagKind.LowPulse, new(2026, 11, 18))]))] =
                [PairRisks.Rule.LowPulse],
            [await APair(App, cohortId, "Safety", (p, x) => x.AddRange([Held(p.Id, 5), Signed(p.Id), new PairFlag(p.Id, PairFlagKind.SafetyConcern, new(2026, 11, 18))]))] =
                [PairRisks.Rule.SafetyFlag],
            [await APair(App, cohortId, "Unsigned", (p, x) => x.Add(Held(p.Id, 5)))] = [PairRisks.Rule.UnsignedAgreement],
            [await APair(App, cohortId, "Cancels", (p, x) => x.AddRange([Held(p.Id, 5), Signed(p.Id), Cancelled(p.Id, ParticipantRole.Mentee, 20),
                Cancelled(p.Id, ParticipantRole.Mentee, 10)]))] = [PairRisks.Rule.RepeatedCancellations],
        };
        var healthy = await APair(App, cohortId, "Fine", (p, x) => x.AddRange([Held(p.Id, 5), Signed(p.Id)]));

        var report = (await Admin.GetFromJsonAsync<HealthReport>($"/api/v1/programs/{programId}/health", Json.Options))!;

        Assert.True(report.CanDrillDown);
        Assert.Equal(expected.Keys.Order(), report.AtRisk!.Select(r => r.PairingId).Order());
        foreach (var row in report.AtRisk!) Assert.Equal(expected[row.PairingId], row.Reasons.Select(r => r.Rule));
        Assert.DoesNotContain(report.AtRisk!, r => r.PairingId == healthy);
        Assert.All(report.RiskCounts, c => Assert.Equal(1, c.Pairs));
        Assert.Equal(7, report.Program.ActivePairs);
        Assert.Equal(6, report.Program.AgreementsSigned);
        // 100 days at one meeting every 4 weeks: 3 expected of each of the 7 pairs.
        Assert.Equal((7, 21), (report.Program.MeetingsHeld, report.Program.MeetingsExpected));
        var page = await Admin.GetStringAsync($"/Health/Program?id={programId}");
        Assert.Contains("Leader Safety and Mentor Safety", page, StringComparison.Ordinal);
        Assert.Contains("role=\"img\"", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLeadersLineManager_NeverSeesTheMentorsPulseFlags()
    {
        // The administrator running the program is, in the directory, the leader's own manager.
        var (programId, cohortId) = await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Active);
        var boss = Seed.APerson("BOSS-1", 10);
        boss.Email = Given.AdminEmail;
        await App.Query(async db => { db.People.Add(boss); return await db.SaveChangesAsync(); });
        var pair = await APair(App, cohortId, "Line", (p, x) => x.AddRange([Held(p.Id, 5), Signed(p.Id),
            new PairFlag(p.Id, PairFlagKind.SafetyConcern, new(2026, 11, 18)), new PairFlag(p.Id, PairFlagKind.LowPulse, new(2026, 11, 18))]));
        await App.Query(async db =>
        {
            (await db.People.SingleAsync(p => p.EmployeeId == "L-Line")).ManagerEmployeeId = "BOSS-1";
            return await db.SaveChangesAsync();
        });

        var report = (await Admin.GetFromJsonAsync<HealthReport>($"/api/v1/programs/{programId}/health", Json.Options))!;
        Assert.DoesNotContain(report.AtRisk!, r => r.PairingId == pair);
        Assert.Empty((await Admin.GetFromJsonAsync<List<Features.Surveys.PairFlags.Row>>($"/api/v1/programs/{programId}/flags", Json.Options))!);
        Assert.Empty((await Admin.GetFromJsonAsync<PairHealth.View>($"/api/v1/pairings/{pair}/health", Json.Options))!.Flags);
        Assert.DoesNotContain("could not speak openly", await Admin.GetStringAsync($"/Health/Program?id={programId}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Manager_DrillsDownToAPairsMetadata_FlagsByMonth()
    {
        var (_, cohortId) = await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Active);
        await Seed.InTheDirectory(App, Given.AdminEmail);
        var pair = await APair(App, cohortId, "Drill", (p, x) => x.AddRange([Held(p.Id, 30), Held(p.Id, 60), Cancelled(p.Id, ParticipantRole.Mentor, 20),
            new PairFlag(p.Id, PairFlagKind.SafetyConcern, new(2026, 11, 19))]));

        var view = (await Admin.GetFromJsonAsync<PairHealth.View>($"/api/v1/pairings/{pair}/health", Json.Options))!;

        Assert.Equal(("Mentor Drill", "Leader Drill", 2, 1, 1, false), (view.MentorName, view.MenteeName, view.MeetingsHeld, view.MeetingsCancelled,
            view.CancelledByMentorLately, view.AgreementSigned));
        Assert.Equal(30, view.DaysSinceLastMeeting);
        var flag = Assert.Single(view.Flags);
        Assert.Equal((PairFlagKind.SafetyConcern, new DateOnly(2026, 11, 1), true), (flag.Kind, flag.RaisedIn, flag.Open));
        var page = await Admin.GetStringAsync($"/Health/Pair?id={pair}");
        Assert.Contains("November 2026", page, StringComparison.Ordinal);
        Assert.DoesNotContain("16 November", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sponsor_GetsAggregatesOnly_AndIsRefusedTheDrillDown()
    {
        var (programId, cohortId) = await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Active);
        var pair = await APair(App, cohortId, "Hidden", (p, x) => x.AddRange([Held(p.Id, 60), new PairFlag(p.Id, PairFlagKind.SafetyConcern, new(2026, 11, 18))]));
        var sponsor = await Given.AnAccount(App, Admin, "sponsor@example.com", Roles.Sponsor);
        await App.Query(async db =>
        {
            var id = await db.Users.Where(u => u.Email == "sponsor@example.com").Select(u => u.Id).SingleAsync();
            db.ProgramSponsors.Add(new ProgramSponsorAssignment(programId, id));
            return await db.SaveChangesAsync();
        });

        var report = (await sponsor.GetFromJsonAsync<HealthReport>($"/api/v1/programs/{programId}/health", Json.Options))!;
        var cohort = (await sponsor.GetFromJsonAsync<HealthReport>($"/api/v1/cohorts/{cohortId}/health", Json.Options))!;

        Assert.False(report.CanDrillDown);
        Assert.Null(report.AtRisk);
        Assert.Null(cohort.Pairs);
        Assert.Null(cohort.AtRisk);
        Assert.Equal(1, report.RiskCounts.Single(c => c.Rule == PairRisks.Rule.NoMeetingIn45Days).Pairs);
        Assert.DoesNotContain(report.RiskCounts, c => c.Rule is PairRisks.Rule.SafetyFlag or PairRisks.Rule.LowPulse);
        var json = await sponsor.GetStringAsync($"/api/v1/programs/{programId}/health");
        var page = await sponsor.GetStringAsync($"/Health/Program?id={programId}");
        var cohortPage = await sponsor.GetStringAsync($"/Health/Cohort?id={cohortId}");
        foreach (var text in new[] { json, page, cohortPage })
        {
            Assert.DoesNotContain("Hidden", text, StringComparison.Ordinal);
            Assert.DoesNotContain(pair.ToString(), text, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await sponsor.GetAsync($"/api/v1/pairings/{pair}/health")).StatusCode);
        var drill = await sponsor.GetAsync($"/Health/Pair?id={pair}");
        Assert.Contains("/Account/AccessDenied", drill.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains($"/Health/Program?id={programId}", await sponsor.GetStringAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Participant_IsRefused()
    {
        var (programId, cohortId) = await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Active);
        var participant = await Given.AnAccount(App, Admin, "someone@example.com", Roles.Participant);

        Assert.Equal(HttpStatusCode.Forbidden, (await participant.GetAsync($"/api/v1/programs/{programId}/health")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await participant.GetAsync($"/api/v1/cohorts/{cohortId}/health")).StatusCode);
        var page = await participant.GetAsync($"/Health/Program?id={programId}");
        Assert.Contains("/Account/AccessDenied", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherProgramsManager_GetsNotFound()
    {
        var (programId, cohortId) = await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Active);
        var pair = await APair(App, cohortId, "Theirs");
        var other = await Given.AnAccount(App, Admin, "other.manager@example.com", Roles.ProgramManager);
        await Seed.AProgram(App, "other.manager@example.com", status: CohortStatus.Active);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/programs/{programId}/health")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/cohorts/{cohortId}/health")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/pairings/{pair}/health")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Health/Program?id={programId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Health/Pair?id={pair}")).StatusCode);
    }

    [Fact]
    public async Task PulseAverage_IsHiddenBelowK_WithTheSentence_AndShownAtK()
    {
        var (programId, cohortId) = await Seed.AProgram(App, Given.AdminEmail, p => p.AnonymityThreshold = 5, CohortStatus.Active);
        await Pulses(App, programId, cohortId, "a", 4, 4, October);

        var below = (await Admin.GetFromJsonAsync<HealthReport>($"/api/v1/programs/{programId}/health", Json.Options))!;
        Assert.Null(below.Program.Useful.Mean);
        Assert.Equal(Anonymity.TooFew(5), below.Program.Useful.NotShownBecause);
        Assert.Null(below.Cohorts.Single().SpokeOpenly.Mean);
        Assert.Null(Assert.Single(below.PulseTrend).Useful.Mean);
        Assert.Contains(Anonymity.TooFew(5), await Admin.GetStringAsync($"/Health/Program?id={programId}"), StringComparison.Ordinal);

        await Pulses(App, programId, cohortId, "b", 1, 2, October);
        var at = (await Admin.GetFromJsonAsync<HealthReport>($"/api/v1/programs/{programId}/health", Json.Options))!;
        // Four people at 4 and one at 2, two answers each: (32 + 4) / 10.
        Assert.Equal((3.6, 5), (at.Program.Useful.Mean, at.Program.Useful.Respondents));
        Assert.Equal(3.6, at.Cohorts.Single().Useful.Mean);
        Assert.Equal(3.6, Assert.Single(at.PulseTrend).Useful.Mean);
    }

    [Fact]
    public async Task CohortAndProgramAverages_ThatDifferByFewerThanK_AreNotBothShown()
    {
        var (programId, first) = await Seed.AProgram(App, Given.AdminEmail, p => p.AnonymityThreshold = 5, CohortStatus.Active);
        var second = await App.Query(async db =>
        {
            var cohort = new Cohort(programId, "Second wave", new DateOnly(2027, 3, 1), new DateOnly(2027, 9, 30), 11);
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return cohort.Id;
        });
        await Pulses(App, programId, first, "a", 6, 4, October);
        await Pulses(App, programId, second, "b", 2, 1, October);

        var report = (await Admin.GetFromJsonAsync<HealthReport>($"/api/v1/programs/{programId}/health", Json.Options))!;
        var cohortView = (await Admin.GetFromJsonAsync<HealthReport>($"/api/v1/cohorts/{first}/health", Json.Options))!;

        // The program (8 people) and the first cohort (6) both clear k, but shown together they would give away the other two by subtraction.
        Assert.Equal(8, report.Program.Useful.Respondents);
        var firstFigures = report.Cohorts.Single(c => c.CohortId == first);
        Assert.Null(firstFigures.Useful.Mean);
        Assert.Equal(Anonymity.WouldDifference(5), firstFigures.Useful.NotShownBecause);
        Assert.Equal(Anonymity.TooFew(5), report.Cohorts.Single(c => c.CohortId == second).Useful.NotShownBecause);
        Assert.Equal(Anonymity.WouldDifference(5), cohortView.Cohorts.Single().Useful.NotShownBecause);
    }

    [Fact]
    public async Task AReadReport_IsReused_OnlyUntilTheDataChanges_OrAMinutePasses()
    {
        var (programId, cohortId) = await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Active);
        await APair(App, cohortId, "First", (p, x) => x.Add(Held(p.Id, 5)));
        var url = $"/api/v1/programs/{programId}/health";
        Assert.Single((await Admin.GetFromJsonAsync<HealthReport>(url, Json.Options))!.AtRisk!);

        // A saved change moves the data stamp: the next read is built again and shows the new pair.
        var second = await APair(App, cohortId, "Second", (p, x) => x.Add(Held(p.Id, 5)));
        Assert.Contains((await Admin.GetFromJsonAsync<HealthReport>(url, Json.Options))!.AtRisk!, r => r.PairingId == second);

        // A bulk write goes around the stamp; the report catches up once it is a minute old.
        await App.Query(db => db.Agreements.Where(a => a.PairingId == second).ExecuteDeleteAsync());
        await App.Query(db => db.Pairings.Where(p => p.Id == second).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, PairingStatus.Ended)));
        Assert.Contains((await Admin.GetFromJsonAsync<HealthReport>(url, Json.Options))!.AtRisk!, r => r.PairingId == second);
        App.Clock.Advance(Flipside.Data.StampedCache.MaxAge);
        Assert.DoesNotContain((await Admin.GetFromJsonAsync<HealthReport>(url, Json.Options))!.AtRisk!, r => r.PairingId == second);
    }

    [Fact]
    public async Task PairsAtRisk_ComeFiftyAPage_WithTheTotal()
    {
        var (programId, cohortId) = await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Active);
        for (var i = 0; i < HealthReport.PageSize + 3; i++) await APair(App, cohortId, $"P{i:D2}", (p, x) => x.Add(Held(p.Id, 5)));

        var first = (await Admin.GetFromJsonAsync<HealthReport>($"/api/v1/programs/{programId}/health", Json.Options))!;
        var second = (await Admin.GetFromJsonAsync<HealthReport>($"/api/v1/programs/{programId}/health?page=2", Json.Options))!;
        Assert.Equal((HealthReport.PageSize + 3, 2, HealthReport.PageSize, 3), (first.AtRiskTotal, first.Pages, first.AtRisk!.Count, second.AtRisk!.Count));
        Assert.Empty(first.AtRisk.Select(r => r.PairingId).Intersect(second.AtRisk.Select(r => r.PairingId)));
        // Everyone counts in the figures, whichever page is shown.
        Assert.Equal(HealthReport.PageSize + 3, second.RiskCounts.Single(c => c.Rule == PairRisks.Rule.UnsignedAgreement).Pairs);

        var page = await Admin.GetStringAsync($"/Health/Program?id={programId}&p=2");
        Assert.Contains("53 pairs at risk; these are 51 to 53", System.Text.RegularExpressions.Regex.Match(page, "<h2 id=\"risk-heading\"[\\s\\S]{0,3000}").Value, StringComparison.Ordinal);
        Assert.Contains("Page 2 of 2", page, StringComparison.Ordinal);
        var cohort = (await Admin.GetFromJsonAsync<HealthReport>($"/api/v1/cohorts/{cohortId}/health?page=2", Json.Options))!;
        Assert.Equal((HealthReport.PageSize + 3, 3), (cohort.PairsTotal, cohort.Pairs!.Count));
        Assert.Equal(HttpStatusCode.BadRequest, (await Admin.GetAsync($"/api/v1/programs/{programId}/health?page=0")).StatusCode);
    }
}
