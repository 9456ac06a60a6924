using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace Flipside.Features.Impact;

/// <summary>
/// The noncentral t distribution, which MathNet.Numerics does not have: its CDF by Lenth's algorithm AS 243 (a Poisson
/// mixture of incomplete beta functions, summed until the error bound is below 1e-12), and the interval for a
/// noncentrality parameter found by inverting that CDF with bisection. The d_z interval is the latter divided by √n.
/// </summary>
public static class NoncentralT
{
    /// <summary>P(T ≤ t) for T noncentral t with <paramref name="df"/> degrees of freedom and noncentrality <paramref name="delta"/>.</summary>
    public static double Cdf(double t, double df, double delta)
    {
        var negative = t < 0;
        if (negative) (t, delta) = (-t, -delta);
        var x = t * t / (t * t + df);
        var sum = 0.0;
        if (x > 0)
        {
            var lambda = delta * delta;
            var p = 0.5 * Math.Exp(-0.5 * lambda);
            var q = Math.Sqrt(2 / Math.PI) * p * delta;
            var s = 0.5 - p;
            // For a small noncentrality 0.5 − p loses its digits; this is the same number, computed without the loss.
            if (s < 1e-7) s = -0.5 * (Math.Exp(-0.5 * lambda) - 1);
            double a = 0.5, b = 0.5 * df;
            var rxb = Math.Pow(1 - x, b);
            var logBeta = 0.5 * Math.Log(Math.PI) + SpecialFunctions.GammaLn(b) - SpecialFunctions.GammaLn(a + b);
            var xOdd = SpecialFunctions.BetaRegularized(a, b, x);
            var gOdd = 2 * rxb * Math.Exp(a * Math.Log(x) - logBeta);
            var xEven = 1 - rxb;
            var gEven = b * x * rxb;
            sum = p * xOdd + q * xEven;
            for (var n = 1; n <= 1000; n++)
            {
                a += 1;
                xOdd -= gOdd;
                xEven -= gEven;
                gOdd *= x * (a + b - 1) / a;
                gEven *= x * (a + b - 0.5) / (a + 0.5);
                p *= lambda / (2 * n);
                q *= lambda / (2 * n + 1);
                s -= p;
                sum += p * xOdd + q * xEven;
                if (2 * s * (xOdd - gOdd) <= 1e-12) break;
            }
        }
        sum += Normal.CDF(0, 1, -delta);
        return negative ? 1 - sum : sum;
    }

    /// <summary>
    /// The noncentrality parameters λ at which the observed t sits at the upper and the lower (1 − confidence)/2 tail:
    /// Cdf(t; df, λ) falls as λ rises, so each is found by bisection between bounds that bracket it.
    /// </summary>
    public static Interval NoncentralityInterval(double t, double df, double confidence)
    {
        var tail = (1 - confidence) / 2;
        return new(Solve(t, df, 1 - tail), Solve(t, df, tail));
    }

    private static double Solve(double t, double df, double target)
    {
        double low = t - 10 - Math.Abs(t), high = t + 10 + Math.Abs(t);
        // With few degrees of freedom the bounds lie far from t: widen until they bracket the target.
        while (Cdf(t, df, low) < target && low > -1e6) low *= 2;
        while (Cdf(t, df, high) > target && high < 1e6) high *= 2;
        for (var i = 0; i < 200 && high - low > 1e-12; i++)
        {
            var mid = (low + high) / 2;
            if (Cdf(t, df, mid) > target) low = mid;
            else high = mid;
        }
        return (low + high) / 2;
    }
}
