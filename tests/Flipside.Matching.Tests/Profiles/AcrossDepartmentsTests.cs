using Flipside.Matching.Profiles;

namespace Flipside.Matching.Tests.Profiles;

/// <summary>"Across departments only" is a hard rule, unlike the cross-department score part it sits beside.</summary>
public class AcrossDepartmentsTests
{
    [Fact]
    public void Match_AcrossDepartmentsOnly_NeverPairsInOneDepartmentEvenWhenItScoresBest()
    {
        var colleague = A.Mentor() with { Department = "Finance" };
        var elsewhere = A.Mentor("zoe", "Zoe Li") with { Skills = new Dictionary<string, int>() };

        var scored = Matcher.Match(A.Request([A.Mentee()], [colleague, elsewhere]));
        var ruled = Matcher.Match(A.Request([A.Mentee()], [colleague, elsewhere], new ProgramRules { AcrossDepartmentsOnly = true }));

        Assert.Equal("maya", scored.Pairings.Single().MentorId);
        Assert.Equal("zoe", ruled.Pairings.Single().MentorId);
    }

    [Fact]
    public void Match_AcrossDepartmentsOnly_WithOnlyColleagues_SaysWhyNobodyIsEligible()
    {
        var result = Matcher.Match(A.Request([A.Mentee()], [A.Mentor() with { Department = "Finance" }], new ProgramRules { AcrossDepartmentsOnly = true }));

        Assert.Empty(result.Pairings);
        Assert.Equal(["no eligible mentor", "1 are in the same department (Finance), and the program pairs across departments only"],
            result.Unmatched.Single(u => u.IsMentee).Reasons);
    }

    [Fact]
    public void Explain_AcrossDepartmentsOnly_NamesTheRule()
    {
        var request = A.Request([A.Mentee()], [A.Mentor() with { Department = "Finance" }], new ProgramRules { AcrossDepartmentsOnly = true });

        var explanation = Matcher.Explain(request, "leader", "maya");

        Assert.False(explanation.Eligible);
        Assert.Equal(["both in Finance, and the program pairs across departments only"], explanation.Constraints);
    }

    [Fact]
    public void ProgramRules_StartWithTheSharedDefaultGradeGap()
    {
        Assert.Equal(ProgramRules.DefaultMinGradeGap, new ProgramRules().MinGradeGap);
        Assert.Equal(2, ProgramRules.DefaultMinGradeGap);
    }
}
