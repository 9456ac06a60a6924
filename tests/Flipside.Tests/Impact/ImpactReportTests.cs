using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Impact;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Impact;

/// <summary>Who sees the report, what a wave too small to show does, and recording a measure's value by hand.</summary>
public sealed class ImpactReportTests(FlipsideFactory app) : AdministeredTests(app)
{
    private static void WithMeasure(MentoringProgram p) => p.Objectives.Add(new Objective
    {
        Title = "Leaders use the collaboration tool", Measures = { new Measure { Name = "Weekly users", Unit = "%", Baseline = 20, Target = 60 } },
    });

    private async Task<(Guid ProgramId, Guid Pilot, Guid Wave, Guid MeasureId)> TwoWaves(int pilot, int wave)
    {
        var (programId, pilotId) = await Seed.AProgram(App, Given.AdminEmail, WithMeasure, status: CohortStatus.Active);
        var waveId = await App.Query(async db =>
        {
            var cohort = new Cohort(programId, "Second wave", new DateOnly(2027, 9, 1), new DateOnly(2028, 2, 28), 40);
            db.Cohorts.Add(cohort);
            await db.SaveChangesAsync();
            return cohort.Id;
        });
        await SeededSurveys.Seed(App, programId, pilotId, SeededSurveys.Simple("p", pilot));
        await SeededSurveys.Seed(App, programId, waveId, SeededSurveys.Simple("w", wave));
        var measureId = await App.Query(db => db.Measures.Where(m => db.Objectives.Any(o => o.Id == m.ObjectiveId && o.ProgramId == programId)).Select(m => m.Id).SingleAsync());
        return (programId, pilotId, waveId, measureId);
    }

    private async Task<HttpClient> Sponsor(Guid programId)
    {
        var sponsor = await Given.AnAccount(App, Admin, "sal@example.com", Roles.Sponsor);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PostAsJsonAsync($"/api/v1/programs/{programId}/sponsors", new { email = "sal@example.com" })).StatusCode);
        return sponsor;
    }

    [Fact]
    public async Task AWaveUnderK_IsNotReportable_AndItsCsvIsRefusedWith409()
    {
        var (programId, pilot, wave, _) = await TwoWaves(pilot: 12, wave: 3);

        var report = (await Admin.GetFromJsonAsync<ImpactView>($"/api/v1/programs/{programId}/impact", Json.Options))!;
        var csv = await Admin.GetAsync($"/api/v1/programs/{programId}/impact.csv?cohort={wave}");
        var pilotCsv = await Admin.GetAsync($"/api/v1/programs/{programId}/impact.csv?cohort={pilot}");

        Assert.Equal(HttpStatusCode.Conflict, csv.StatusCode);
        Assert.Contains(Anonymity.TooFew(5), await csv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // The pilot's 12 beside the program's 15 would describe the wave's 3 by subtraction.
        Assert.Equal(HttpStatusCode.Conflict, pilotCsv.StatusCode);
        Assert.Contains(Anonymity.WouldDifference(5), await pilotCsv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        // And since one figure of the scale would be differenced, the whole set is withheld, with the same sentence.
        Assert.Equal(Anonymity.WouldDifference(5), Assert.Single(report.Learning).NotReportable);
        var small = report.Waves.Single(w => w.CohortId == wave).Scales.Single();
        Assert.Equal((Anonymity.WouldDifference(5), (ImpactView.Change?)null), (small.NotReportable, small.Change));
        Assert.Equal(("Pilot", "Wave 2"), (report.Waves[0].Label, report.Waves[1].Label));
        var json = await (await Admin.GetAsync($"/api/v1/programs/{programId}/impact")).Content.ReadAsStringAsync();
        Assert.DoesNotContain("w01", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoWavesOfEnough_AreShownSideBySide_AndEachAlone()
    {
        var (programId, pilot, _, _) = await TwoWaves(pilot: 6, wave: 7);

        var report = (await Admin.GetFromJsonAsync<ImpactView>($"/api/v1/programs/{programId}/impact", Json.Options))!;
        var alone = await Admin.GetAsync($"/api/v1/programs/{programId}/impact.csv?cohort={pilot}");

        Assert.Equal([6, 7], report.Waves.Select(w => w.Scales.Single().Change!.N));
        Assert.Equal(HttpStatusCode.OK, alone.StatusCode);
        Assert.Contains("Learning,Confidence: final - baseline,Pilot,6,", await alone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ASponsor_SeesTheSameReport_AParticipantIs403_AnotherManagerIs404()
    {
        var (programId, _, _, _) = await TwoWaves(pilot: 6, wave: 7);
        var sponsor = await Sponsor(programId);
        var participant = await Given.AnAccount(App, Admin, "pat@example.com", Roles.Participant);
        var manager = await Given.AnAccount(App, Admin, "max@example.com", Roles.ProgramManager);

        var asAdmin = await (await Admin.GetAsync($"/api/v1/programs/{programId}/impact.csv")).Content.ReadAsStringAsync();
        var asSponsor = await sponsor.GetAsync($"/api/v1/programs/{programId}/impact.csv");
        var page = await sponsor.GetAsync($"/Impact/Report?programId={programId}");

        Assert.Equal(asAdmin, await asSponsor.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.DoesNotContain("Record a value", await page.Html(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, (await participant.GetAsync($"/api/v1/programs/{programId}/impact")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/programs/{programId}/impact")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/programs/{programId}/impact.csv")).StatusCode);
    }

    [Fact]
    public async Task AManager_RecordsAValue_AndTheReportShowsProgressTowardTheTarget()
    {
        var (programId, _, _, measureId) = await TwoWaves(pilot: 6, wave: 7);
        var url = $"/api/v1/programs/{programId}/measures/{measureId}/values";

        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsJsonAsync(url, new { value = 30, measuredOn = "2026-09-01", note = "Usage analytics" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsJsonAsync(url, new { value = 50, measuredOn = "2026-11-01" })).StatusCode);
        var report = (await Admin.GetFromJsonAsync<ImpactView>($"/api/v1/programs/{programId}/impact", Json.Options))!;

        var measure = report.Results.Single().Measures.Single();
        Assert.Equal((20m, 50m, new DateOnly(2026, 11, 1), 60m, 75.0, 2), (measure.Baseline, measure.Current, measure.CurrentOn, measure.Target, measure.Progress, measure.History.Count));
    }

    [Theory]
    [InlineData(2_000_000_000, "2026-09-01", "Value")]
    [InlineData(10, "2026-13-45", "MeasuredOn")]
    [InlineData(10, "1999-12-31", "MeasuredOn")]
    [InlineData(10, "2027-01-01", "MeasuredOn")]
    [InlineData(10, "", "MeasuredOn")]
    public async Task AValueOutOfRange_OrABadDate_Is400(long value, string measuredOn, string field)
    {
        var (programId, _, _, measureId) = await TwoWaves(pilot: 6, wave: 7);

        var response = await Admin.PostAsJsonAsync($"/api/v1/programs/{programId}/measures/{measureId}/values", new { value, measuredOn });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(0, await App.Query(db => db.MeasureValues.CountAsync()));
    }

    [Fact]
    public async Task AValueRecordedByAParticipantOrASponsor_Is403()
    {
        var (programId, _, _, measureId) = await TwoWaves(pilot: 6, wave: 7);
        var sponsor = await Sponsor(programId);
        var participant = await Given.AnAccount(App, Admin, "pat@example.com", Roles.Participant);
        var url = $"/api/v1/programs/{programId}/measures/{measureId}/values";

        Assert.Equal(HttpStatusCode.Forbidden, (await sponsor.PostAsJsonAsync(url, new { value = 30, measuredOn = "2026-09-01" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await participant.PostAsJsonAsync(url, new { value = 30, measuredOn = "2026-09-01" })).StatusCode);
        Assert.Equal(0, await App.Query(db => db.MeasureValues.CountAsync()));
    }

    [Fact]
    public async Task TheReportPage_ShowsTheFourLevels_AndAManagerRecordsAValueThere()
    {
        var (programId, _, _, measureId) = await TwoWaves(pilot: 6, wave: 7);
        var page = $"/Impact/Report?programId={programId}";

        var html = await (await Admin.GetAsync(page)).Html();
        var recorded = await Admin.Submit(page, new Dictionary<string, string> { ["Input.Value"] = "35", ["Input.MeasuredOn"] = "2026-10-01", ["Input.Note"] = "" },
            $"/Impact/Report?programId={programId}&measureId={measureId}&handler=Record");

        foreach (var heading in new[] { "1. Reaction", "2. Learning", "3. Behaviour", "4. Results", "side by side", "How these numbers are made" })
            Assert.Contains(heading, html, StringComparison.Ordinal);
        Assert.Contains("noncentral t distribution", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        Assert.Equal(35m, await App.Query(db => db.MeasureValues.Select(v => v.Value).SingleAsync()));
    }
}
