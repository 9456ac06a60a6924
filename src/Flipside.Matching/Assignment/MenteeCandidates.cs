using System.Numerics;

namespace Flipside.Matching.Assignment;

/// <summary>Each mentee's kept candidates, with the bound on what was left out and how to widen them.</summary>
internal sealed class MenteeCandidates<T> where T : struct, INumber<T>, IMinMaxValue<T>
{
    private const int WideningFactor = 4;

    // Floating-point prices carry rounding from many updates; an edge within this relative margin
    // of its row's profit is treated as proven rather than widening forever.
    private static readonly T RelativeTolerance =
        T.CreateTruncating(0.5) == T.Zero ? T.Zero : T.CreateTruncating(1e-11);

    private readonly IMentorScores<T> _scores;
    private readonly ParallelOptions _parallel;
    private readonly int[][] _mentors;
    private readonly T[][] _scoresOf;
    private readonly int[] _limit;
    private readonly bool[] _leftOut;
    private readonly T[] _bound;

    public MenteeCandidates(IMentorScores<T> scores, int[] lockedMentor, int limit, int parallelism)
    {
        _scores = scores;
        _parallel = new ParallelOptions { MaxDegreeOfParallelism = parallelism };
        int n = scores.Mentees;
        _mentors = new int[n][];
        _scoresOf = new T[n][];
        _limit = new int[n];
        _leftOut = new bool[n];
        _bound = new T[n];
        Eligible = new int[n];
        var rows = new List<int>(n);
        for (int i = 0; i < n; i++)
        {
            _limit[i] = Math.Max(1, limit);
            _mentors[i] = [];
            _scoresOf[i] = [];
            if (lockedMentor[i] < 0)
                rows.Add(i);
        }
        Collect(rows);
    }

    public int[] Eligible { get; }

    // Copies, so that the solver may replace a row's edges without touching the candidates.
    public (int[][] Mentors, T[][] Scores) Rows(int unmatchedColumn)
    {
        var mentors = new int[_mentors.Length][];
        var scores = new T[_mentors.Length][];
        for (int i = 0; i < mentors.Length; i++)
            (mentors[i], scores[i]) = Row(i, unmatchedColumn);
        return (mentors, scores);
    }

    /// <summary>A mentee's candidates, and the "unmatched" column with score 0 when there is one.</summary>
    public (int[] Mentors, T[] Scores) Row(int i, int unmatchedColumn) => unmatchedColumn < 0
        ? (_mentors[i], _scoresOf[i])
        : ([.. _mentors[i], unmatchedColumn], [.. _scoresOf[i], T.Zero]);

    public bool LeftSomeOut(int i) => _leftOut[i];

    /// <summary>Widens the candidates of the given mentees.</summary>
    public void Widen(List<int> rows, int factor = WideningFactor)
    {
        foreach (int i in rows)
            _limit[i] = _limit[i] > int.MaxValue / factor ? int.MaxValue : _limit[i] * factor;
        Collect(rows);
    }

    /// <summary>How many of the mentees the mentors on their lists could seat at most: each mentor counts up to its capacity.</summary>
    public long Seats(int[] active, int[] capacity)
    {
        var listed = new int[capacity.Length];
        foreach (int i in active)
        {
            foreach (int j in _mentors[i])
                listed[j]++;
        }
        long seats = 0;
        for (int j = 0; j < listed.Length; j++)
            seats += Math.Min(listed[j], capacity[j]);
        return seats;
    }

    public T ScoreOf(int mentee, int mentor) => _scoresOf[mentee][Array.BinarySearch(_mentors[mentee], mentor)];

    public bool AllComplete(int[] active) => active.All(i => !_leftOut[i]);

    public void CompleteAll(int[] active)
    {
        var rows = active.Where(i => _leftOut[i]).ToList();
        foreach (int i in rows)
            _limit[i] = int.MaxValue;
        Collect(rows);
    }

    /// <summary>
    /// The proof: a mentee's left-out mentors score at most its bound and cost a non-negative price,
    /// so when the bound does not exceed the mentee's profit, no left-out pair can improve the result.
    /// Widens the candidates of every mentee where that fails; returns whether any was widened.
    /// </summary>
    public bool WidenWhereUnproven(int[] active, ShortestAugmentingPath<T> solver, int unmatchedColumn)
    {
        var unproven = new List<int>();
        var columnOf = solver.ColumnOf;
        foreach (int i in active)
        {
            if (!_leftOut[i])
                continue;
            int j = columnOf[i];
            T profit = (j == unmatchedColumn ? T.Zero : ScoreOf(i, j)) - solver.Price(j);
            T margin = RelativeTolerance * (T.Abs(profit) + T.Abs(_bound[i]));
            if (_bound[i] > profit + margin)
                unproven.Add(i);
        }
        Widen(unproven);
        return unproven.Count > 0;
    }

    private void Collect(List<int> rows)
    {
        Parallel.For(0, rows.Count, _parallel, () => new CandidateCollector<T>(), (k, _, collector) =>
        {
            int i = rows[k];
            collector.Reset(Math.Min(_limit[i], Math.Max(1, _scores.Mentors)));
            _scores.OfferMentors(i, collector);
            (_mentors[i], _scoresOf[i]) = collector.TakeKept();
            _leftOut[i] = collector.LeftSomeOut;
            _bound[i] = collector.Bound;
            Eligible[i] = collector.Eligible;
            return collector;
        }, _ => { });
    }
}
