using Flipside.Domain;

namespace Flipside.Features.Impact;

/// <summary>
/// How one response becomes scale scores: each scored item (reverse-scored ones flipped) counts once, and a
/// respondent's score on a scale is the mean of their scored items on it. A retrospective "then" item (key
/// "then:" + the item's key) is scored like the item it looks back on and counts toward the "then" score instead.
/// </summary>
public static class ScaleScores
{
    /// <summary>The final's satisfaction items carry this scale; they are reaction, not learning.</summary>
    public const string Satisfaction = "Satisfaction";
    public const string ThenPrefix = "then:";

    /// <summary>The 0–10 "would you recommend the program" item.</summary>
    public static bool IsRecommend(SurveyQuestion q) => !q.FreeText && q.Min == 0 && q.Max == 10;

    public static bool IsSatisfaction(SurveyQuestion q) => !q.FreeText && !q.Retrospective && q.Scale.Equals(Satisfaction, StringComparison.OrdinalIgnoreCase);

    /// <summary>An item of a scale whose change the report measures (confidence, safety, understanding...).</summary>
    public static bool IsLearning(SurveyQuestion q) => !q.FreeText && !q.Retrospective && q.Scale.Length > 0 && !IsRecommend(q) && !IsSatisfaction(q);

    /// <summary>The learning scales of a survey, in the order their first items are asked.</summary>
    public static IEnumerable<string> LearningScales(Survey survey) => survey.Questions.Where(IsLearning).Select(q => q.Scale).Distinct(StringComparer.OrdinalIgnoreCase);

    /// <summary>What each answer key of a survey counts toward: its scale, whether it is a "then" item, and the item that scores it.</summary>
    public sealed record Item(string Scale, bool Then, SurveyQuestion ScoredAs);

    public static Dictionary<string, Item> Items(Survey survey)
    {
        var byKey = survey.Questions.GroupBy(q => q.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var items = new Dictionary<string, Item>(StringComparer.Ordinal);
        foreach (var q in survey.Questions)
        {
            if (q.Retrospective && !q.FreeText && q.Scale.Length > 0)
            {
                var original = q.Key.StartsWith(ThenPrefix, StringComparison.Ordinal) ? q.Key[ThenPrefix.Length..] : q.Key;
                items[q.Key] = new(q.Scale, true, byKey.GetValueOrDefault(original) ?? q);
            }
            else if (IsLearning(q)) items[q.Key] = new(q.Scale, false, q);
        }
        return items;
    }

    /// <summary>Scale → mean scored value, for the "now" items and the "then" items of one response.</summary>
    public static (Dictionary<string, double> Now, Dictionary<string, double> Then) Score(IReadOnlyDictionary<string, Item> items, IEnumerable<SurveyAnswer> answers)
    {
        var now = new Dictionary<string, (double Sum, int Count)>(StringComparer.OrdinalIgnoreCase);
        var then = new Dictionary<string, (double Sum, int Count)>(StringComparer.OrdinalIgnoreCase);
        foreach (var answer in answers)
        {
            if (!items.TryGetValue(answer.Key, out var item)) continue;
            var q = item.ScoredAs;
            // Answers are checked when given; one outside the item's range (an edited instrument) counts for nothing.
            if (answer.Value < q.Min || answer.Value > q.Max) continue;
            var into = item.Then ? then : now;
            var (sum, count) = into.GetValueOrDefault(item.Scale);
            into[item.Scale] = (sum + q.Scored(answer.Value), count + 1);
        }
        return (Means(now), Means(then));
    }

    private static Dictionary<string, double> Means(Dictionary<string, (double Sum, int Count)> sums) =>
        sums.ToDictionary(s => s.Key, s => s.Value.Sum / s.Value.Count, StringComparer.OrdinalIgnoreCase);
}
