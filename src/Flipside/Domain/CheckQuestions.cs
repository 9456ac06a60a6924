namespace Flipside.Domain;

/// <summary>One multiple-choice check question at the end of a training module.</summary>
public sealed record CheckQuestion(string Text, IReadOnlyList<string> Options, int Right, string Explanation);

/// <summary>
/// The plain-text syntax a module's check questions are written in, by the app's own modules and by program managers:
/// <code>
/// ? The question
/// - a wrong option
/// * the right option
/// > Why: shown to whoever answers wrong.
/// </code>
/// One or two questions, each with two to five options of which exactly one is marked right, and an explanation.
/// </summary>
public static class CheckQuestions
{
    public const int MaxQuestions = 2;
    public const int MaxOptions = 5;

    public static (List<CheckQuestion> Questions, List<string> Errors) Parse(string text)
    {
        var questions = new List<CheckQuestion>();
        var errors = new List<string>();
        string? question = null;
        var options = new List<string>();
        var right = new List<int>();
        var explanation = "";

        void Close()
        {
            if (question is null) return;
            var n = questions.Count + errors.Count(e => e.StartsWith("Question", StringComparison.Ordinal)) + 1;
            if (options.Count < 2 || options.Count > MaxOptions) errors.Add($"Question {n} needs 2 to {MaxOptions} options, one per line starting with - or *.");
            else if (right.Count != 1) errors.Add($"Question {n} needs exactly one right option, marked with * instead of -.");
            else if (explanation.Length == 0) errors.Add($"Question {n} needs an explanation on a line starting with >, shown to whoever answers wrong.");
            else questions.Add(new CheckQuestion(question, [.. options], right[0], explanation));
        }

        foreach (var raw in text.Replace("\r", "", StringComparison.Ordinal).Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0) continue;
            var rest = line[1..].Trim();
            switch (line[0])
            {
                case '?':
                    Close();
                    (question, options, right, explanation) = (rest, [], [], "");
                    break;
                case '-' or '*' when question is not null:
                    if (line[0] == '*') right.Add(options.Count);
                    options.Add(rest);
                    break;
                case '>' when question is not null:
                    explanation = (explanation + " " + rest).Trim();
                    break;
                default:
                    errors.Add($"Start each line with ? (a question), - (an option), * (the right option) or > (the explanation): \"{Cut(line)}\".");
                    break;
            }
        }
        Close();
        if (questions.Count + errors.Count == 0) errors.Add("Write one or two check questions, starting each with ?.");
        else if (errors.Count == 0 && questions.Count > MaxQuestions) errors.Add($"Keep to {MaxQuestions} check questions: a module is short.");
        return (questions, errors);
    }

    private static string Cut(string line) => line.Length <= 40 ? line : line[..40] + "…";
}
