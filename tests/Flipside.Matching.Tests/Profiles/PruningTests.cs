using Flipside.Matching.Assignment;
using Flipside.Matching.Profiles;
using Flipside.Matching.Scoring;
using Flipside.Matching.Tests.Assignment;

namespace Flipside.Matching.Tests.Profiles;

/// <summary>
/// The candidate collection from profiles scores only the mentors whose bound can still make a mentee's
/// cut and skips the rest with that bound. These tests fail if a skipped pair could score more than the
/// bound says, if the kept candidates are not the true best, or if the eligible count drifts.
/// </summary>
public class PruningTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    // Default weights use the vector keys; a negative weight, or weights whose scores overflow 16 bits,
    // fall back to scoring every eligible pair.
    public static TheoryData<int, int> SeedsAndWeights()
    {
        var data = new TheoryData<int, int>();
        foreach (int seed in Enumerable.Range(1, 12))
        {
            foreach (int variant in Enumerable.Range(0, 4))
                data.Add(seed, variant);
        }
        return data;
    }

    private static ScoringWeights Weights(int variant, int seed) => variant switch
    {
        0 => new ScoringWeights(),
        1 => new ScoringWeights { Complementarity = seed % 4, SharedInterests = 0, StyleFit = 7, AvailabilityOverlap = seed % 3, GenerationGap = 3 },
        2 => new ScoringWeights { GenerationGap = -2 },
        _ => new ScoringWeights { Complementarity = 700 },
    };

    [Theory]
    [MemberData(nameof(SeedsAndWeights))]
    public void OfferMentors_KeepsTheTrueBestAndBoundsEverySkippedPair(int seed, int variant)
    {
        var cohort = new CompiledCohort(RandomCohort.Create(seed, mentees: 20, mentors: 70, Weights(variant, seed)));
        var collector = new CandidateCollector<long>();
        int skipped = 0;
        for (int i = 0; i < cohort.Mentees.Length; i++)
        {
            var eligible = Enumerable.Range(0, cohort.Mentors.Length)
                .Where(j => !cohort.GradeGapFails(i, j) && !cohort.SameDepartmentFails(i, j) && !cohort.InReportingLine(i, j) && !cohort.Blocked(i, j))
                .Select(j => (Mentor: j, Score: cohort.Score(i, j)))
                .OrderByDescending(p => p.Score).ThenBy(p => p.Mentor).ToList();
            foreach (int limit in new[] { 1, 4 })
            {
                collector.Reset(limit);
                cohort.OfferMentors(i, collector);

                Assert.Equal(eligible.Count, collector.Eligible);
                var (mentors, scores) = collector.TakeKept();
                var best = eligible.Take(limit).OrderBy(p => p.Mentor).ToList();
                Assert.Equal(best.Select(p => p.Mentor), mentors);
                Assert.Equal(best.Select(p => p.Score), scores);
                Assert.Equal(eligible.Count > limit, collector.LeftSomeOut);
                if (eligible.Count > limit)
                    Assert.True(collector.Bound >= eligible[limit].Score, $"mentee {i}: bound {collector.Bound} below a left-out score {eligible[limit].Score}");
                skipped += collector.Skipped;
            }
        }
        if (variant < 2)
            Assert.True(skipped > 0, "the keys skipped no pair, so the bound went untested");
        else
            Assert.Equal(0, skipped);
    }

    // From profiles, with locked pairs, in both objective modes: the optimum equals OR-Tools over all pairs, and
    // every pairing returned is eligible or locked, no mentor is over capacity and every lock stays.
    [Theory]
    [MemberData(nameof(Seeds))]
    public void Match_FewCandidates_EqualsOrToolsOverAllPairs(int seed)
    {
        var request = RandomCohort.Create(seed, mentees: 25, mentors: 40);
        var cohort = new CompiledCohort(request);
        int n = cohort.Mentees.Length, m = cohort.Mentors.Length;
        var random = new Random(seed);
        var load = new int[m];
        var locked = new List<(int Mentee, int Mentor)>();
        for (int i = 0; i < n; i++)
        {
            int j = random.Next(m);
            if (random.Next(6) == 0 && cohort.Eligible(i, j) && load[j] < cohort.Mentors[j].Capacity)
            {
                load[j]++;
                locked.Add((i, j));
            }
        }
        request = request with { Locked = [.. locked.Select(l => new PairIds(cohort.Mentees[l.Mentee].Id, cohort.Mentors[l.Mentor].Id))] };
        var problem = new RandomProblem
        {
            Mentees = n,
            Mentors = m,
            Scores = [.. from i in Enumerable.Range(0, n) from j in Enumerable.Range(0, m) select cohort.Score(i, j)],
            Forbidden = [.. from i in Enumerable.Range(0, n) from j in Enumerable.Range(0, m) select !cohort.Eligible(i, j)],
            Capacities = [.. cohort.Mentors.Select(p => p.Capacity)],
            Locked = locked,
        };

        foreach (var mode in new[] { ObjectiveMode.MostMatchedThenHighestScore, ObjectiveMode.HighestScore })
        {
            var result = Matcher.Match(request with { Rules = request.Rules with { Objective = mode } });

            Assert.True(result.ProvenOptimal);
            var (matched, score) = OrToolsOracleTests.OrToolsOptimum(problem, mode);
            Assert.Equal(score, result.TotalScore);
            if (mode == ObjectiveMode.MostMatchedThenHighestScore)
                Assert.Equal(matched, result.Pairings.Count);   // in highest-score mode a pair scoring 0 may go either way
            var mentorOf = new int[n];
            Array.Fill(mentorOf, -1);
            foreach (var p in result.Pairings)
            {
                int i = cohort.IndexOfMentee(p.MenteeId), j = cohort.IndexOfMentor(p.MentorId);
                Assert.Equal(-1, mentorOf[i]);
                mentorOf[i] = j;
                Assert.True(cohort.Eligible(i, j), $"{p.MenteeId} and {p.MentorId} are not an eligible pair");
                Assert.Equal(locked.Contains((i, j)), p.Locked);
                Assert.Equal(cohort.Score(i, j), p.Score);
            }
            BruteForceTests.AssertFeasible(problem, mentorOf);
            Assert.Equal(n + m, result.Pairings.Count + result.Pairings.Select(p => p.MentorId).Distinct().Count() + result.Unmatched.Count);
        }
    }
}
