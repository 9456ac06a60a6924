using Flipside.Matching.Assignment;
using Flipside.Matching.Profiles;

namespace Flipside.Matching.Tests.Profiles;

/// <summary>The reasons an unmatched person gets must be true: a program manager acts on them.</summary>
public class UnmatchedReasonTests
{
    [Fact]
    public void Match_EligibleMentorsAllWithCapacityZero_SaysNoneHasRoom()
    {
        var result = Matcher.Match(A.Request([A.Mentee()], [A.Mentor() with { Capacity = 0 }, A.Mentor("zoe", "Zoe Li") with { Capacity = 0 }]));

        var reasons = result.Unmatched.Single(u => u.IsMentee).Reasons;
        Assert.Equal(["no eligible mentor has room (capacity 0 for all 2)"], reasons);
    }

    [Fact]
    public void Match_OneEligibleMentorFullAndOneWithCapacityZero_CountsThemApart()
    {
        var result = Matcher.Match(A.Request([A.Mentee("a"), A.Mentee("b")], [A.Mentor(), A.Mentor("zoe", "Zoe Li") with { Capacity = 0 }]));

        var reasons = result.Unmatched.Single(u => u.IsMentee).Reasons;
        Assert.Equal(["all 1 eligible mentors with room are taken by pairings that match more people or score higher",
            "1 more eligible mentor has capacity 0"], reasons);
    }

    // Highest-score mode leaves a mentee out when every pair it could make scores 0 or less, though mentors are free.
    [Fact]
    public void Match_HighestScoreWithOnlyNegativePairs_SaysPairingWouldNotRaiseTheTotal()
    {
        var rules = new ProgramRules
        {
            Objective = ObjectiveMode.HighestScore,
            Weights = new ScoringWeights { Complementarity = 0, SharedInterests = 0, StyleFit = 0, AvailabilityOverlap = 0, SharedLanguage = 0, CrossDepartment = -1, GenerationGap = 0 },
        };

        var result = Matcher.Match(A.Request([A.Mentee()], [A.Mentor()], rules));

        Assert.Empty(result.Pairings);
        var mentee = result.Unmatched.Single(u => u.IsMentee);
        Assert.Equal(["pairing would not raise the total score: 1 eligible mentor with room left, none scoring above 0 with this mentee"], mentee.Reasons);
        var mentor = result.Unmatched.Single(u => !u.IsMentee);
        Assert.Equal(["1 unmatched mentees are eligible, but pairing with them would not raise the total score"], mentor.Reasons);
    }

    [Fact]
    public void Match_HighestScoreWithTheGoodMentorTakenAndAPoorOneFree_GivesBothReasons()
    {
        var rules = new ProgramRules
        {
            Objective = ObjectiveMode.HighestScore,
            Weights = new ScoringWeights { Complementarity = 5, SharedInterests = 0, StyleFit = 0, AvailabilityOverlap = 0, SharedLanguage = 0, CrossDepartment = -10, GenerationGap = 0 },
        };
        var maya = A.Mentor() with { Department = "Finance" };
        var zoe = A.Mentor("zoe", "Zoe Li") with { Skills = new Dictionary<string, int>() };

        var result = Matcher.Match(A.Request([A.Mentee("a"), A.Mentee("b")], [maya, zoe], rules));

        Assert.Equal(("a", "maya"), result.Pairings.Select(p => (p.MenteeId, p.MentorId)).Single());
        Assert.Equal(["pairing would not raise the total score: 1 eligible mentor with room left, none scoring above 0 with this mentee",
            "1 other eligible mentor is taken by pairings that score higher"], result.Unmatched.Single(u => u.IsMentee).Reasons);
    }
}
