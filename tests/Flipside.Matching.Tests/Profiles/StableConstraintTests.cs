using Flipside.Matching.Assignment;
using Flipside.Matching.Profiles;
using Flipside.Matching.Scoring;
using Flipside.Matching.Stable;

namespace Flipside.Matching.Tests.Profiles;

/// <summary>Stable matching under the program's hard constraints: rankings never override them.</summary>
public class StableConstraintTests
{
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 30)];

    public static TheoryData<string> Constraints() => ["grade", "department", "mentor manages mentee", "mentee manages mentor", "excluded", "repeat"];

    [Theory]
    [MemberData(nameof(Constraints))]
    public void StableMatch_MutualFirstChoiceThatBreaksAConstraint_IsNeverMade(string constraint)
    {
        var mentee = A.Mentee();
        var maya = A.Mentor();
        var request = A.Request([mentee], [maya, A.Mentor("zoe", "Zoe Li")]);
        request = constraint switch
        {
            "grade" => request with { Rules = new ProgramRules { MinGradeGap = 2 }, Mentors = [maya with { Grade = 9 }, A.Mentor("zoe", "Zoe Li")] },
            "department" => request with { Rules = new ProgramRules { AcrossDepartmentsOnly = true }, Mentors = [maya with { Department = "Finance" }, A.Mentor("zoe", "Zoe Li")] },
            "mentor manages mentee" => request with { Mentees = [mentee with { ManagerChain = ["boss", "maya"] }] },
            "mentee manages mentor" => request with { Mentors = [maya with { ManagerChain = ["lead", "leader"] }, A.Mentor("zoe", "Zoe Li")] },
            "excluded" => request with { Exclusions = [new PairIds("leader", "maya")] },
            _ => request with { PreviousPairings = [new PairIds("leader", "maya")] },
        };

        var result = StableMatcher.Match(request, [new Ranking("leader", ["maya", "zoe"])], [new Ranking("maya", ["leader"]), new Ranking("zoe", ["leader"])]);

        Assert.Equal("zoe", result.MentorOfMentee["leader"]);
        Assert.Empty(result.BlockingPairs);
        Assert.Equal(["ranks no eligible mentee who is free to be matched"], result.Unmatched.Single(u => u.PersonId == "maya").Reasons);
    }

    [Fact]
    public void StableMatch_LockedPair_StaysAndUsesTheMentorsCapacity()
    {
        var request = A.Request([A.Mentee("a"), A.Mentee("b")], [A.Mentor("maya")]) with { Locked = [new PairIds("b", "maya")] };

        var result = StableMatcher.Match(request, [new Ranking("a", ["maya"]), new Ranking("b", [])], [new Ranking("maya", ["a", "b"])]);

        Assert.Equal(new Dictionary<string, string> { ["b"] = "maya" }, result.MentorOfMentee);
        Assert.Empty(result.BlockingPairs);
        var a = Assert.Single(result.Unmatched);
        Assert.Equal(("a", true), (a.PersonId, a.IsMentee));
        Assert.Equal(["1 of the mentors who rank it back have no room (capacity 0 or taken by locked pairs)"], a.Reasons);
    }

    [Fact]
    public void Propose_GivesTheStableMatchingAsARunResult_ScoredExplainedAndLocksMarked()
    {
        var request = A.Request([A.Mentee("a"), A.Mentee("b"), A.Mentee("c")], [A.Mentor("maya"), A.Mentor("zoe", "Zoe Li")]) with { Locked = [new PairIds("b", "zoe")] };
        var mentees = new[] { new Ranking("a", ["zoe", "maya"]), new Ranking("b", []) };
        var mentors = new[] { new Ranking("maya", ["a"]), new Ranking("zoe", ["a", "b"]) };

        var result = StableMatcher.Propose(request, mentees, mentors);

        var stable = StableMatcher.Match(request, mentees, mentors);
        Assert.Equal(stable.MentorOfMentee.OrderBy(p => p.Key).ToList(), result.Pairings.Select(p => KeyValuePair.Create(p.MenteeId, p.MentorId)).ToList());
        Assert.Equal([("a", false), ("b", true)], result.Pairings.Select(p => (p.MenteeId, p.Locked)).ToList());
        Assert.All(result.Pairings, p => Assert.Equal(Matcher.Explain(request with { Locked = [] }, p.MenteeId, p.MentorId).Score, p.Score));
        Assert.Equal(result.Pairings.Sum(p => p.Score), result.TotalScore);
        Assert.False(result.ProvenOptimal);
        Assert.StartsWith("ranks none of its", Assert.Single(result.Unmatched.Single(u => u.PersonId == "c").Reasons), StringComparison.Ordinal);
    }

    [Fact]
    public void StableMatch_LockedPairBreakingAConstraint_IsRefused()
    {
        var request = A.Request([A.Mentee()], [A.Mentor()]) with { Exclusions = [new PairIds("leader", "maya")], Locked = [new PairIds("leader", "maya")] };

        var error = Assert.Throws<AssignmentException>(() => StableMatcher.Match(request, [], []));

        Assert.Contains("(leader, maya)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StableMatch_UnmatchedPeople_SayWhy()
    {
        var request = A.Request([A.Mentee("a"), A.Mentee("b"), A.Mentee("c"), A.Mentee("d") with { Grade = 1 }], [A.Mentor("r0"), A.Mentor("r1")]);

        var result = StableMatcher.Match(request,
            [new Ranking("a", ["r0"]), new Ranking("b", ["r0"]), new Ranking("c", ["r1"])],
            [new Ranking("r0", ["b", "a"]), new Ranking("r1", ["a"])]);

        Assert.Equal(new Dictionary<string, string> { ["b"] = "r0" }, result.MentorOfMentee);
        var reasons = result.Unmatched.ToDictionary(u => u.PersonId, u => u.Reasons);
        Assert.Equal(["a", "c", "d", "r1"], result.Unmatched.Select(u => u.PersonId));
        Assert.Equal(["1 of the mentors who rank it back are full with mentees they rank higher"], reasons["a"]);
        Assert.Equal(["none of the 1 eligible mentors it ranks ranks it back"], reasons["c"]);
        Assert.Equal("no eligible mentor", reasons["d"][0]);
        Assert.Equal(["none of the 1 eligible mentees it ranks ranks it back"], reasons["r1"]);
    }

    [Fact]
    public void StableMatch_RankingForSomeoneOutsideTheCohort_IsRefused()
    {
        var request = A.Request([A.Mentee()], [A.Mentor()]);

        var error = Assert.Throws<ArgumentException>(() => StableMatcher.Match(request, [new Ranking("ghost", ["maya"])], []));

        Assert.Contains("ghost", error.Message, StringComparison.Ordinal);
    }

    // Random cohorts with reporting lines, exclusions, repeats and locks, and random rankings over everyone:
    // every pair made is eligible or locked, capacities hold, locks stay, no eligible pair blocks, and
    // everyone is either paired or told why not.
    [Theory]
    [MemberData(nameof(Seeds))]
    public void StableMatch_RandomCohort_KeepsEveryConstraintAndHasNoEligibleBlockingPair(int seed)
    {
        var request = RandomCohort.Create(seed, mentees: 18, mentors: 12);
        var cohort = new CompiledCohort(request);
        var random = new Random(seed);
        var load = new int[cohort.Mentors.Length];
        var locks = new List<PairIds>();
        for (int i = 0; i < cohort.Mentees.Length; i++)
        {
            int j = random.Next(cohort.Mentors.Length);
            if (random.Next(5) == 0 && cohort.Eligible(i, j) && load[j] < cohort.Mentors[j].Capacity)
            {
                load[j]++;
                locks.Add(new PairIds(cohort.Mentees[i].Id, cohort.Mentors[j].Id));
            }
        }
        request = request with { Locked = locks };
        var menteeRankings = cohort.Mentees.Where(_ => random.Next(8) > 0)
            .Select(p => new Ranking(p.Id, [.. cohort.Mentors.Select(r => r.Id).OrderBy(_ => random.Next()).Take(random.Next(0, 10))])).ToList();
        var mentorRankings = cohort.Mentors.Where(_ => random.Next(8) > 0)
            .Select(p => new Ranking(p.Id, [.. cohort.Mentees.Select(r => r.Id).OrderBy(_ => random.Next()).Take(random.Next(0, 15))])).ToList();

        var result = StableMatcher.Match(request, menteeRankings, mentorRankings);

        int I(string id) => cohort.IndexOfMentee(id);
        int J(string id) => cohort.IndexOfMentor(id);
        Assert.All(result.MentorOfMentee, p => Assert.True(cohort.Eligible(I(p.Key), J(p.Value))));
        Assert.All(cohort.Mentors, m => Assert.True(result.MentorOfMentee.Values.Count(v => v == m.Id) <= m.Capacity));
        Assert.All(locks, l => Assert.Equal(l.MentorId, result.MentorOfMentee[l.MenteeId]));
        Assert.Empty(result.BlockingPairs);
        Assert.Empty(Blocking(cohort, request, menteeRankings, mentorRankings, result.MentorOfMentee));
        var people = result.MentorOfMentee.Keys.Concat(result.MentorOfMentee.Values).Concat(result.Unmatched.Select(u => u.PersonId)).ToHashSet();
        Assert.Equal(cohort.Mentees.Length + cohort.Mentors.Length, people.Count);
        Assert.All(result.Unmatched, u => Assert.NotEmpty(u.Reasons));
    }

    // An independent check: an eligible pair of people who are not locked, each ranking the other, where the mentee
    // prefers the mentor to what it got and the mentor has room or holds a free mentee it ranks lower.
    private static List<(string, string)> Blocking(CompiledCohort c, MatchRequest request, List<Ranking> mentees, List<Ranking> mentors,
        IReadOnlyDictionary<string, string> mentorOf)
    {
        var locked = request.Locked.Select(l => l.MenteeId).ToHashSet();
        var byMentor = mentors.ToDictionary(r => r.Id, r => r.Prefers);
        var blocking = new List<(string, string)>();
        foreach (var mentee in mentees.Where(r => !locked.Contains(r.Id)))
        {
            foreach (var mentor in mentee.Prefers.TakeWhile(m => !mentorOf.TryGetValue(mentee.Id, out var own) || own != m))
            {
                if (!c.Eligible(c.IndexOfMentee(mentee.Id), c.IndexOfMentor(mentor)) || !byMentor.TryGetValue(mentor, out var ranks) || !ranks.Contains(mentee.Id))
                    continue;
                var held = mentorOf.Where(p => p.Value == mentor).Select(p => p.Key).ToList();
                bool room = held.Count < c.Mentors[c.IndexOfMentor(mentor)].Capacity;
                bool displaces = held.Any(h => !locked.Contains(h) && (!ranks.Contains(h) || ranks.ToList().IndexOf(h) > ranks.ToList().IndexOf(mentee.Id)));
                if (room || displaces)
                    blocking.Add((mentee.Id, mentor));
            }
        }
        return blocking;
    }
}
