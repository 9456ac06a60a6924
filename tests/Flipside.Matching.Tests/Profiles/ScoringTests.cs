using Flipside.Matching.Profiles;

namespace Flipside.Matching.Tests.Profiles;

public class ScoringTests
{
    [Fact]
    public void Explain_MentorTeachesFirstGoal_SaysSoInWords()
    {
        var explanation = Matcher.Explain(A.Request([A.Mentee()], [A.Mentor()]), "leader", "maya");

        var part = explanation.Parts.Single(p => p.Name == "Complementarity");
        Assert.Equal("Maya teaches Generative AI at 5/5 — your first priority", part.Sentence);
        Assert.Equal(100, part.Points);
    }

    [Fact]
    public void Explain_LondonAndNewYorkOfficeHours_CountOverlapInUtc()
    {
        var explanation = Matcher.Explain(A.Request([A.Mentee()], [A.Mentor()]), "leader", "maya");

        // London 9–17 UTC and New York 14–22 UTC share 14–17: three hours a day, five days.
        var part = explanation.Parts.Single(p => p.Name == "Availability overlap");
        Assert.Equal("15 h a week overlap between London and New York", part.Sentence);
    }

    [Fact]
    public void Explain_ShortOverlap_StatesTheHours()
    {
        var mentor = A.Mentor() with { Availability = WeekHours.FromLocal([9, 10, 11, 12], -5) };

        var part = Matcher.Explain(A.Request([A.Mentee()], [mentor]), "leader", "maya").Parts.Single(p => p.Name == "Availability overlap");

        Assert.Equal("3 h a week overlap between London and New York", part.Sentence);
        Assert.Equal(75, part.Points);
    }

    [Fact]
    public void Explain_RelatedSkill_EarnsHalfCredit()
    {
        var rules = new ProgramRules { Taxonomy = new SkillTaxonomy(new Dictionary<string, string> { ["Generative AI"] = "AI", ["Machine Learning"] = "AI" }) };
        var mentor = A.Mentor() with { Skills = new Dictionary<string, int> { ["Machine Learning"] = 4 } };

        var part = Matcher.Explain(A.Request([A.Mentee()], [mentor], rules), "leader", "maya").Parts.Single(p => p.Name == "Complementarity");

        Assert.Equal(40, part.Points);
        Assert.Equal("Maya knows Machine Learning at 4/5, close to Generative AI — your first priority", part.Sentence);
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
    public void Explain_SharedInterestsAndGenerations_AreNamed()
    {
        var mentee = A.Mentee() with { Interests = ["jazz", "cycling", "chess"] };
        var mentor = A.Mentor() with { Interests = ["cycling", "jazz"] };

        var parts = Matcher.Explain(A.Request([mentee], [mentor]), "leader", "maya").Parts;

        Assert.Equal("You share 2 interests: cycling, jazz", parts.Single(p => p.Name == "Shared interests").Sentence);
        Assert.Equal("3 generations apart: BabyBoomer and GenZ", parts.Single(p => p.Name == "Generation gap").Sentence);
        Assert.Equal("You both speak English", parts.Single(p => p.Name == "Shared language").Sentence);
    }
}
