namespace Flipside.Matching.Assignment;

internal sealed partial class ShortestAugmentingPath<T>
{
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
    /// Places free rows one phase at a time: each phase is one Dijkstra from all of them at once, which
    /// stops at the nearest column with room from any of them and places that row. The rows whose own
    /// searches ran long (the contested rows of a tight cohort) so share one search a phase, and each phase
    /// ends as early as the closest of them allows. Returns false when some row cannot be placed; the list
    /// then holds the rows left free.
    /// </summary>
    public bool AugmentInPhases(List<int> free)
    {
        while (free.Count > 0)
        {
            StartSearch();
            foreach (int r in free)
                RelaxFreeRow(r);
            int sinkColumn = Search(int.MaxValue, out T sinkDist);
            if (sinkColumn < 0)
                return false;
            Finish(sinkColumn, sinkDist);
            free.RemoveAll(r => _columnOf[r] >= 0);
        }
        return true;
    }

    // A free row's potential is its cheapest reduced cost, so that every one of its edges starts non-negative
    // and all free rows start the search level.
    private void RelaxFreeRow(int r)
    {
        var mentors = _rowMentors[r];
        var scores = _rowScores[r];
        T u = T.MaxValue;
        for (int e = 0; e < mentors.Length; e++)
            u = T.Min(u, -scores[e] - _v[mentors[e]]);
        for (int e = 0; e < mentors.Length; e++)
            Relax(mentors[e], -scores[e] - _v[mentors[e]] - u, r, e);
    }
}
