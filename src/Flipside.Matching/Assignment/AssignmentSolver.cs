using System.Numerics;

namespace Flipside.Matching.Assignment;

/// <summary>
/// Exact capacitated assignment: solve on each mentee's best candidates, prove the result over every
/// eligible pair with the solver's mentor prices, and widen the candidates of mentees where the proof fails.
/// </summary>
public static class AssignmentSolver
{
    /// <summary>Solves the problem to optimality (see <see cref="AssignmentSolution{T}.ProvenOptimal"/>).</summary>
    public static AssignmentSolution<T> Solve<T>(AssignmentProblem<T> problem)
        where T : struct, INumber<T>, IMinMaxValue<T>
    {
        var scores = problem.Scores;
        int n = scores.Mentees, m = scores.Mentors;
        if (problem.Capacities.Count != m)
            throw new AssignmentException($"expected {m} mentor capacities, got {problem.Capacities.Count}");
        var capacity = new int[m + 1];
        for (int j = 0; j < m; j++)
        {
            if (problem.Capacities[j] < 0)
                throw new AssignmentException($"mentor {j} has a negative capacity");
            capacity[j] = Math.Min(problem.Capacities[j], n);
        }

        var mentorOf = new int[n];
        Array.Fill(mentorOf, -1);
        T objective = ApplyLocks(problem.Locked, mentorOf, capacity, m);
        var candidates = new MenteeCandidates<T>(scores, mentorOf, problem.CandidatesPerMentee, problem.MaxDegreeOfParallelism);
        var active = Enumerable.Range(0, n).Where(i => mentorOf[i] < 0).ToArray();
        if (problem.Objective == ObjectiveMode.MostMatchedThenHighestScore && candidates.Seats(active, capacity) < active.Length)
        {
            // The mentors on the lists cannot seat everyone, so some lists must grow: when preferences are
            // shared that is most of them, and growing them all at once beats finding them one by one.
            candidates.Widen([.. active.Where(candidates.LeftSomeOut)], TightWidening);
        }

        // Column m is "unmatched": score 0, room for those the objective lets go unmatched.
        capacity[m] = problem.Objective == ObjectiveMode.HighestScore ? active.Length : 0;
        var prices = new T[m + 1];
        bool proven = false, countedMaximum = false;
        int rounds = 0;
        ShortestAugmentingPath<T> solver;
        while (true)
        {
            rounds++;
            int unmatched = capacity[m] > 0 ? m : -1;
            var (rowMentors, rowScores) = candidates.Rows(unmatched);
            solver = new ShortestAugmentingPath<T>(rowMentors, rowScores, capacity, prices);
            var unplaced = Place(solver, active, problem.SearchBudget);
            // A row left without a place is free, so widening its candidates keeps every price valid:
            // widen just those rows and go on from where the solver is, rather than from scratch.
            for (var widen = Widenable(candidates, unplaced); widen.Count > 0; widen = Widenable(candidates, unplaced))
            {
                candidates.Widen(widen);
                foreach (int i in widen)
                    solver.SetRow(i, candidates.Row(i, unmatched));
                unplaced = Place(solver, [.. unplaced], problem.SearchBudget);
            }
            if (unplaced.Count > 0)
            {
                if (countedMaximum)
                    throw new AssignmentException("the solver could not place the mentees a maximum matching places");
                // Rare: the candidates cannot place everyone. Count what the full graph can match,
                // then let exactly the rest go unmatched.
                candidates.CompleteAll(active);
                capacity[m] = active.Length - MaximumMatched(candidates, active, capacity, m);
                countedMaximum = true;
                continue;
            }
            if (!candidates.WidenWhereUnproven(active, solver, m))
            {
                proven = true;
                break;
            }
            if (rounds >= problem.MaxWideningRounds)
                break;
        }

        int matched = n - active.Length;
        var columnOf = solver.ColumnOf;
        foreach (int i in active)
        {
            int j = columnOf[i];
            if (j == m)
                continue;
            mentorOf[i] = j;
            matched++;
            objective += candidates.ScoreOf(i, j);
        }
        var mentorPrices = new T[m];
        for (int j = 0; j < m; j++)
            mentorPrices[j] = solver.Price(j);
        return new AssignmentSolution<T>(mentorOf, objective, matched, proven, rounds, candidates.Eligible, mentorPrices);
    }

    private const int TightWidening = 8;

    private static List<int> Widenable<T>(MenteeCandidates<T> candidates, List<int> rows)
        where T : struct, INumber<T>, IMinMaxValue<T> => rows.Where(candidates.LeftSomeOut).ToList();

    // Places the rows; returns those that could not be placed on their candidates. Most rows find a
    // column with room after a short search; the few whose searches run long (the contested rows of a
    // tight cohort) are placed together by phases, sharing those searches.
    private static List<int> Place<T>(ShortestAugmentingPath<T> solver, int[] rows, int budget)
        where T : struct, INumber<T>, IMinMaxValue<T>
    {
        var unplaced = new List<int>();
        var deferred = new List<int>();
        foreach (int i in rows)
        {
            var outcome = solver.TryAugment(i, budget);
            if (outcome == ShortestAugmentingPath<T>.Outcome.NoPath)
                unplaced.Add(i);
            else if (outcome == ShortestAugmentingPath<T>.Outcome.OverBudget)
                deferred.Add(i);
        }
        solver.AugmentInPhases(deferred);
        unplaced.AddRange(deferred);
        unplaced.Sort();
        return unplaced;
    }

    private static T ApplyLocks<T>(IReadOnlyList<LockedPair<T>> locked, int[] mentorOf, int[] capacity, int m)
        where T : struct, INumber<T>
    {
        T total = T.Zero;
        foreach (var pair in locked)
        {
            if ((uint)pair.Mentee >= (uint)mentorOf.Length || (uint)pair.Mentor >= (uint)m)
                throw new AssignmentException($"locked pair ({pair.Mentee}, {pair.Mentor}) is out of range");
            if (mentorOf[pair.Mentee] >= 0)
                throw new AssignmentException($"mentee {pair.Mentee} is locked to more than one mentor");
            if (--capacity[pair.Mentor] < 0)
                throw new AssignmentException($"locked pairs exceed the capacity of mentor {pair.Mentor}");
            mentorOf[pair.Mentee] = pair.Mentor;
            total += pair.Score;
        }
        return total;
    }

    // Cardinality alone: with zero costs the augmenting-path solver is a greedy over mentees, and a mentee
    // with no augmenting path now never gets one later, so the count is the maximum.
    private static int MaximumMatched<T>(MenteeCandidates<T> candidates, int[] active, int[] capacity, int m)
        where T : struct, INumber<T>, IMinMaxValue<T>
    {
        var (rowMentors, rowScores) = candidates.Rows(-1);
        var zeros = rowScores.Select(r => new T[r.Length]).ToArray();
        var counter = new ShortestAugmentingPath<T>(rowMentors, zeros, capacity, new T[m + 1]);
        int count = 0;
        foreach (int i in active)
            count += counter.Augment(i) ? 1 : 0;
        return count;
    }
}
