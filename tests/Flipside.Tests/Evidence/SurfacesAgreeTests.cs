using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Health;
using Flipside.Features.Impact;
using Flipside.Tests.Health;
using Flipside.Tests.Impact;
using Flipside.Tests.Support;

namespace Flipside.Tests.Evidence;

/// <summary>
/// The same data through every surface of the health and impact reports (pages, CSV export, API, and each wave's or
/// cohort's own view): whatever one of them hides, none of the others shows. Seeded for several organisations, from
/// groups that all clear k to a total beside all but one small cell.
/// </summary>
public sealed class SurfacesAgreeTests(FlipsideFactory app) : AdministeredTests(app)
{
    private static readonly DateOnly October = new(2026, 10, 1);

    [Theory]
    [InlineData(12, 3)]
    [InlineData(6, 6, 2)]
    [InlineData(6, 7)]
    [InlineData(8, 8, 8)]
    [InlineData(9, 5, 4)]
    public async Task Impact_PageCsvAndApi_HideTheSameFigures(params int[] waveSizes)
    {
        var (programId, waves) = await Waves(waveSizes);
        foreach (var r in waveSizes.Select((n, i) => (n, i))) await SeededSurveys.Seed(App, programId, waves[r.i], SeededSurveys.Simple($"w{r.i}-", r.n, change: 1 + r.i % 2));

        var whole = (await Admin.GetFromJsonAsync<ImpactView>($"/api/v1/programs/{programId}/impact", Json.Options))!;
        var csv = Rows(await Admin.GetStringAsync($"/api/v1/programs/{programId}/impact.csv"));
        var page = await (await Admin.GetAsync($"/Impact/Report?programId={programId}")).Html();

        foreach (var s in whole.Learning)
            Agree(csv, page, $"{s.Scale}: final - baseline", "Program", s.NotReportable, s.Change);
        foreach (var w in whole.Waves)
            foreach (var s in w.Scales)
            {
                Agree(csv, page, $"{s.Scale}: final - baseline", w.Label, s.NotReportable, s.Change);
                if (s.Change is { } c) Assert.Contains($"{c.N} people", page, StringComparison.Ordinal);
            }
        Agree(csv, whole.Reaction.Satisfaction, "Final: satisfaction", "Program");

        // Each wave's own report: refused on every surface when the program's report withholds the wave, else the same figures.
        foreach (var w in whole.Waves)
        {
            var api = await Admin.GetAsync($"/api/v1/programs/{programId}/impact?cohort={w.CohortId}");
            var waveCsv = await Admin.GetAsync($"/api/v1/programs/{programId}/impact.csv?cohort={w.CohortId}");
            var wavePage = await (await Admin.GetAsync($"/Impact/Report?programId={programId}&cohort={w.CohortId}")).Html();
            if (w.NotReportable is { } why)
            {
                Assert.Equal((HttpStatusCode.Conflict, HttpStatusCode.Conflict), (api.StatusCode, waveCsv.StatusCode));
                Assert.Contains(why, await waveCsv.Content.ReadAsStringAsync(), StringComparison.Ordinal);
                Assert.Contains(why, wavePage, StringComparison.Ordinal);
                continue;
            }
            var view = (await api.Content.ReadFromJsonAsync<ImpactView>(Json.Options))!;
            var rows = Rows(await waveCsv.Content.ReadAsStringAsync());
            foreach (var s in view.Learning)
            {
                var inWhole = w.Scales.Single(x => x.Scale == s.Scale);
                Assert.Equal(inWhole.NotReportable is null, s.NotReportable is null);
                Agree(rows, wavePage, $"{s.Scale}: final - baseline", w.Label, s.NotReportable, s.Change);
            }
            Agree(rows, view.Reaction.Satisfaction, "Final: satisfaction", w.Label);
            // A wave's satisfaction shown alone must also be shown (or derivable) in the program's view, or be hidden in both.
            if (whole.Reaction.Satisfaction.NotReportable is not null) Assert.NotNull(view.Reaction.Satisfaction.NotReportable);
        }
        // Every wave shown beside the program: adding them up never leaves fewer than k people of the program's figure.
        var shown = whole.Waves.Where(w => w.NotReportable is null).Sum(w => w.Scales.Single().Change?.N ?? 0);
        var total = whole.Learning.Single().Change?.N;
        if (total is { } n && shown > 0) Assert.False(n - shown is > 0 and < Anonymity.DefaultThreshold, $"program {n} minus shown waves {shown}");
    }

    [Theory]
    [InlineData(6, 2)]
    [InlineData(6, 6, 1)]
    [InlineData(5, 5, 5)]
    [InlineData(9, 3)]
    [InlineData(7, 6, 2)]
    public async Task Health_PagesAndApi_OfProgramAndCohorts_HideTheSamePulses(params int[] cohortSizes)
    {
        var (programId, cohorts) = await Waves(cohortSizes);
        // Each cohort's mentors rate their meetings with a value of their own, so a figure can be recognised wherever it shows.
        for (var i = 0; i < cohorts.Count; i++) await HealthSeed.Pulses(App, programId, cohorts[i], $"c{i}-", cohortSizes[i], i + 1, October);

        var program = (await Admin.GetFromJsonAsync<HealthReport>($"/api/v1/programs/{programId}/health", Json.Options))!;
        var programPage = await (await Admin.GetAsync($"/Health/Program?id={programId}")).Html();
        for (var i = 0; i < cohorts.Count; i++)
        {
            var inProgram = program.Cohorts.Single(c => c.CohortId == cohorts[i]).Useful;
            var alone = (await Admin.GetFromJsonAsync<HealthReport>($"/api/v1/cohorts/{cohorts[i]}/health", Json.Options))!.Cohorts.Single().Useful;
            var cohortPage = await (await Admin.GetAsync($"/Health/Cohort?id={cohorts[i]}")).Html();
            Assert.Equal(inProgram, alone);
            var figure = $"{(i + 1).ToString("0.00", CultureInfo.InvariantCulture)} of 5 ({cohortSizes[i]} people)";
            foreach (var page in new[] { programPage, cohortPage })
                if (inProgram.NotShownBecause is null) Assert.Contains(figure, page, StringComparison.Ordinal);
                else Assert.DoesNotContain(figure, page, StringComparison.Ordinal);
        }
        // Whatever is shown, the program's figure minus the shown cohorts' never leaves 1..k−1 people.
        var shownPeople = program.Cohorts.Where(c => c.Useful.NotShownBecause is null).Sum(c => c.Useful.Respondents!.Value);
        if (program.Program.Useful.Respondents is { } all && program.Program.Useful.NotShownBecause is null && shownPeople > 0)
            Assert.False(all - shownPeople is > 0 and < Anonymity.DefaultThreshold, $"program {all} minus shown cohorts {shownPeople}");
    }

    private async Task<(Guid ProgramId, List<Guid> Waves)> Waves(int[] sizes)
    {
        var (programId, first) = await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Active);
        var waves = new List<Guid> { first };
        for (var i = 1; i < sizes.Length; i++)
            waves.Add(await App.Query(async db =>
            {
                var cohort = new Cohort(programId, $"Wave {i + 1}", new DateOnly(2027, 1, 1).AddMonths(6 * i), new DateOnly(2027, 6, 1).AddMonths(6 * i), 40);
                db.Cohorts.Add(cohort);
                await db.SaveChangesAsync();
                return cohort.Id;
            }));
        return (programId, waves);
    }

    private static Dictionary<(string Item, string Group), string[]> Rows(string csv) =>
        csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(Cells).ToDictionary(c => (c[1], c[2]), c => c);

    /// <summary>The CSV's fields (level, item, group, n, value, …, note), quotes undone.</summary>
    private static string[] Cells(string line)
    {
        var cells = new List<string>();
        var cell = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"') { cell.Append('"'); i++; }
            else if (c == '"') quoted = !quoted;
            else if (c == ',' && !quoted) { cells.Add(cell.ToString()); cell.Clear(); }
            else cell.Append(c);
        }
        cells.Add(cell.ToString());
        return [.. cells];
    }

    private static string Number(double? d) => d?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";

    private static void Agree(Dictionary<(string, string), string[]> csv, string page, string item, string group, string? hidden, ImpactView.Change? change)
    {
        var row = csv[(item, group)];
        if (hidden is not null || change is null)
        {
            Assert.Equal(("", ""), (row[3], row[4]));
            Assert.Equal(hidden, row[^1]);
            Assert.Contains(hidden!, page, StringComparison.Ordinal);
            return;
        }
        Assert.Equal((change.N.ToString(CultureInfo.InvariantCulture), change.Mean), (row[3], double.Parse(row[4], CultureInfo.InvariantCulture)));
        Assert.Contains(change.Mean.ToString("+0.00;−0.00;0.00", CultureInfo.InvariantCulture), page, StringComparison.Ordinal);
    }

    private static void Agree(Dictionary<(string, string), string[]> csv, ImpactView.Average average, string item, string group)
    {
        var row = csv[(item, group)];
        if (average.NotReportable is { } why) Assert.Equal(("", "", why), (row[3], row[4], row[^1]));
        else Assert.Equal((average.N?.ToString(CultureInfo.InvariantCulture), Number(average.Mean)), (row[3], Number(double.Parse(row[4], CultureInfo.InvariantCulture))));
    }
}
