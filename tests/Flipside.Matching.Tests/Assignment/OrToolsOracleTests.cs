using Flipside.Matching.Assignment;
using Google.OrTools.Graph;

namespace Flipside.Matching.Tests.Assignment;

public class OrToolsOracleTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_IntegerScores_EqualsOrToolsMinCostFlow(int seed)
    {
        var p = RandomProblem.Create(seed, maxMentees: 80, maxMentors: 50, minScore: -1000, maxScore: 1_000_000);

        foreach (var mode in new[] { ObjectiveMode.MostMatchedThenHighestScore, ObjectiveMode.HighestScore })
        {
            var solution = AssignmentSolver.Solve(p.ToProblem(s => s, mode, candidates: 2));

            Assert.True(solution.ProvenOptimal);
            Assert.Equal(OrToolsOptimum(p, mode), (solution.Matched, solution.Objective));
            BruteForceTests.AssertFeasible(p, solution.MentorOf);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_FloatScores_EqualsOrToolsMinCostFlow(int seed)
    {
        // Dyadic fractions (k / 1024) are exact in binary, so the oracle's integer costs lose nothing.
        var p = RandomProblem.Create(seed + 1000, maxMentees: 60, maxMentors: 60, minScore: -5000, maxScore: 200_000);

        foreach (var mode in new[] { ObjectiveMode.MostMatchedThenHighestScore, ObjectiveMode.HighestScore })
        {
            var solution = AssignmentSolver.Solve(p.ToProblem(s => s / 1024.0, mode, candidates: 3));

            var (matched, score) = OrToolsOptimum(p, mode);
            Assert.True(solution.ProvenOptimal);
            Assert.Equal(matched, solution.Matched);
            Assert.Equal(score / 1024.0, solution.Objective, 9);
            BruteForceTests.AssertFeasible(p, solution.MentorOf);
        }
    }

    // A search budget of zero or one sends (nearly) every row through the phases, one Dijkstra from all
    // free rows at once a phase, with integer and floating-point scores.
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_EveryRowInPhases_EqualsOrToolsMinCostFlow(int seed)
    {
        var p = RandomProblem.Create(seed + 2000, maxMentees: 80, maxMentors: 40, minScore: -1000, maxScore: 1_000_000);

        foreach (var mode in new[] { ObjectiveMode.MostMatchedThenHighestScore, ObjectiveMode.HighestScore })
        {
            var solution = AssignmentSolver.Solve(p.ToProblem(s => s, mode, candidates: 1 + (seed % 3), searchBudget: seed % 2));
            var floats = AssignmentSolver.Solve(p.ToProblem(s => s / 1024.0, mode, candidates: 2, searchBudget: 0));

            var (matched, score) = OrToolsOptimum(p, mode);
            Assert.True(solution.ProvenOptimal);
            Assert.Equal((matched, score), (solution.Matched, solution.Objective));
            BruteForceTests.AssertFeasible(p, solution.MentorOf);
            Assert.Equal(matched, floats.Matched);
            Assert.Equal(score / 1024.0, floats.Objective, 6);
        }
    }

    // Each mentee either takes a mentor arc or an "unmatched" arc straight to the sink; in the
    // most-matched mode that arc costs more than any score sum, so cardinality comes first.
    internal static (int Matched, long Score) OrToolsOptimum(RandomProblem p, ObjectiveMode mode)
    {
        int n = p.Mentees, m = p.Mentors, sink = n + m;
        long unmatchedCost = mode == ObjectiveMode.HighestScore ? 0 : (p.Scores.Sum(Math.Abs) + 1) * 4;
        var flow = new MinCostFlow();
        var caps = (int[])p.Capacities.Clone();
        long lockedScore = 0;
        foreach (var (i, j) in p.Locked)
        {
            caps[j]--;
            lockedScore += p.Score(i, j);
        }
        var lockedMentees = p.Locked.Select(l => l.Mentee).ToHashSet();
        int active = 0;
        for (int i = 0; i < n; i++)
        {
            if (lockedMentees.Contains(i))
                continue;
            active++;
            flow.SetNodeSupply(i, 1);
            flow.AddArcWithCapacityAndUnitCost(i, sink, 1, unmatchedCost);
            for (int j = 0; j < m; j++)
            {
                if (p.Allowed(i, j))
                    flow.AddArcWithCapacityAndUnitCost(i, n + j, 1, -p.Score(i, j));
            }
        }
        for (int j = 0; j < m; j++)
            flow.AddArcWithCapacityAndUnitCost(n + j, sink, caps[j], 0);
        flow.SetNodeSupply(sink, -active);
        Assert.Equal(MinCostFlowBase.Status.OPTIMAL, flow.Solve());
        int unmatched = 0;
        for (int a = 0; a < flow.NumArcs(); a++)
        {
            if (flow.Head(a) == sink && flow.Tail(a) < n)
                unmatched += (int)flow.Flow(a);
        }
        long score = -(flow.OptimalCost() - (unmatched * unmatchedCost));
        return (n - unmatched, score + lockedScore);
    }
}
