using Flipside.Matching.Profiles;

namespace Flipside.Matching.Scoring;

/// <summary>One named part of a pair's score, with a sentence a person can read.</summary>
public sealed record ScorePart(string Name, int Points, int Weight, string Sentence)
{
    /// <summary>Points times weight: this part's share of the score.</summary>
    public long Weighted => (long)Points * Weight;
}

/// <summary>Turns a pair's score parts into sentences addressed to the mentee.</summary>
internal static class PairExplainer
{
    private static readonly string[] Ordinals = ["first", "second", "third", "fourth", "fifth"];

    public static IReadOnlyList<ScorePart> Explain(CompiledCohort c, int i, int j)
    {
        var w = c.Rules.Weights;
        Participant mentee = c.Mentees[i], mentor = c.Mentors[j];
        string name = mentor.Name.Split(' ')[0];
        int hours = c.OverlapHours(i, j);
        int style = Math.Abs(mentee.CommunicationStyle - mentor.CommunicationStyle);
        var shared = mentee.Interests.Intersect(mentor.Interests).Order(StringComparer.Ordinal).ToList();
        var language = mentee.Languages.Intersect(mentor.Languages).Order(StringComparer.Ordinal).FirstOrDefault();
        return
        [
            new("Complementarity", c.Complementarity(i, j), w.Complementarity, Complementarity(c, mentee, mentor, name)),
            new("Shared interests", c.SharedInterests(i, j), w.SharedInterests, shared.Count == 0
                ? "No interests in common yet"
                : $"You share {Count(shared.Count, "interest")}: {string.Join(", ", shared)}"),
            new("Style fit", c.StyleFit(i, j), w.StyleFit, (style == 0 ? "Same communication style" : $"Communication styles {Count(style, "point")} apart on a 5-point scale")
                + (c.MeetingModesClash(i, j) ? $"; meeting preferences clash ({mentee.MeetingMode} and {mentor.MeetingMode})" : "")),
            new("Availability overlap", c.AvailabilityOverlap(i, j), w.AvailabilityOverlap,
                $"{hours} h a week overlap between {Place(mentee)} and {Place(mentor)}"),
            new("Shared language", c.SharedLanguage(i, j), w.SharedLanguage,
                language is null ? "No language in common" : $"You both speak {language}"),
            new("Cross-department", c.CrossDepartment(i, j), w.CrossDepartment, mentee.Department == mentor.Department
                ? $"Both in {mentee.Department}"
                : $"Crosses departments: {mentee.Department} and {mentor.Department}"),
            new("Generation gap", c.GenerationGap(i, j), w.GenerationGap, mentee.Generation is { } a && mentor.Generation is { } b
                ? a == b ? $"Same generation ({a})" : $"{Count(Math.Abs(a - b), "generation")} apart: {a} and {b}"
                : "Generation not given"),
        ];
    }

    // Names the goal that contributes most: the mentor's own skill, else the closest related one.
    private static string Complementarity(CompiledCohort c, Participant mentee, Participant mentor, string name)
    {
        string? best = null;
        int bestValue = 0;
        for (int g = 0; g < mentee.LearningGoals.Count; g++)
        {
            string goal = mentee.LearningGoals[g];
            string priority = g < Ordinals.Length ? $"your {Ordinals[g]} priority" : $"your priority {g + 1}";
            int weight = mentee.LearningGoals.Count - g;
            if (mentor.Skills.TryGetValue(goal, out int level) && 2 * level * weight > bestValue)
            {
                bestValue = 2 * level * weight;
                best = $"{name} teaches {goal} at {level}/5 — {priority}";
            }
            foreach (var (skill, related) in mentor.Skills.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                if (c.Rules.Taxonomy.Related(goal, skill) && related * weight > bestValue)
                {
                    bestValue = related * weight;
                    best = $"{name} knows {skill} at {related}/5, close to {goal} — {priority}";
                }
            }
        }
        return best ?? $"{name} teaches none of your learning goals";
    }

    private static string Place(Participant p) => p.Location.Length > 0 ? p.Location : p.Name;

    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
}
