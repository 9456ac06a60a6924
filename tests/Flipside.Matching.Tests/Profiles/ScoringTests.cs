using Flipside.Matching.Profiles;
using Flipside.Matching.Scoring;

namespace Flipside.Matching.Tests.Profiles;

public class ScoringTests
{
    [Fact]
    public void Explain_MentorTeachesFirstGoal_NamesSkillLevelAndPriority()
    {
        var explanation = Matcher.Explain(A.Request([A.Mentee()], [A.Mentor()]), "leader", "maya");

        var part = explanation.Parts.Single(p => p.Fact is SkillForGoal);
        Assert.Equal(new SkillForGoal("Generative AI", 1, "Generative AI", 5), part.Fact);
        Assert.Equal(100, part.Points);
    }

    [Fact]
    public void Explain_LondonAndNewYorkOfficeHours_CountOverlapInUtc()
    {
        var explanation = Matcher.Explain(A.Request([A.Mentee()], [A.Mentor()]), "leader", "maya");

        // London 9–17 UTC and New York 14–22 UTC share 14–17: three hours a day, five days.
        var part = explanation.Parts.Single(p => p.Fact is SharedAvailability);
        Assert.Equal(new SharedAvailability(15 * 60, "London", "New York"), part.Fact);
    }

    [Fact]
    public void Explain_ShortOverlap_StatesTheHours()
    {
        var mentor = A.Mentor() with { Availability = WeekHours.FromLocal([9, 10, 11, 12], -5) };

        var part = Matcher.Explain(A.Request([A.Mentee()], [mentor]), "leader", "maya").Parts.Single(p => p.Fact is SharedAvailability);

        Assert.Equal(3 * 60, ((SharedAvailability)part.Fact).Minutes);
        Assert.Equal(75, part.Points);
    }

    [Fact]
    public void Explain_RelatedSkill_EarnsHalfCredit()
    {
        var rules = new ProgramRules { Taxonomy = new SkillTaxonomy(new Dictionary<string, string> { ["Generative AI"] = "AI", ["Machine Learning"] = "AI" }) };
        var mentor = A.Mentor() with { Skills = new Dictionary<string, int> { ["Machine Learning"] = 4 } };

        var part = Matcher.Explain(A.Request([A.Mentee()], [mentor], rules), "leader", "maya").Parts.Single(p => p.Fact is SkillForGoal);

        Assert.Equal(40, part.Points);
        Assert.Equal(new SkillForGoal("Generative AI", 1, "Machine Learning", 4), part.Fact);
        Assert.False(((SkillForGoal)part.Fact).Exact);
    }

    [Fact]
    public void Score_IsTheSumOfWeightedParts_AndZeroWeightTurnsAPartOff()
    {
        var on = Matcher.Explain(A.Request([A.Mentee()], [A.Mentor()]), "leader", "maya");
        var rules = new ProgramRules { Weights = new ScoringWeights { CrossDepartment = 0 } };
        var off = Matcher.Explain(A.Request([A.Mentee()], [A.Mentor()], rules), "leader", "maya");

        Assert.Equal(on.Parts.Sum(p => p.Weighted), on.Score);
        Assert.Equal(on.Score - 100, off.Score);
    }

    [Fact]
    public void Explain_SharedInterestsLanguageAndGenerations_AreGivenAsValues()
    {
        var mentee = A.Mentee() with { Interests = ["jazz", "cycling", "chess"] };
        var mentor = A.Mentor() with { Interests = ["cycling", "jazz"] };

        var parts = Matcher.Explain(A.Request([mentee], [mentor]), "leader", "maya").Parts;

        Assert.Equal(["cycling", "jazz"], parts.Select(p => p.Fact).OfType<SharedInterests>().Single().Interests);
        Assert.Equal(new Generations(Generation.BabyBoomer, Generation.GenZ), parts.Select(p => p.Fact).OfType<Generations>().Single());
        Assert.Equal(new SharedLanguage("English"), parts.Select(p => p.Fact).OfType<SharedLanguage>().Single());
    }

    [Fact]
    public void Explain_NoGoalTaught_AndClashingModes_AreFacts()
    {
        var mentee = A.Mentee() with { MeetingMode = MeetingMode.InPerson };
        var mentor = A.Mentor() with { Skills = new Dictionary<string, int> { ["Podcasting"] = 4 }, MeetingMode = MeetingMode.Video };

        var facts = Matcher.Explain(A.Request([mentee], [mentor]), "leader", "maya").Parts.Select(p => p.Fact).ToList();

        Assert.Single(facts.OfType<NoSkillForGoals>());
        Assert.Equal(new StyleMatch(4, 2, MeetingMode.InPerson, MeetingMode.Video, ModesClash: true), facts.OfType<StyleMatch>().Single());
        Assert.Equal(new Departments("Finance", "Engineering"), facts.OfType<Departments>().Single());
    }
}
