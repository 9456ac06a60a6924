using System.Numerics;

namespace Flipside.Matching.Assignment;

/// <summary>
/// Successive shortest augmenting paths (Dijkstra with potentials) on a sparse, capacitated
/// assignment graph: every row seeks a column; a column takes up to its capacity.
/// Works in "cost = -score" terms: a reduced cost is cost - u(row) - v(column) and stays non-negative.
/// Row potentials are implicit (an assigned row is tight on its column), so only column potentials
/// <c>v</c> and the sink's potential are stored, which lets a re-solve start from earlier prices.
/// </summary>
internal sealed partial class ShortestAugmentingPath<T> where T : struct, INumber<T>, IMinMaxValue<T>
{
    private readonly int[][] _rowMentors;
    private readonly T[][] _rowScores;
    private readonly int[] _capacity;
    private readonly T[] _v;
    private T _sink;

    private readonly int[] _columnOf;
    private readonly int[] _edgeOf;
    private readonly int[] _load;
    private readonly int[] _head;
    private readonly int[] _next;
    private readonly int[] _prev;

    private readonly Column[] _columns;
    private readonly List<int> _settled = [];
    private readonly DistanceHeap<T> _heap = new();
    private int _phase;

    public ShortestAugmentingPath(int[][] rowMentors, T[][] rowScores, int[] capacity, T[] prices)
    {
        _rowMentors = rowMentors;
        _rowScores = rowScores;
        _capacity = capacity;
        int columns = capacity.Length;
        int rows = rowMentors.Length;
        _v = prices;
        _sink = T.Zero;
        foreach (var v in prices)
            _sink = T.Min(_sink, v);
        _columnOf = new int[rows];
        Array.Fill(_columnOf, -1);
        _edgeOf = new int[rows];
        _next = new int[rows];
        _prev = new int[rows];
        _load = new int[columns];
        _head = new int[columns];
        Array.Fill(_head, -1);
        _columns = new Column[columns];
    }

    public ReadOnlySpan<int> ColumnOf => _columnOf;

    /// <summary>
    /// The certificate's mentor prices in score terms: never negative, zero for a mentor with room.
    /// With them, every row's profit (its score minus its mentor's price) is at least the score minus
    /// the price of any other edge of that row.
    /// </summary>
    public T Price(int column) => _load[column] == 0 ? T.Zero : T.Max(T.Zero, _sink - _v[column]);

    /// <summary>Finds a shortest augmenting path from a free row; false when none exists.</summary>
    public bool Augment(int row) => TryAugment(row, int.MaxValue) == Outcome.Placed;

    /// <summary>
    /// Like <see cref="Augment"/>, but gives up, changing nothing, once the search has settled more than
    /// <paramref name="budget"/> columns: such a row is better placed by <see cref="AugmentInPhases"/>.
    /// </summary>
    public Outcome TryAugment(int row, int budget)
    {
        StartSearch();
        var mentors = _rowMentors[row];
        var scores = _rowScores[row];
        for (int e = 0; e < mentors.Length; e++)
            Relax(mentors[e], -scores[e] - _v[mentors[e]], row, e);
        int sinkColumn = Search(budget, out T sinkDist);
        if (sinkColumn < 0)
            return sinkColumn == NoSink ? Outcome.NoPath : Outcome.OverBudget;
        Finish(sinkColumn, sinkDist);
        return Outcome.Placed;
    }

    private const int NoSink = -1, OverBudget = -2;

    private void StartSearch()
    {
        _phase++;
        _heap.Clear();
        _settled.Clear();
    }

    // Dijkstra from whatever was relaxed so far, up to the nearest column with room; returns that
    // column, NoSink when there is none, or OverBudget when more than budget columns were settled.
    private int Search(int budget, out T sinkDist)
    {
        sinkDist = T.MaxValue;
        int sinkColumn = NoSink;
        while (_heap.Count > 0)
        {
            if (!(_heap.TopKey < sinkDist))
                break;
            int j = _heap.Pop(out T d);
            ref var column = ref _columns[j];
            if (column.SettledIn == _phase || d != column.Dist)
                continue;
            if (_settled.Count >= budget)
                return OverBudget;
            column.SettledIn = _phase;
            _settled.Add(j);
            if (_load[j] < _capacity[j])
            {
                T toSink = d + T.Max(T.Zero, _v[j] - _sink);
                if (toSink < sinkDist)
                {
                    sinkDist = toSink;
                    sinkColumn = j;
                }
            }
            for (int a = _head[j]; a >= 0; a = _next[a])
                ScanAssignedRow(a, j, d);
        }
        return sinkColumn;
    }

    // Moves the prices so the path found becomes tight, then flips it.
    private void Finish(int sinkColumn, T sinkDist)
    {
        foreach (int j in _settled)
            _v[j] += _columns[j].Dist - sinkDist;
        Flip(sinkColumn);
    }

    private void ScanAssignedRow(int a, int j, T d)
    {
        var mentors = _rowMentors[a];
        var scores = _rowScores[a];
        // The row is tight on column j, so its own score there anchors the reduced costs;
        // the clamp absorbs rounding when scores are floating point.
        T anchor = scores[_edgeOf[a]] + _v[j] + d;
        for (int e = 0; e < mentors.Length; e++)
        {
            int k = mentors[e];
            ref var column = ref _columns[k];
            if (column.SettledIn == _phase)
                continue;
            T reached = anchor - scores[e] - _v[k];
            Relax(ref column, k, reached < d ? d : reached, a, e);
        }
    }

    private void Relax(int k, T d, int viaRow, int viaEdge) => Relax(ref _columns[k], k, d, viaRow, viaEdge);

    private void Relax(ref Column column, int k, T d, int viaRow, int viaEdge)
    {
        if (column.ReachedIn == _phase && !(d < column.Dist))
            return;
        column.ReachedIn = _phase;
        column.Dist = d;
        column.PredRow = viaRow;
        column.PredEdge = viaEdge;
        _heap.Push(d, k);
    }

    // A column's search state, kept together since a scan touches all of it at once.
    private struct Column
    {
        public T Dist;
        public int ReachedIn;
        public int SettledIn;
        public int PredRow;
        public int PredEdge;
    }

    // Walks the path back from its end column to the free row it started from.
    private void Flip(int end)
    {
        _load[end]++;
        int k = end;
        while (k >= 0)
        {
            int a = _columns[k].PredRow;
            int old = _columnOf[a];
            Move(a, k, _columns[k].PredEdge);
            k = old;
        }
    }

    private void Move(int a, int k, int edge)
    {
        if (_columnOf[a] >= 0)
            Unlink(a, _columnOf[a]);
        Link(a, k);
        _edgeOf[a] = edge;
    }

    private void Link(int a, int j)
    {
        _columnOf[a] = j;
        _prev[a] = -1;
        _next[a] = _head[j];
        if (_head[j] >= 0)
            _prev[_head[j]] = a;
        _head[j] = a;
    }

    private void Unlink(int a, int j)
    {
        if (_prev[a] >= 0)
            _next[_prev[a]] = _next[a];
        else
            _head[j] = _next[a];
        if (_next[a] >= 0)
            _prev[_next[a]] = _prev[a];
    }
}
