using Flipside.Matching.Assignment;
using Flipside.Matching.Profiles;

namespace Flipside.Matching.Tests.Profiles;

/// <summary>
/// A preview solves without explaining, so its answer must be the run's answer: the same pairs, total, unmatched
/// count and proof, in both objective modes, with locks, exclusions, zero capacities and weights that turn the
/// score keys off.
/// </summary>
public sealed class SolveTests
{
    public static TheoryData<int> Seeds => [.. Enumerable.Range(1, 24)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Solve_GivesTheSameOptimumAsMatch(int seed)
    {
        var weights = seed % 3 == 0 ? new ScoringWeights { SharedInterests = -2, CrossDepartment = 7 } : new ScoringWeights { Complementarity = seed % 10 };
        var request = RandomCohort.Create(seed, mentees: 30, mentors: 45, weights);
        var full = Matcher.Match(request);
        var locked = full.Pairings.Where((_, k) => k % 5 == 0).Select(p => new PairIds(p.MenteeId, p.MentorId)).ToList();
        request = request with { Locked = locked };

        foreach (var mode in new[] { ObjectiveMode.MostMatchedThenHighestScore, ObjectiveMode.HighestScore })
        {
            var each = request with { Rules = request.Rules with { Objective = mode } };
            var run = Matcher.Match(each);
            var preview = Matcher.Solve(each);

            Assert.Equal(run.TotalScore, preview.TotalScore);
            Assert.Equal(run.Unmatched.Count, preview.Unmatched);
            Assert.Equal(run.ProvenOptimal, preview.ProvenOptimal);
            Assert.Equal(run.Pairings.Select(p => new PairIds(p.MenteeId, p.MentorId)), preview.Pairs);
            Assert.All(locked, l => Assert.Contains(l, preview.Pairs));
        }
    }
}
