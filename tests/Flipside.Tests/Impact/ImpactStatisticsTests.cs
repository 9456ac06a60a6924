using Flipside.Domain;
using Flipside.Features.Impact;

namespace Flipside.Tests.Impact;

/// <summary>The statistics and the gate on their own: pure code, no app.</summary>
public sealed class ImpactStatisticsTests
{
    private const double Tolerance = 1e-9;

    /// <summary>
    /// The d_z interval inverts the noncentral t CDF. Reference values from SciPy 1.10, computed with:
    /// /usr/bin/python3 -c 'from scipy import stats; from scipy.optimize import brentq; import math
    /// def ci(d):
    ///     n=len(d); m=sum(d)/n; sd=(sum((x-m)**2 for x in d)/(n-1))**.5; t=m/sd*math.sqrt(n)
    ///     lo=brentq(lambda l: stats.nct.cdf(t,n-1,l)-0.975,-50,50); hi=brentq(lambda l: stats.nct.cdf(t,n-1,l)-0.025,-50,50)
    ///     print(repr(m/sd), repr(lo/math.sqrt(n)), repr(hi/math.sqrt(n)))
    /// ci([1,2,3]); ci([0.5,-1,2,0.25,1.5,3,-0.5,1,2]); print(repr(stats.nct.cdf(2.5,8,1.2)), repr(stats.nct.cdf(-1.0,4,0.5)))'
    /// </summary>
    [Theory]
    [InlineData(new[] { 1.0, 2, 3 }, 2.0, -0.14156417860223078, 4.1054945945973955)]
    [InlineData(new[] { 0.5, -1, 2, 0.25, 1.5, 3, -0.5, 1, 2 }, 0.7538657813764448, -0.01114263771072884, 1.4838100986734355)]
    public void Paired_GivesTheTIntervalAndTheNoncentralTDzInterval(double[] differences, double dz, double low, double high)
    {
        var change = ImpactStatistics.Paired(differences)!;

        Assert.InRange(change.Dz!.Value, dz - Tolerance, dz + Tolerance);
        Assert.InRange(change.DzInterval!.Low, low - 1e-6, low + 1e-6);
        Assert.InRange(change.DzInterval.High, high - 1e-6, high + 1e-6);
        Assert.Null(change.Note);
    }

    [Fact]
    public void TheNoncentralTCdf_EqualsSciPys()
    {
        Assert.InRange(NoncentralT.Cdf(2.5, 8, 1.2), 0.8514672992305518 - 1e-9, 0.8514672992305518 + 1e-9);
        Assert.InRange(NoncentralT.Cdf(-1.0, 4, 0.5), 0.08614956903656279 - 1e-9, 0.08614956903656279 + 1e-9);
    }

    [Fact]
    public void Paired_GivesThePairedTInterval()
    {
        // Differences 1, 2, 3: mean 2, SD 1; the t quantile from scipy.
        var change = ImpactStatistics.Paired([1, 2, 3])!;

        Assert.Equal((3, 2.0, 1.0, 2.0), (change.N, change.Mean, change.Sd, change.Dz));
        Assert.InRange(change.MeanInterval.Low, 2 - 2.484137711843753 - Tolerance, 2 - 2.484137711843753 + Tolerance);
        Assert.InRange(change.MeanInterval.High, 2 + 2.484137711843753 - Tolerance, 2 + 2.484137711843753 + Tolerance);
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
    public void AWaveThatDiffersFromTheProgramByFewerThanK_HidesEveryFigureOfTheScale_AndItsOwnReportIsRefused()
    {
        var data = Data(5, ("pilot", 8), ("second", 3));

        var (view, _) = ImpactBuilder.Build(data, DateTimeOffset.UnixEpoch);
        var (_, refused) = ImpactBuilder.Build(data, DateTimeOffset.UnixEpoch, data.Waves[0].Id);

        // The pilot's 8 beside the program's 11 would describe the second wave's 3: the whole set of the scale goes.
        Assert.Equal((Anonymity.WouldDifference(5), (ImpactView.Change?)null), (view!.Learning.Single().NotReportable, view.Learning.Single().Change));
        Assert.All(view.Waves, w => Assert.Equal(Anonymity.WouldDifference(5), w.Scales.Single().NotReportable));
        Assert.Equal(Anonymity.WouldDifference(5), Assert.Single(Learning.Withheld(Learning.Score(data), data.Waves, 5)).Value);
        Assert.Equal(Anonymity.WouldDifference(5), refused);
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(5, false)]
    public void OneMoreBaselineThanPaired_WithholdsTheScaleEverywhere(int baselineOnly, bool withheld)
    {
        var data = Data(5, ("pilot", 8));
        var baseline = data.Surveys.Single(s => s.Kind == SurveyKind.Baseline);
        var extra = Enumerable.Range(0, baselineOnly).Select(i => new SurveyResponse(baseline.Id, $"only-{i}", ParticipantRole.Mentor, [new() { Key = "c1", Value = 2 }], null));
        data = data with { Responses = [.. data.Responses, .. extra] };

        var view = ImpactBuilder.Build(data, DateTimeOffset.UnixEpoch).View!;

        Assert.Equal(withheld, Learning.Withheld(Learning.Score(data), data.Waves, 5).ContainsKey("Confidence"));
        Assert.Equal(withheld, view.Learning.Single().Change is null);
    }

    [Fact]
    public void BehaviourCounts_AreGatedByPairs_ForTheProgramAndEachWave()
    {
        var data = Data(5, ("pilot", 5), ("second", 5));
        PairingFacts Pair(Guid cohort) => new(Guid.NewGuid(), cohort, DateTimeOffset.UnixEpoch, null, 3, 1, 1, 2, 2, 1, 1);
        data = data with { Pairings = [.. Enumerable.Range(0, 8).Select(_ => Pair(data.Waves[0].Id)), .. Enumerable.Range(0, 3).Select(_ => Pair(data.Waves[1].Id))] };

        var view = ImpactBuilder.Build(data, DateTimeOffset.UnixEpoch.AddDays(30)).View!;

        Assert.Equal(11, view.Behaviour!.Pairings);
        Assert.Equal((null, Anonymity.WouldDifference(5)), (view.Waves[0].Behaviour, view.Waves[0].BehaviourNotReportable));
        Assert.Equal((null, Anonymity.TooFew(5)), (view.Waves[1].Behaviour, view.Waves[1].BehaviourNotReportable));
        var few = ImpactBuilder.Build(data with { Pairings = [.. data.Pairings.Take(4)] }, DateTimeOffset.UnixEpoch).View!;
        Assert.Equal((null, Anonymity.TooFew(5)), (few.Behaviour, few.BehaviourNotReportable));
        Assert.DoesNotContain("Meetings held", ImpactCsv.Write(few), StringComparison.Ordinal);
    }

    [Fact]
    public void EveryFigure_IsRoundedToTwoDecimals_InTheViewAndTheCsv()
    {
        var data = Data(5, ("pilot", 7));

        var view = ImpactBuilder.Build(data, DateTimeOffset.UnixEpoch).View!;

        var change = view.Learning.Single().Change!;
        foreach (var value in new double?[] { change.Mean, change.Low, change.High, change.Dz, change.DzLow, change.DzHigh })
            Assert.Equal(Math.Round(value!.Value, 2), value.Value);
        Assert.Contains(",7,1.43,", ImpactCsv.Write(view), StringComparison.Ordinal);
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
