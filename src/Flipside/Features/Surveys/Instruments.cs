using System.Text;
using Flipside.Domain;

namespace Flipside.Features.Surveys;

/// <summary>
/// The instruments Flipside ships, written for reverse mentoring. Keys are stable: the impact report pairs a baseline
/// item with the final item and its retrospective "then:" twin by key, so a program's edits keep the keys they copy.
/// </summary>
public static class Instruments
{
    public const string ThenPrefix = "then:";
    public const string CommentKey = "comment";

    // Edmondson (1999), "Psychological safety and learning behavior in work teams", team psychological safety, seven
    // items rated on a 7-point scale; items 1, 3 and 5 are worded negatively and reverse-scored.
    private static readonly (string Text, bool Reversed)[] Safety =
    [
        ("If you make a mistake on this team, it is often held against you.", true),
        ("Members of this team are able to bring up problems and tough issues.", false),
        ("People on this team sometimes reject others for being different.", true),
        ("It is safe to take a risk on this team.", false),
        ("It is difficult to ask other members of this team for help.", true),
        ("No one on this team would deliberately act in a way that undermines my efforts.", false),
        ("Working with members of this team, my unique skills and talents are valued and utilised.", false),
    ];

    public static IReadOnlyList<SurveyQuestion> BuiltIn(SurveyKind kind, IReadOnlyList<string> focusAreas) => kind switch
    {
        SurveyKind.Baseline => [.. Core(focusAreas)],
        SurveyKind.Final => [.. Final(focusAreas)],
        _ => [.. Midpoint()],
    };

    public static string Title(SurveyKind kind) => kind switch
    {
        SurveyKind.Baseline => "Baseline survey",
        SurveyKind.Midpoint => "Midpoint check-in",
        _ => "Final survey",
    };

    /// <summary>"confidence.ai-and-emerging-technology": a focus area as a key that survives its own wording.</summary>
    public static string Slug(string text)
    {
        var b = new StringBuilder();
        foreach (var c in text.Trim().ToLowerInvariant())
            if (char.IsAsciiLetterOrDigit(c)) b.Append(c);
            else if (b.Length > 0 && b[^1] != '-') b.Append('-');
        return b.ToString().TrimEnd('-');
    }

    private static IEnumerable<SurveyQuestion> Core(IReadOnlyList<string> focusAreas)
    {
        foreach (var area in focusAreas.Where(a => Slug(a).Length > 0).DistinctBy(Slug))
            yield return Q($"confidence.{Slug(area)}", $"How confident are you in {area}?", $"Confidence: {area}", QuestionAudience.Mentee);
        for (var i = 0; i < Safety.Length; i++)
            yield return new SurveyQuestion
            {
                Key = $"safety.{i + 1}", Text = Safety[i].Text, Scale = "Psychological safety", Min = 1, Max = 7, Reversed = Safety[i].Reversed,
                Audience = QuestionAudience.Mentee,
            };
        yield return Q("understanding.1", "I understand how colleagues of another generation prefer to work and communicate.", "Intergenerational understanding", QuestionAudience.Both);
        yield return Q("understanding.2", "I can learn something useful for my work from a colleague of another generation.", "Intergenerational understanding", QuestionAudience.Both);
        yield return Q("understanding.3", "I feel comfortable working closely with colleagues much older or younger than me.", "Intergenerational understanding", QuestionAudience.Both);
        yield return Q("upward.1", "I am confident giving honest feedback to someone more senior than me.", "Upward feedback", QuestionAudience.Mentor);
        yield return Q("upward.2", "I know how to raise a difficult point with a senior leader so that it is heard.", "Upward feedback", QuestionAudience.Mentor);
        yield return Q("visibility.1", "Senior leaders know who I am and what I can do.", "Visibility to leadership", QuestionAudience.Mentor);
        yield return Q("visibility.2", "I have chances to show my work to the organisation's leadership.", "Visibility to leadership", QuestionAudience.Mentor);
    }

    private static IEnumerable<SurveyQuestion> Final(IReadOnlyList<string> focusAreas)
    {
        var now = Core(focusAreas).ToList();
        foreach (var q in now) yield return q;
        // The then-test: the same item rated again as it was at the start, from today's understanding of the scale.
        foreach (var q in now)
            yield return new SurveyQuestion
            {
                Key = ThenPrefix + q.Key, Text = "Looking back, where were you at the start? " + q.Text, Scale = q.Scale, Min = q.Min, Max = q.Max,
                Reversed = q.Reversed, Retrospective = true, Audience = q.Audience,
            };
        yield return Q("satisfaction", "Overall, how satisfied are you with the program?", "Satisfaction", QuestionAudience.Both);
        yield return new SurveyQuestion
        {
            Key = "recommend", Text = "How likely are you to recommend the program to a colleague? (0 not at all, 10 extremely)", Scale = "Recommend",
            Min = 0, Max = 10, Audience = QuestionAudience.Both,
        };
        yield return new SurveyQuestion
        {
            Key = CommentKey, Text = "Anything else you would like to tell the program team? (optional)", Scale = "Comment", FreeText = true,
            Audience = QuestionAudience.Both,
        };
    }

    private static IEnumerable<SurveyQuestion> Midpoint()
    {
        yield return Q("fit.1", "My partner and I work well together.", "Fit", QuestionAudience.Both);
        yield return Q("fit.2", "Our meetings are worth the time they take.", "Fit", QuestionAudience.Both);
        yield return Q("fit.3", "I can be honest with my partner.", "Fit", QuestionAudience.Both);
        yield return Q("fit.4", "I am learning something I can use.", "Fit", QuestionAudience.Both);
        yield return new SurveyQuestion
        {
            Key = CommentKey, Text = "Anything the program team should know about how your pairing is going? (optional)", Scale = "Comment", FreeText = true,
            Audience = QuestionAudience.Both,
        };
    }

    private static SurveyQuestion Q(string key, string text, string scale, QuestionAudience audience) =>
        new() { Key = key, Text = text, Scale = scale, Min = 1, Max = 5, Audience = audience };
}
