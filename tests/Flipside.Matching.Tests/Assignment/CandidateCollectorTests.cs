using Flipside.Matching.Assignment;

namespace Flipside.Matching.Tests.Assignment;

/// <summary>
/// The collector keeps the best candidates and bounds the rest; the optimality proof trusts that bound,
/// so it must be the exact highest left-out score, whichever path (vector skip or one by one) saw it.
/// </summary>
public class CandidateCollectorTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 60)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void OfferRuns_KeepTheBestAndBoundTheRestExactly(int seed)
    {
        var random = new Random(seed);
        int length = random.Next(1, 300), limit = random.Next(1, 24), spread = random.Next(2) == 0 ? 50 : 1_000_000;
        var ints = Enumerable.Range(0, length).Select(_ => random.Next(-spread, spread)).ToArray();
        int[] cuts = [.. Enumerable.Range(0, random.Next(0, 4)).Select(_ => random.Next(length)).Distinct().Order()];

        Check(ints, cuts, limit, (c, first, run) => c.OfferRun(first, run.AsSpan()), i => (long)i);
        Check(ints.Select(i => (long)i).ToArray(), cuts, limit, (c, first, run) => c.OfferRun(first, run.AsSpan()), l => l);
        Check(ints.Select(i => i / 7.0).ToArray(), cuts, limit, (c, first, run) => c.OfferRun(first, run.AsSpan()), d => d);
    }

    // Offers the scores as consecutive runs split at the cuts (a cut mentor is left out, as a forbidden one is).
    private static void Check<TStored, T>(TStored[] stored, int[] cuts, int limit, Action<CandidateCollector<T>, int, TStored[]> offer, Func<TStored, T> convert)
        where T : struct, System.Numerics.INumber<T>, System.Numerics.IMinMaxValue<T>
    {
        var collector = new CandidateCollector<T>();
        collector.Reset(limit);
        int from = 0;
        foreach (int cut in cuts.Append(stored.Length))
        {
            offer(collector, from, stored[from..cut]);
            from = cut + 1;
        }
        var offered = Enumerable.Range(0, stored.Length).Where(j => !cuts.Contains(j))
            .Select(j => (Mentor: j, Score: convert(stored[j]))).OrderByDescending(p => p.Score).ThenBy(p => p.Mentor).ToList();

        var (mentors, scores) = collector.TakeKept();

        var kept = offered.Take(limit).OrderBy(p => p.Mentor).ToList();
        Assert.Equal(kept.Select(p => p.Mentor), mentors);
        Assert.Equal(kept.Select(p => p.Score), scores);
        Assert.Equal(offered.Count, collector.Eligible);
        Assert.Equal(offered.Count > limit, collector.LeftSomeOut);
        if (offered.Count > limit)
            Assert.Equal(offered[limit].Score, collector.Bound);
    }
}
