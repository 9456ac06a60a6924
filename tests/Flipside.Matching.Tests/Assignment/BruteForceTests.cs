using Flipside.Matching.Assignment;

namespace Flipside.Matching.Tests.Assignment;

public class BruteForceTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 150)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_SmallInstance_MatchesBruteForceInBothModes(int seed)
    {
        var p = RandomProblem.Create(seed, maxMentees: seed % 10 == 0 ? 8 : 6, maxMentors: seed % 10 == 0 ? 8 : 6);

        foreach (var mode in new[] { ObjectiveMode.MostMatchedThenHighestScore, ObjectiveMode.HighestScore })
        {
            var (bestMatched, bestScore) = BruteForce(p, mode);
            var solution = AssignmentSolver.Solve(p.ToProblem(s => s, mode, candidates: 1 + (seed % 3)));

            Assert.True(solution.ProvenOptimal);
            Assert.Equal(bestScore, solution.Objective);
            if (mode == ObjectiveMode.MostMatchedThenHighestScore)
                Assert.Equal(bestMatched, solution.Matched);
            AssertFeasible(p, solution.MentorOf);
            Assert.Equal(bestScore, Enumerable.Range(0, p.Mentees).Where(i => solution.MentorOf[i] >= 0).Sum(i => p.Score(i, solution.MentorOf[i])));
        }
    }

    internal static void AssertFeasible(RandomProblem p, IReadOnlyList<int> mentorOf)
    {
        var load = new int[p.Mentors];
        for (int i = 0; i < p.Mentees; i++)
        {
            if (mentorOf[i] < 0)
                continue;
            load[mentorOf[i]]++;
            Assert.True(p.Allowed(i, mentorOf[i]) || p.Locked.Contains((i, mentorOf[i])));
        }
        for (int j = 0; j < p.Mentors; j++)
            Assert.True(load[j] <= p.Capacities[j]);
        foreach (var (i, j) in p.Locked)
            Assert.Equal(j, mentorOf[i]);
    }

    private static (int Matched, long Score) BruteForce(RandomProblem p, ObjectiveMode mode)
    {
        var load = new int[p.Mentors];
        var lockedTo = new int[p.Mentees];
        Array.Fill(lockedTo, -1);
        foreach (var (i, j) in p.Locked)
            lockedTo[i] = j;
        (int, long) best = (-1, long.MinValue);

        void Visit(int i, int matched, long score)
        {
            if (i == p.Mentees)
            {
                bool better = mode == ObjectiveMode.HighestScore
                    ? score > best.Item2
                    : matched > best.Item1 || (matched == best.Item1 && score > best.Item2);
                if (better)
                    best = (matched, score);
                return;
            }
            if (lockedTo[i] >= 0)
            {
                Visit(i + 1, matched + 1, score + p.Score(i, lockedTo[i]));
                return;
            }
            Visit(i + 1, matched, score);
            for (int j = 0; j < p.Mentors; j++)
            {
                if (!p.Allowed(i, j) || load[j] + LockedOn(j) >= p.Capacities[j])
                    continue;
                load[j]++;
                Visit(i + 1, matched + 1, score + p.Score(i, j));
                load[j]--;
            }
        }

        int LockedOn(int j) => p.Locked.Count(l => l.Mentor == j);

        Visit(0, 0, 0);
        return best;
    }
}
