using Flipside.Matching.Assignment;
using Flipside.Matching.Profiles;

namespace Flipside.Matching.Tests.Profiles;

public class ConstraintTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Match_MentorManagesMenteeAtAnyDepth_NeverPairs(int depth)
    {
        var chain = Enumerable.Range(1, depth - 1).Select(k => $"mid{k}").Append("maya").ToList();
        var result = Matcher.Match(A.Request([A.Mentee() with { ManagerChain = chain }], [A.Mentor()]));

        Assert.Empty(result.Pairings);
        Assert.Contains("no eligible mentor", result.Unmatched.Single(u => u.IsMentee).Reasons);
    }

    [Fact]
    public void Match_MenteeManagesMentorAtAnyDepth_NeverPairs()
    {
        var mentor = A.Mentor() with { ManagerChain = ["lead", "director", "leader", "ceo"] };

        var explanation = Matcher.Explain(A.Request([A.Mentee()], [mentor]), "leader", "maya");

        Assert.False(explanation.Eligible);
        Assert.Contains("inside a reporting line", explanation.Constraints);
    }

    [Fact]
    public void Match_MenteeManagesMentorAtAnyDepth_NeverPairsInTheMatch()
    {
        var mentor = A.Mentor() with { ManagerChain = ["lead", "director", "leader", "ceo"] };
        var other = A.Mentor("zoe", "Zoe Li") with { Skills = new Dictionary<string, int>() };

        var alone = Matcher.Match(A.Request([A.Mentee()], [mentor]));
        var withOther = Matcher.Match(A.Request([A.Mentee()], [mentor, other]));

        Assert.Empty(alone.Pairings);
        Assert.Equal(["no eligible mentor", "1 are in the same reporting line"], alone.Unmatched.Single(u => u.IsMentee).Reasons);
        Assert.Equal(("leader", "zoe"), withOther.Pairings.Select(p => (p.MenteeId, p.MentorId)).Single());
    }

    // Four identical mentees for two identical seats: the tie goes to the lowest ids, whatever the input order.
    [Theory]
    [InlineData(ObjectiveMode.MostMatchedThenHighestScore)]
    [InlineData(ObjectiveMode.HighestScore)]
    public void Match_OverSubscribedTie_GoesToTheLowestIdsInAnyInputOrder(ObjectiveMode mode)
    {
        var mentees = new[] { "m2", "m0", "m3", "m1" }.Select(id => A.Mentee(id)).ToList();
        var mentors = new[] { "r1", "r0" }.Select(id => A.Mentor(id)).ToList();
        var rules = new ProgramRules { Objective = mode };

        foreach (var result in new[] { Matcher.Match(A.Request(mentees, mentors, rules)), Matcher.Match(A.Request([.. Enumerable.Reverse(mentees)], [.. Enumerable.Reverse(mentors)], rules)) })
        {
            Assert.Equal([("m0", "r0"), ("m1", "r1")], result.Pairings.Select(p => (p.MenteeId, p.MentorId)));
            Assert.Equal(["m2", "m3"], result.Unmatched.Select(u => u.PersonId));
            Assert.All(result.Unmatched, u => Assert.True(u.IsMentee));
        }
    }

    [Fact]
    public void Match_GradeGapBelowRule_IsIneligible()
    {
        var result = Matcher.Match(A.Request([A.Mentee() with { Grade = 4 }], [A.Mentor()], new ProgramRules { MinGradeGap = 2 }));

        Assert.Empty(result.Pairings);
        Assert.Contains(result.Unmatched[0].Reasons, r => r.Contains("grade", StringComparison.Ordinal));
    }

    [Fact]
    public void Match_ExcludedPair_IsNeverMade()
    {
        var request = A.Request([A.Mentee()], [A.Mentor(), A.Mentor("zoe", "Zoe Li") with { Skills = new Dictionary<string, int>() }])
            with
        { Exclusions = [new PairIds("leader", "maya")] };

        Assert.Equal("zoe", Matcher.Match(request).Pairings.Single().MentorId);
    }

    [Fact]
    public void Match_APersonOnBothSides_IsNeverTheirOwnPair()
    {
        // Sam mentors up and is mentored down in the same cohort; with no grade gap, only the id keeps Sam from Sam.
        var sam = A.Mentor("sam", "Sam Ode") with { Grade = 5 };
        var request = A.Request([A.Mentee("sam", "Sam Ode") with { Grade = 5 }], [sam, A.Mentor("zoe", "Zoe Li") with { Skills = new Dictionary<string, int>() }],
            new ProgramRules { MinGradeGap = 0 });

        Assert.Equal("zoe", Matcher.Match(request).Pairings.Single().MentorId);
        var locked = Assert.Throws<AssignmentException>(() => Matcher.Match(request with { Locked = [new PairIds("sam", "sam")] }));
        Assert.Contains("the same person on both sides", locked.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_EarlierPairing_RepeatsOnlyWhenAllowed()
    {
        var request = A.Request([A.Mentee()], [A.Mentor(), A.Mentor("zoe", "Zoe Li") with { Skills = new Dictionary<string, int>() }])
            with
        { PreviousPairings = [new PairIds("leader", "maya")] };

        Assert.Equal("zoe", Matcher.Match(request).Pairings.Single().MentorId);
        Assert.Equal("maya", Matcher.Match(request with { Rules = new ProgramRules { AllowRepeatPairings = true } }).Pairings.Single().MentorId);
    }

    [Fact]
    public void Match_LockedPair_StaysEvenWhenAnotherScoresHigher()
    {
        var zoe = A.Mentor("zoe", "Zoe Li") with { Skills = new Dictionary<string, int>() };
        var request = A.Request([A.Mentee()], [A.Mentor(), zoe]) with { Locked = [new PairIds("leader", "zoe")] };

        var pairing = Matcher.Match(request).Pairings.Single();

        Assert.Equal("zoe", pairing.MentorId);
        Assert.True(pairing.Locked);
    }

    public static TheoryData<string, string> LocksBreakingAConstraint() => new()
    {
        { "grade", "grade gap below 2" },
        { "department", "both in Finance, and the program pairs across departments only" },
        { "mentor manages mentee", "inside a reporting line" },
        { "mentee manages mentor", "inside a reporting line" },
        { "excluded", "explicitly excluded" },
        { "repeat", "paired before" },
    };

    // A lock is a program manager's decision, but it must not break a hard rule: the error names the pair and the rule.
    [Theory]
    [MemberData(nameof(LocksBreakingAConstraint))]
    public void Match_LockedPairBreakingAHardConstraint_IsRefusedNamingThePairAndTheRule(string constraint, string words)
    {
        var mentee = A.Mentee();
        var maya = A.Mentor();
        var request = A.Request([mentee, A.Mentee("other")], [maya, A.Mentor("zoe", "Zoe Li")]);
        request = constraint switch
        {
            "grade" => request with { Rules = new ProgramRules { MinGradeGap = 2 }, Mentors = [maya with { Grade = 9 }] },
            "department" => request with { Rules = new ProgramRules { AcrossDepartmentsOnly = true }, Mentors = [maya with { Department = "Finance" }] },
            "mentor manages mentee" => request with { Mentees = [mentee with { ManagerChain = ["boss", "maya"] }] },
            "mentee manages mentor" => request with { Mentors = [maya with { ManagerChain = ["lead", "director", "leader"] }] },
            "excluded" => request with { Exclusions = [new PairIds("leader", "maya")] },
            _ => request with { PreviousPairings = [new PairIds("leader", "maya")] },
        };
        request = request with { Locked = [new PairIds("leader", "maya")] };

        var error = Assert.Throws<AssignmentException>(() => Matcher.Match(request));

        Assert.Contains("(leader, maya)", error.Message, StringComparison.Ordinal);
        Assert.Contains(words, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_LockedRepeat_StaysWhenRepeatsAreAllowed()
    {
        var request = A.Request([A.Mentee()], [A.Mentor()], new ProgramRules { AllowRepeatPairings = true }) with
        {
            PreviousPairings = [new PairIds("leader", "maya")],
            Locked = [new PairIds("leader", "maya")],
        };

        Assert.True(Matcher.Match(request).Pairings.Single().Locked);
    }

    // The solver knows people only by their index in id order; a lock error names them by id instead.
    [Fact]
    public void Match_LocksOverAMentorsCapacity_NameTheMentorById()
    {
        var mentors = Enumerable.Range(0, 5).Select(k => A.Mentor($"r{k}")).ToList();
        var request = A.Request([A.Mentee("a"), A.Mentee("b")], mentors) with
        {
            Locked = [new PairIds("a", "r3"), new PairIds("b", "r3")],
        };

        var error = Assert.Throws<AssignmentException>(() => Matcher.Match(request));

        Assert.Contains("capacity of mentor r3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_MenteeLockedToTwoMentors_NamesThemById()
    {
        var request = A.Request([A.Mentee("a")], [A.Mentor("r0"), A.Mentor("r1")]) with
        {
            Locked = [new PairIds("a", "r1"), new PairIds("a", "r0")],
        };

        var error = Assert.Throws<AssignmentException>(() => Matcher.Match(request));

        Assert.Equal("mentee a is locked to more than one mentor (r1, r0)", error.Message);
    }

    [Fact]
    public void Match_NoMentors_LeavesEveryMenteeWithTheReason()
    {
        var result = Matcher.Match(A.Request([A.Mentee("a"), A.Mentee("b")], []));

        Assert.Empty(result.Pairings);
        Assert.All(result.Unmatched, u => Assert.Equal(["no mentors in the cohort"], u.Reasons));
        Assert.True(result.ProvenOptimal);
    }

    [Fact]
    public void Solve_WhenMentorFull_ReportsReason()
    {
        var result = Matcher.Match(A.Request([A.Mentee("a"), A.Mentee("b")], [A.Mentor()]));

        var left = result.Unmatched.Single(u => u.IsMentee);
        Assert.Contains("all 1 eligible mentors are taken", left.Reasons[0], StringComparison.Ordinal);
        Assert.Single(result.Pairings);
    }

    [Fact]
    public void Match_SameCohortInAnyOrder_GivesTheSamePairings()
    {
        var mentees = Enumerable.Range(0, 6).Select(k => A.Mentee($"m{k}")).ToList();
        var mentors = Enumerable.Range(0, 4).Select(k => A.Mentor($"r{k}") with { Capacity = 2 }).ToList();

        var forward = Matcher.Match(A.Request(mentees, mentors));
        var backward = Matcher.Match(A.Request([.. Enumerable.Reverse(mentees)], [.. Enumerable.Reverse(mentors)]));

        Assert.Equal(forward.Pairings.Select(p => (p.MenteeId, p.MentorId)), backward.Pairings.Select(p => (p.MenteeId, p.MentorId)));
        Assert.True(forward.ProvenOptimal);
    }

    // Two people with one id would make the outcome depend on input order; refused whatever the order.
    [Theory]
    [InlineData(true, false)]
    [InlineData(true, true)]
    [InlineData(false, false)]
    [InlineData(false, true)]
    public void Match_DuplicateParticipantId_IsRefusedNamingTheId(bool mentees, bool reversed)
    {
        List<Participant> twins = mentees
            ? [A.Mentee("a"), A.Mentee("twin", "First Twin"), A.Mentee("twin", "Second Twin") with { Grade = 12 }]
            : [A.Mentor("r"), A.Mentor("twin", "First Twin"), A.Mentor("twin", "Second Twin") with { Grade = 1 }];
        if (reversed)
            twins.Reverse();
        var request = mentees ? A.Request(twins, [A.Mentor()]) : A.Request([A.Mentee()], twins);
        request = request with { Exclusions = [new PairIds("a", "r")] };

        var error = Assert.Throws<ArgumentException>(() => Matcher.Match(request));

        Assert.Equal($"{(mentees ? "mentee" : "mentor")} id twin appears more than once; every {(mentees ? "mentee" : "mentor")} needs an id of their own", error.Message);
        Assert.Throws<ArgumentException>(() => Matcher.Explain(request, mentees ? "a" : "leader", mentees ? "maya" : "r"));
    }

    [Fact]
    public void Match_NegativeCapacity_IsRefusedNamingTheMentor()
    {
        var mentors = Enumerable.Range(0, 4).Select(k => A.Mentor($"r{k}")).Append(A.Mentor("odd") with { Capacity = -1 }).ToList();

        var error = Assert.Throws<ArgumentException>(() => Matcher.Match(A.Request([A.Mentee()], mentors)));

        Assert.Equal("mentor odd has a negative capacity (-1)", error.Message);
    }

    [Fact]
    public void StableMatch_DuplicateRankingId_IsRefusedNamingTheId()
    {
        var error = Assert.Throws<ArgumentException>(() => Stable.StableMatcher.Match(
            [new Stable.Ranking("a", ["x"]), new Stable.Ranking("a", [])], [new Stable.Ranking("x", ["a"])]));

        Assert.StartsWith("mentee id a appears more than once", error.Message, StringComparison.Ordinal);
    }
}
