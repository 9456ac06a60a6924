using Flipside.Matching.Profiles;

namespace Flipside.Matching.Scoring;

/// <summary>One part of a pair's score and the fact it rests on.</summary>
public sealed record ScorePart(ExplanationFact Fact, int Points, int Weight)
{
    /// <summary>Points times weight: this part's share of the score.</summary>
    public long Weighted => (long)Points * Weight;
}

/// <summary>Gives a pair's score parts, each with the fact behind it, in a fixed order.</summary>
internal static class PairExplainer
{
    public static IReadOnlyList<ScorePart> Explain(CompiledCohort c, int i, int j)
    {
        var w = c.Rules.Weights;
        Participant mentee = c.Mentees[i], mentor = c.Mentors[j];
        var shared = mentee.Interests.Intersect(mentor.Interests).Order(StringComparer.Ordinal).ToList();
        var language = mentee.Languages.Intersect(mentor.Languages).Order(StringComparer.Ordinal).FirstOrDefault();
        return
        [
            new(BestSkill(c, mentee, mentor), c.Complementarity(i, j), w.Complementarity),
            new(new SharedInterests(shared), c.SharedInterests(i, j), w.SharedInterests),
            new(new StyleMatch(mentee.CommunicationStyle, mentor.CommunicationStyle, mentee.MeetingMode, mentor.MeetingMode, c.MeetingModesClash(i, j)),
                c.StyleFit(i, j), w.StyleFit),
            new(new SharedAvailability(c.OverlapMinutes(i, j), mentee.Location, mentor.Location), c.AvailabilityOverlap(i, j), w.AvailabilityOverlap),
            new(new SharedLanguage(language), c.SharedLanguage(i, j), w.SharedLanguage),
            new(new Departments(mentee.Department, mentor.Department), c.CrossDepartment(i, j), w.CrossDepartment),
            new(new Generations(mentee.Generation, mentor.Generation), c.GenerationGap(i, j), w.GenerationGap),
        ];
    }

    // The goal that contributes most: the mentor's own skill, else the closest related one; ties go to the
    // earlier goal, then the skill first in ordinal order.
    private static ExplanationFact BestSkill(CompiledCohort c, Participant mentee, Participant mentor)
    {
        ExplanationFact best = new NoSkillForGoals();
        int bestValue = 0;
        for (int g = 0; g < mentee.LearningGoals.Count; g++)
        {
            string goal = mentee.LearningGoals[g];
            int weight = mentee.LearningGoals.Count - g;
            if (mentor.Skills.TryGetValue(goal, out int level) && 2 * level * weight > bestValue)
            {
                bestValue = 2 * level * weight;
                best = new SkillForGoal(goal, g + 1, goal, level);
            }
            foreach (var (skill, related) in mentor.Skills.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                if (c.Rules.Taxonomy.Related(goal, skill) && related * weight > bestValue)
                {
                    bestValue = related * weight;
                    best = new SkillForGoal(goal, g + 1, skill, related);
                }
            }
        }
        return best;
    }
}
