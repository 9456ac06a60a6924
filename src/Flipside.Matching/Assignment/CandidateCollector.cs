using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Flipside.Matching.Assignment;

/// <summary>
/// Keeps a mentee's best offered mentors (highest score, then lowest mentor index) and an upper bound
/// on the score of every eligible mentor it let go, which the optimality proof needs.
/// </summary>
public sealed class CandidateCollector<T> where T : struct, INumber<T>, IMinMaxValue<T>
{
    // A min-heap on (score, -mentor): the root is the weakest kept candidate.
    private int[] _mentors = new int[16];
    private T[] _scores = new T[16];
    private int _count;
    private int _limit;

    /// <summary>How many eligible mentors were offered or rejected since the last reset.</summary>
    public int Eligible { get; private set; }

    /// <summary>How many eligible mentors were left out unseen, bounded as a group (see <see cref="Skip"/>).</summary>
    public int Skipped { get; private set; }

    /// <summary>True when some eligible mentor was left out, so <see cref="Bound"/> matters.</summary>
    public bool LeftSomeOut { get; private set; }

    /// <summary>The highest score of any eligible mentor left out (meaningful when <see cref="LeftSomeOut"/>).</summary>
    public T Bound { get; private set; }

    /// <summary>Empties the collector and sets how many candidates it keeps.</summary>
    public void Reset(int limit)
    {
        _limit = Math.Max(1, limit);
        if (_mentors.Length < _limit)
        {
            _mentors = new int[_limit];
            _scores = new T[_limit];
        }
        _count = 0;
        Eligible = 0;
        Skipped = 0;
        LeftSomeOut = false;
        Bound = T.MinValue;
    }

    /// <summary>True when as many candidates are kept as the limit allows.</summary>
    public bool IsFull => _count == _limit;

    /// <summary>The weakest kept score once <see cref="IsFull"/>: a mentor must beat it to be kept.</summary>
    public T Weakest => _scores[0];

    /// <summary>True when a mentor whose score is at most <paramref name="upperBound"/> cannot be kept.</summary>
    public bool CannotKeep(T upperBound) => _count == _limit && upperBound < _scores[0];

    /// <summary>Counts an eligible mentor whose score is known only to be at most <paramref name="upperBound"/>, and leaves it out.</summary>
    public void Reject(T upperBound)
    {
        Eligible++;
        LeaveOut(upperBound);
    }

    /// <summary>
    /// Counts <paramref name="count"/> eligible mentors that were never offered because their scores are known
    /// to be at most <paramref name="upperBound"/>, and leaves them out.
    /// </summary>
    public void Skip(int count, T upperBound)
    {
        if (count <= 0)
            return;
        Eligible += count;
        Skipped += count;
        LeaveOut(upperBound);
    }

    /// <summary>Offers an eligible mentor with its score.</summary>
    public void Offer(int mentor, T score)
    {
        Eligible++;
        if (_count < _limit)
        {
            _mentors[_count] = mentor;
            _scores[_count] = score;
            SiftUp(_count++);
            return;
        }
        if (score < _scores[0] || (score == _scores[0] && mentor > _mentors[0]))
        {
            LeaveOut(score);
            return;
        }
        LeaveOut(_scores[0]);
        _mentors[0] = mentor;
        _scores[0] = score;
        SiftDown(0);
    }

    /// <summary>
    /// Offers a run of eligible mentors at once: <paramref name="firstMentor"/> onwards, one per score.
    /// Runs for one mentee must come in ascending mentor order.
    /// </summary>
    public void OfferRun<TStored>(int firstMentor, ReadOnlySpan<TStored> scores) where TStored : struct, INumberBase<TStored> =>
        OfferAll(new Consecutive(firstMentor), scores);

    /// <summary>Offers listed eligible mentors at once, in ascending mentor order across calls for one mentee.</summary>
    public void OfferListed<TStored>(ReadOnlySpan<int> mentors, ReadOnlySpan<TStored> scores) where TStored : struct, INumberBase<TStored> =>
        OfferAll(new Listed(mentors), scores);

    // The hot path of pruning: with mentors ascending, a score equal to the weakest kept one loses the
    // tie, so one comparison against a local floor rejects almost everything. Scores may be stored in a
    // narrower type than the solver's (int scores summed in long), converted here rather than copied.
    private void OfferAll<TMentors, TStored>(TMentors mentors, ReadOnlySpan<TStored> stored)
        where TMentors : struct, IMentorRun, allows ref struct
        where TStored : struct, INumberBase<TStored>
    {
        var scores = new Converted<TStored>(stored);
        Eligible += scores.Length;
        int k = 0;
        for (; k < scores.Length && _count < _limit; k++)
        {
            _mentors[_count] = mentors[k];
            _scores[_count] = scores[k];
            SiftUp(_count++);
        }
        if (k == scores.Length)
            return;
        T floor = _scores[0], leftMax = Bound;
        int chunk = Vector256<TStored>.IsSupported ? Vector256<TStored>.Count : stored.Length;
        while (k < scores.Length)
        {
            k = SkipBelow(stored, k, floor, ref leftMax);
            for (int end = Math.Min(k + chunk, scores.Length); k < end; k++)
            {
                T s = scores[k];
                if (s <= floor)
                {
                    leftMax = T.Max(leftMax, s);
                    continue;
                }
                leftMax = T.Max(leftMax, floor);
                _mentors[0] = mentors[k];
                _scores[0] = s;
                SiftDown(0);
                floor = _scores[0];
            }
        }
        LeftSomeOut = true;
        Bound = leftMax;
    }

    // Skips, a vector at a time, the scores that cannot beat the floor, keeping their maximum for the
    // bound; returns where a score that may beat it stands, or the end.
    private static int SkipBelow<TStored>(ReadOnlySpan<TStored> stored, int k, T floor, ref T leftMax)
        where TStored : struct, INumberBase<TStored>
    {
        if (!Vector256.IsHardwareAccelerated || !Vector256<TStored>.IsSupported)
            return k;
        var limit = TStored.CreateSaturating(floor);
        if (T.CreateTruncating(limit) != floor)
            return k;   // a floor the stored type cannot hold: compare one score at a time
        var floors = Vector256.Create(limit);
        var most = floors;
        bool skipped = false;
        ref TStored start = ref MemoryMarshal.GetReference(stored);
        for (; k + Vector256<TStored>.Count <= stored.Length; k += Vector256<TStored>.Count)
        {
            var v = Vector256.LoadUnsafe(ref start, (nuint)k);
            if (Vector256.GreaterThanAny(v, floors))
                break;
            most = skipped ? Vector256.Max(most, v) : v;
            skipped = true;
        }
        for (int e = 0; skipped && e < Vector256<TStored>.Count; e++)
            leftMax = T.Max(leftMax, T.CreateTruncating(most[e]));
        return k;
    }

    private readonly ref struct Converted<TStored>(ReadOnlySpan<TStored> values) where TStored : struct, INumberBase<TStored>
    {
        private readonly ReadOnlySpan<TStored> _values = values;

        public int Length => _values.Length;

        public T this[int k] => T.CreateTruncating(_values[k]);
    }

    private interface IMentorRun
    {
        int this[int k] { get; }
    }

    private readonly struct Consecutive(int first) : IMentorRun
    {
        public int this[int k] => first + k;
    }

    private readonly ref struct Listed(ReadOnlySpan<int> mentors) : IMentorRun
    {
        private readonly ReadOnlySpan<int> _mentors = mentors;

        public int this[int k] => _mentors[k];
    }

    /// <summary>The kept candidates, mentors ascending.</summary>
    public (int[] Mentors, T[] Scores) TakeKept()
    {
        var mentors = _mentors.AsSpan(0, _count).ToArray();
        var scores = _scores.AsSpan(0, _count).ToArray();
        Array.Sort(mentors, scores);
        return (mentors, scores);
    }

    private void LeaveOut(T score)
    {
        LeftSomeOut = true;
        if (score > Bound)
            Bound = score;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Weaker(int a, int b) =>
        _scores[a] < _scores[b] || (_scores[a] == _scores[b] && _mentors[a] > _mentors[b]);

    private void SiftUp(int i)
    {
        while (i > 0)
        {
            int parent = (i - 1) >> 1;
            if (!Weaker(i, parent))
                return;
            Swap(i, parent);
            i = parent;
        }
    }

    private void SiftDown(int i)
    {
        while (true)
        {
            int left = (2 * i) + 1;
            if (left >= _count)
                return;
            int weakest = left + 1 < _count && Weaker(left + 1, left) ? left + 1 : left;
            if (!Weaker(weakest, i))
                return;
            Swap(i, weakest);
            i = weakest;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Swap(int a, int b)
    {
        (_mentors[a], _mentors[b]) = (_mentors[b], _mentors[a]);
        (_scores[a], _scores[b]) = (_scores[b], _scores[a]);
    }
}
