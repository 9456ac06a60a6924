using MathNet.Numerics.Distributions;

namespace Flipside.Features.Impact;

/// <summary>A 95% interval.</summary>
public sealed record Interval(double Low, double High);

/// <summary>
/// A paired comparison: n pairs, the mean difference (after − before) with its 95% interval from the paired t
/// distribution, and the standardised effect d_z (mean difference ÷ SD of the differences) with its interval. When
/// every difference is the same, the SD is 0: the mean change is exact and d_z does not exist, which
/// <see cref="Note"/> says instead of dividing by zero.
/// </summary>
public sealed record PairedChange(int N, double Mean, Interval MeanInterval, double? Sd, double? Dz, Interval? DzInterval, string? Note);

/// <summary>
/// The impact report's statistics, pure: numbers in, numbers out. MathNet.Numerics supplies the t quantile; the d_z
/// interval is exact, from the noncentral t distribution of d_z·√n with n − 1 degrees of freedom (<see cref="NoncentralT"/>).
/// </summary>
public static class ImpactStatistics
{
    public const double Confidence = 0.95;
    public const string SameChangeForAll = "Everyone changed by exactly the same amount, so there is no spread: the change is exact and an effect size cannot be computed.";
    public const string TooFewForInterval = "At least two people are needed for an interval.";

    public static double Mean(IReadOnlyCollection<double> values) => values.Count == 0 ? double.NaN : values.Average();

    /// <summary>Sample standard deviation (n − 1).</summary>
    public static double Sd(IReadOnlyList<double> values)
    {
        if (values.Count < 2) return double.NaN;
        var mean = values.Average();
        return Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
    }

    /// <summary>The paired comparison of the differences after − before; null without any pair.</summary>
    public static PairedChange? Paired(IReadOnlyList<double> differences)
    {
        var n = differences.Count;
        if (n == 0) return null;
        var mean = differences.Average();
        if (n < 2) return new(n, mean, new(mean, mean), null, null, null, TooFewForInterval);
        var sd = Sd(differences);
        // Floating sums of identical values can leave a crumb; a spread this small is no spread.
        if (sd <= 1e-12 * Math.Max(1, Math.Abs(mean))) return new(n, mean, new(mean, mean), 0, null, null, SameChangeForAll);
        var t = StudentT.InvCDF(0, 1, n - 1, 1 - (1 - Confidence) / 2);
        var half = t * sd / Math.Sqrt(n);
        var dz = mean / sd;
        var root = Math.Sqrt(n);
        var lambda = NoncentralT.NoncentralityInterval(dz * root, n - 1, Confidence);
        return new(n, mean, new(mean - half, mean + half), sd, dz, new(lambda.Low / root, lambda.High / root), null);
    }

    /// <summary>Net promoter style: % of 9–10 answers minus % of 0–6 answers on a 0–10 scale.</summary>
    public static double NetPromoter(IReadOnlyCollection<int> answers) =>
        answers.Count == 0 ? double.NaN : 100.0 * (answers.Count(a => a >= 9) - answers.Count(a => a <= 6)) / answers.Count;

    /// <summary>How far the current value has come from the baseline toward the target, in percent; null when it cannot say.</summary>
    public static double? Progress(decimal? baseline, decimal? current, decimal target)
    {
        if (baseline is not { } from || current is not { } now || target == from) return null;
        return (double)((now - from) / (target - from) * 100m);
    }
}
