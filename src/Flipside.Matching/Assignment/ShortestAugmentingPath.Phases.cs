using System.Numerics;

namespace Flipside.Matching.Assignment;

internal sealed partial class ShortestAugmentingPath<T>
{
    // Deeper tight paths are left to the next phase's Dijkstra rather than risk the stack.
    private const int MaxTightDepth = 2_000;

    // Integer prices are exact, so an edge is tight exactly when its reduced cost is zero; with floating
    // point the test would be at the mercy of rounding, so phases then place one row each.
    private static readonly bool ExactTightness = T.CreateTruncating(0.5) == T.Zero;

    private T[]? _freeRowPotential;
    private int[]? _visitedIn;
    private int _visit;

    /// <summary>How one bounded search ended.</summary>
    public enum Outcome
    {
        /// <summary>The row is placed.</summary>
        Placed,

        /// <summary>No augmenting path exists: the row cannot be placed now, nor later.</summary>
        NoPath,

        /// <summary>The search gave up over its budget; nothing changed.</summary>
        OverBudget,
    }

    /// <summary>Replaces the edges of a free row (a row with a column has prices that depend on them).</summary>
    public void SetRow(int row, (int[] Mentors, T[] Scores) edges)
    {
        if (_columnOf[row] >= 0)
            throw new InvalidOperationException("only a free row's edges can change");
        (_rowMentors[row], _rowScores[row]) = edges;
    }

    /// <summary>
    /// Places free rows by phases, as the Hungarian method does: one Dijkstra from all of them at once
    /// moves the prices, then every row that can reach a column with room along tight edges (zero reduced
    /// cost) is placed along a path disjoint from the others. The long searches that contested rows need
    /// are shared by all of them instead of repeated row by row. Returns false when some row cannot be
    /// placed; the list then holds the rows left free.
    /// </summary>
    public bool AugmentInPhases(List<int> free)
    {
        _freeRowPotential ??= new T[_rowMentors.Length];
        _visitedIn ??= new int[_capacity.Length];
        while (free.Count > 0)
        {
            StartSearch();
            foreach (int r in free)
                RelaxFreeRow(r);
            int sinkColumn = Search(int.MaxValue, out T sinkDist);
            if (sinkColumn < 0)
                return false;
            Finish(sinkColumn, sinkDist);
            foreach (int r in free)
                _freeRowPotential[r] += sinkDist;
            _visit++;
            int kept = 0;
            for (int k = 0; k < free.Count; k++)
            {
                int r = free[k];
                if (_columnOf[r] < 0 && !(ExactTightness && PlaceAlongTightEdges(r, 0)))
                    free[kept++] = r;
            }
            free.RemoveRange(kept, free.Count - kept);
        }
        return true;
    }

    // A free row's potential is its cheapest reduced cost, so that every one of its edges starts non-negative.
    private void RelaxFreeRow(int r)
    {
        var mentors = _rowMentors[r];
        var scores = _rowScores[r];
        if (mentors.Length == 0)
            return;
        T u = T.MaxValue;
        for (int e = 0; e < mentors.Length; e++)
            u = T.Min(u, -scores[e] - _v[mentors[e]]);
        _freeRowPotential![r] = u;
        for (int e = 0; e < mentors.Length; e++)
            Relax(mentors[e], -scores[e] - _v[mentors[e]] - u, r, e);
    }

    // Depth-first along tight edges to a column with room whose edge to the sink is tight too; each column
    // is entered once a phase, which keeps the phase's paths disjoint.
    private bool PlaceAlongTightEdges(int a, int depth)
    {
        if (depth > MaxTightDepth)
            return false;
        var mentors = _rowMentors[a];
        var scores = _rowScores[a];
        int own = _columnOf[a];
        T anchor = own < 0 ? -_freeRowPotential![a] : scores[_edgeOf[a]] + _v[own];
        for (int e = 0; e < mentors.Length; e++)
        {
            int k = mentors[e];
            if (k == own || _visitedIn![k] == _visit || anchor - scores[e] - _v[k] != T.Zero)
                continue;
            _visitedIn[k] = _visit;
            if (_load[k] < _capacity[k] && !(_v[k] > _sink))
            {
                _load[k]++;
                if (own >= 0)
                    _load[own]--;
                Move(a, k, e);
                return true;
            }
            for (int b = _head[k]; b >= 0; b = _next[b])
            {
                if (PlaceAlongTightEdges(b, depth + 1))
                {
                    if (own >= 0)
                        _load[own]--;
                    _load[k]++;
                    Move(a, k, e);
                    return true;
                }
            }
        }
        return false;
    }
}
