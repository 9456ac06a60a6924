using System.Numerics;
using System.Runtime.Intrinsics;
using Flipside.Matching.Assignment;

namespace Flipside.Matching.Scoring;

internal sealed partial class CompiledCohort
{
    // The least width of the first band of keys scored in full; it doubles until the collector is full.
    private const int FirstBandWidth = 16;

    [ThreadStatic]
    private static ushort[]? t_keys;

    /// <summary>
    /// Offers a mentee's mentors without scoring every pair in full: one vector pass gives each mentor a key,
    /// the exact score less the availability part, then mentors are scored in full in bands of descending
    /// key. Once the collector is full, only mentors whose key plus the mentee's availability bound reaches
    /// its weakest kept score can still be kept; the rest are skipped with that bound, which the optimality
    /// proof then covers, so no pair escapes it.
    /// </summary>
    public void OfferMentors(int i, CandidateCollector<long> collector)
    {
        if (Mentors.Length == 0)
            return;
        var keys = t_keys is { } buffer && buffer.Length >= _stride ? buffer : t_keys = new ushort[_stride];
        int highest = 0, reachedByMany = 0;
        long rest = long.MaxValue / 4;   // without lanes, keys are zero and nothing is skipped
        if (_lanes is null)
            Array.Clear(keys);
        else
        {
            (highest, reachedByMany) = FillKeys(i, keys);
            rest = _availabilityBound[i];
        }
        // The first band holds at least 32 mentors, enough to fill the collector in the first round.
        int hi = highest + 1, width = Math.Max(FirstBandWidth, hi - reachedByMany);
        while (hi > 0)
        {
            int lo;
            if (collector.IsFull)
            {
                long needed = collector.Weakest - rest;
                lo = needed <= 0 ? 0 : (int)Math.Min(hi, needed);
                if (lo >= hi)
                    break;
            }
            else
            {
                lo = Math.Max(0, hi - width);
                width *= 2;
            }
            OfferBand(i, collector, keys, lo, hi);
            hi = lo;
        }
        if (hi > 0)
            collector.Skip(EligibleCount(i) - collector.Eligible, hi - 1 + rest);
    }

    // Offers, in ascending mentor order, every eligible mentor whose key is in [lo, hi).
    private void OfferBand(int i, CandidateCollector<long> collector, ushort[] keys, int lo, int hi)
    {
        var low = Vector256.Create((ushort)lo);
        var width = Vector256.Create((ushort)(hi - lo));
        int m = Mentors.Length;
        bool lanes = _lanes is not null;
        long availability = Rules.Weights.AvailabilityOverlap;
        ref ushort start = ref keys[0];
        for (int k = 0; k < _stride; k += Vector256<ushort>.Count)
        {
            // Unsigned wrap-around turns lo <= key < hi into one comparison.
            var inBand = Vector256.LessThan(Vector256.LoadUnsafe(ref start, (nuint)k) - low, width);
            for (uint bits = inBand.ExtractMostSignificantBits(); bits != 0; bits &= bits - 1)
            {
                int j = k + BitOperations.TrailingZeroCount(bits);
                // A key is the exact score less availability, so only that part is left to add.
                if (j < m && Eligible(i, j))
                    collector.Offer(j, lanes ? keys[j] + (availability * AvailabilityOverlap(i, j)) : Score(i, j));
            }
        }
    }
}
