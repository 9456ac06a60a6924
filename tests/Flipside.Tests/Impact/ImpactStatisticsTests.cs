using Flipside.Domain;
using Flipside.Features.Impact;

namespace Flipside.Tests.Impact;

/// <summary>The statistics and the gate on their own: pure code, no app.</summary>
public sealed class ImpactStatisticsTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void Paired_GivesTheTIntervalAndTheApproximateDzInterval()
    {
        // Differences 1, 2, 3: mean 2, SD 1, so d_z = 2 and its SE √(1/3 + 4/6) = 1. Quantiles from scipy.
        var change = ImpactStatistics.Paired([1, 2, 3])!;

        Assert.Equal((3, 2.0, 1.0, 2.0), (change.N, change.Mean, change.Sd, change.Dz));
        Assert.InRange(change.MeanInterval.Low, 2 - 2.484137711843753 - Tolerance, 2 - 2.484137711843753 + Tolerance);
        Assert.InRange(change.MeanInterval.High, 2 + 2.484137711843753 - Tolerance, 2 + 2.484137711843753 + Tolerance);
        Assert.InRange(change.DzInterval!.Low, 2 - 1.959963984540054 - Tolerance, 2 - 1.959963984540054 + Tolerance);
        Assert.Null(change.Note);
    }

    [Fact]
    public void Paired_WithNoSpread_SaysSoInsteadOfDividingByZero()
    {
        var change = ImpactStatistics.Paired([0.5, 0.5, 0.5, 0.5, 0.5])!;

        Assert.Equal((0.5, 0.5, 0.5, (double?)null, (Interval?)null, ImpactStatistics.SameChangeForAll),
            (change.Mean, change.MeanInterval.Low, change.MeanInterval.High, change.Dz, change.DzInterval, change.Note));
    }

    [Fact]
    public void AReversedItem_IsFlippedWithinItsRange_BeforeTheScaleMean()
    {
        var survey = new Survey(Guid.NewGuid(), Guid.NewGuid(), SurveyKind.Final, "End", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), 5,
        [
            new() { Key = "a", Scale = "Safety", Min = 1, Max = 7 },
            new() { Key = "b", Scale = "Safety", Min = 1, Max = 7, Reversed = true },
            new() { Key = "then:b", Scale = "Safety", Min = 1, Max = 7, Reversed = true, Retrospective = true },
        ], DateTimeOffset.UnixEpoch);

        var (now, then) = ScaleScores.Score(ScaleScores.Items(survey), [new() { Key = "a", Value = 6 }, new() { Key = "b", Value = 2 }, new() { Key = "then:b", Value = 7 }]);

        Assert.Equal(6.0, now["Safety"]); // (6 + (8 − 2)) / 2
        Assert.Equal(1.0, then["Safety"]);
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(4, false)]
    public void AScale_IsReportedFromKPairsOn_AndBelowKShowsNoNumberAtAll(int pairs, bool shown)
    {
        var data = Data(5, ("pilot", pairs));

        var scale = ImpactBuilder.Build(data, DateTimeOffset.UnixEpoch).View!.Learning.Single();

        Assert.Equal(shown, scale.Change is not null);
        Assert.Equal(shown ? null : Anonymity.TooFew(5), scale.NotReportable);
        if (shown) Assert.Equal(pairs, scale.Change!.N);
    }

    [Fact]
    public void AWaveThatDiffersFromTheProgramByFewerThanK_IsHidden_AndSoIsItsOwnReport()
    {
        var data = Data(5, ("pilot", 8), ("second", 3));

        var (view, _) = ImpactBuilder.Build(data, DateTimeOffset.UnixEpoch);
        var (_, refused) = ImpactBuilder.Build(data, DateTimeOffset.UnixEpoch, data.Waves[0].Id);

        Assert.Equal(11, view!.Learning.Single().Change!.N);
        Assert.Equal(Anonymity.WouldDifference(5), view.Waves[0].Scales.Single().NotReportable);
        Assert.Equal(Anonymity.TooFew(5), view.Waves[1].Scales.Single().NotReportable);
        Assert.Equal(Anonymity.WouldDifference(5), refused);
    }

    [Theory]
    [InlineData(20, 30, 60, 25.0)]
    [InlineData(20, 10, 60, -25.0)]
    public void Progress_IsThePercentOfTheWayFromBaselineToTarget(int baseline, int current, int target, double percent) =>
        Assert.Equal(percent, ImpactStatistics.Progress(baseline, current, target));

    [Fact]
    public void Progress_WithoutABaselineOrWithTheTargetAtTheBaseline_IsUnknown()
    {
        Assert.Null(ImpactStatistics.Progress(null, 30, 60));
        Assert.Null(ImpactStatistics.Progress(60, 30, 60));
    }

    /// <summary>A program whose waves each have this many people who answered both surveys, with k as given.</summary>
    private static ImpactData Data(int k, params (string Name, int Pairs)[] waves)
    {
        var program = new MentoringProgram("Digital fluency", "manager", DateTimeOffset.UnixEpoch) { AnonymityThreshold = k };
        var surveys = new List<Survey>();
        var responses = new List<SurveyResponse>();
        for (var w = 0; w < waves.Length; w++)
        {
            var cohort = new Cohort(program.Id, waves[w].Name, new DateOnly(2027, 1, 1).AddMonths(6 * w), new DateOnly(2027, 6, 1).AddMonths(6 * w), 20);
            program.Cohorts.Add(cohort);
            Survey Make(SurveyKind kind) => new(program.Id, cohort.Id, kind, kind.ToString(), DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch.AddDays(1), k,
                [new() { Key = "c1", Scale = "Confidence" }], DateTimeOffset.UnixEpoch);
            var (baseline, final) = (Make(SurveyKind.Baseline), Make(SurveyKind.Final));
            surveys.AddRange([baseline, final]);
            for (var i = 0; i < waves[w].Pairs; i++)
            {
                responses.Add(new(baseline.Id, $"{w}-{i}", ParticipantRole.Mentee, [new() { Key = "c1", Value = 2 }], null));
                responses.Add(new(final.Id, $"{w}-{i}", ParticipantRole.Mentee, [new() { Key = "c1", Value = 3 + i % 2 }], null));
            }
        }
        return new(program, surveys, responses, [], [], [], []);
    }
}
