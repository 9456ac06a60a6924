using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Impact;
using Flipside.Tests.Support;

namespace Flipside.Tests.Impact;

/// <summary>
/// The numbers are honest: the shipped fixture's figures, computed outside the app by expected.py (numpy and scipy),
/// equal what the report's API returns, which rounds every figure to two decimals.
/// </summary>
public sealed class ImpactFixtureTests(FlipsideFactory app) : AdministeredTests(app)
{
    private static void Equal(double expected, double? actual) => Assert.Equal(Math.Round(expected, 2), actual!.Value);

    private static void Equal((int N, double Mean, double Low, double High, double Dz, double DzLow, double DzHigh) e, ImpactView.Change? c)
    {
        Assert.NotNull(c);
        Assert.Equal(e.N, c.N);
        Equal(e.Mean, c.Mean);
        Equal(e.Low, c.Low);
        Equal(e.High, c.High);
        Equal(e.Dz, c.Dz);
        Equal(e.DzLow, c.DzLow);
        Equal(e.DzHigh, c.DzHigh);
    }

    [Fact]
    public async Task TheFixture_GivesTheFiguresComputedOutsideTheApp()
    {
        var (programId, cohortId) = await Seed.AProgram(App, Given.AdminEmail, p => p.Objectives.Add(new Objective
        {
            Title = "Leaders feel at home with digital tools", Measures = { new Measure { Name = "Confidence", Baseline = 2.5m, Target = 4.5m, Source = MeasureSource.SurveyScale, Scale = SeededSurveys.Scale } },
        }), status: CohortStatus.Active);
        await SeededSurveys.Seed(App, programId, cohortId, SeededSurveys.Fixture());

        var response = await Admin.GetAsync($"/api/v1/programs/{programId}/impact");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = (await response.Content.ReadFromJsonAsync<ImpactView>(Json.Options))!;

        var scale = Assert.Single(report.Learning);
        Assert.Equal((SeededSurveys.Scale, (string?)null, (string?)null), (scale.Scale, scale.NotReportable, scale.ThenNotReportable));
        Equal((11, 1.242424242424, 0.880077337966, 1.604771146883, 2.303516196749, 1.133079788497, 3.445883755367), scale.Change);
        Equal((11, 1.757575757576, 1.395228853117, 2.119922662034, 3.258632668572, 1.723656596068, 4.772223823673), scale.Perceived);
        Equal((11, -0.515151515152, -0.724352597981, -0.305950432322, -1.654310256343, -2.565342484959, -0.710953276827), scale.ResponseShift);
        Assert.Equal(11, report.Reaction.Recommend.N);
        Equal(36.363636363636, report.Reaction.Recommend.Score);
        var measure = Assert.Single(Assert.Single(report.Results).Measures);
        Equal(3.757575757576, (double?)measure.Current);
        Equal((3.76 - 2.5) / (4.5 - 2.5) * 100, measure.Progress);

        var csv = await (await Admin.GetAsync($"/api/v1/programs/{programId}/impact.csv")).Content.ReadAsStringAsync();
        Assert.StartsWith(ImpactCsv.Header, csv, StringComparison.Ordinal);
        Assert.Contains("Learning,Confidence: final - baseline,Program,11,1.24,0.88,1.6,2.3,1.13,3.45,", csv, StringComparison.Ordinal);
    }
}
