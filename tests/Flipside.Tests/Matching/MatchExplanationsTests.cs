using Flipside.Features.Matching;
using Flipside.Matching;
using Flipside.Matching.Profiles;
using Flipside.Matching.Scoring;

namespace Flipside.Tests.Matching;

/// <summary>The engine's facts worded for each reader, never telling a reader what they may not see.</summary>
public class MatchExplanationsTests
{
    private static readonly string[] GenerationWords = ["generation", "Boomer", "GenX", "Millennial", "GenZ", "born", "age"];

    // Helen, a Baby Boomer in Finance, wants Generative AI; Maya, Gen Z in Engineering, teaches it. Both speak Spanish.
    private static IReadOnlyList<ScorePart> Parts(ScoringWeights? weights = null)
    {
        var helen = new Participant("helen", "Helen Park")
        {
            Grade = 9, Department = "Finance", Location = "London", Generation = Generation.BabyBoomer, LearningGoals = ["Generative AI"],
            Languages = ["English", "Spanish"], Interests = ["jazz", "sailing"], Availability = WeekHours.FromLocal([9, 10, 11], 0),
        };
        var maya = new Participant("maya", "Maya Chen")
        {
            Grade = 3, Department = "Engineering", Location = "Madrid", Generation = Generation.GenZ, Skills = new Dictionary<string, int> { ["Generative AI"] = 5 },
            Languages = ["Spanish"], Interests = ["jazz"], Availability = WeekHours.FromUtcSpans([((10 * 60) + 30, 120)]),
        };
        var request = new MatchRequest([helen], [maya], new ProgramRules { Weights = weights ?? new ScoringWeights() });
        return Matcher.Explain(request, "helen", "maya").Parts;
    }

    private static IReadOnlyList<string> For(Audience audience, ScoringWeights? weights = null) =>
        MatchExplanations.For(audience, "Helen Park", "Maya Chen", Parts(weights));

    [Theory]
    [InlineData(Audience.Mentee)]
    [InlineData(Audience.Mentor)]
    [InlineData(Audience.ProgramManager)]
    public void For_AnyoneButAnAdministrator_NeverReadsGeneration(Audience audience)
    {
        Assert.Contains(Parts(), p => p.Fact is Generations && p.Points > 0);

        var sentences = For(audience);

        Assert.NotEmpty(sentences);
        Assert.All(sentences, s => Assert.DoesNotContain(GenerationWords, w => s.Contains(w, StringComparison.OrdinalIgnoreCase)));
    }

    [Fact]
    public void For_Administrator_ReadsTheGenerationGap()
    {
        Assert.Contains("Helen Park and Maya Chen are 3 generations apart: BabyBoomer and GenZ.", For(Audience.Administrator));
    }

    [Fact]
    public void For_Mentee_SpeaksToThemAndNamesTheMentor()
    {
        Assert.Equal(
        [
            "Maya teaches Generative AI at 5/5, your first priority.",
            "You both enjoy jazz.",
            "Your communication styles match.",
            "You are both free 1 h 30 min a week.",
            "You both speak Spanish.",
            "You bring two departments together: Finance and Engineering.",
        ], For(Audience.Mentee));
    }

    [Fact]
    public void For_Mentor_SaysWhatTheLeaderWantsAndThatTheyTeachIt()
    {
        var sentences = For(Audience.Mentor);

        Assert.Equal("Helen wants to learn Generative AI (first priority); you teach it.", sentences[0]);
        Assert.Contains("You both speak Spanish.", sentences);
    }

    [Fact]
    public void For_ProgramManager_WritesInTheThirdPersonWithFullNames()
    {
        var sentences = For(Audience.ProgramManager);

        Assert.Equal("Maya Chen teaches Generative AI at 5/5, Helen Park's first priority.", sentences[0]);
        Assert.Contains("1 h 30 min a week in common between London and Madrid.", sentences);
        Assert.Contains("Helen Park and Maya Chen both speak Spanish.", sentences);
        Assert.All(sentences, s => Assert.DoesNotContain("you", s.Split(' ', StringSplitOptions.None).Select(w => w.ToLowerInvariant())));
    }

    [Fact]
    public void For_PartTheProgramWeighsAtZero_IsLeftOut()
    {
        var sentences = For(Audience.ProgramManager, new ScoringWeights { SharedLanguage = 0 });

        Assert.DoesNotContain(sentences, s => s.Contains("speak", StringComparison.Ordinal));
    }

    [Fact]
    public void For_Partners_AreNotToldWhatThePairLacks()
    {
        var facts = new ScorePart[] { new(new NoSkillForGoals(), 0, 5), new(new SharedLanguage(null), 0, 1), new(new SharedInterests([]), 0, 2) };

        Assert.Empty(MatchExplanations.For(Audience.Mentee, "Helen Park", "Maya Chen", facts));
        Assert.Equal(["Maya Chen teaches none of Helen Park's learning goals.", "No language in common.", "Helen Park and Maya Chen have no interests in common yet."],
            MatchExplanations.For(Audience.ProgramManager, "Helen Park", "Maya Chen", facts));
    }

    [Fact]
    public void For_ClashingMeetingModes_TellEachPartnerBothPreferences()
    {
        var clash = new ScorePart[] { new(new StyleMatch(4, 2, MeetingMode.InPerson, MeetingMode.Video, ModesClash: true), 25, 2) };

        Assert.Equal(["Your communication styles are 2 points apart on a 5-point scale; you prefer to meet by video, Helen in person."],
            MatchExplanations.For(Audience.Mentor, "Helen Park", "Maya Chen", clash));
    }
}
