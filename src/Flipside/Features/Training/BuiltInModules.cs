using Flipside.Domain;

namespace Flipside.Features.Training;

/// <summary>
/// The curriculum shipped with the app, written in Markdown in Modules/ and embedded in the binary. Each file starts
/// with "# Title" and "required: mentor, mentee" (the roles a new program requires it of), then the body, then a line
/// "&lt;!-- questions --&gt;" and the check questions. The file name's number orders them and the rest is the key.
/// </summary>
public static class BuiltInModules
{
    public sealed record BuiltIn(string Key, string Title, string Body, string Questions, IReadOnlyList<ParticipantRole> RequiredOf);

    private const string Prefix = "Flipside.Training.";
    private const string QuestionsMarker = "<!-- questions -->";

    public static IReadOnlyList<BuiltIn> All { get; } = Load();

    public static BuiltIn? Find(string key) => All.FirstOrDefault(m => m.Key == key);

    private static List<BuiltIn> Load()
    {
        var assembly = typeof(BuiltInModules).Assembly;
        return [.. assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal) && n.EndsWith(".md", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(name =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
                var file = name[Prefix.Length..^".md".Length];
                return Parse(file[(file.IndexOf('-', StringComparison.Ordinal) + 1)..], reader.ReadToEnd());
            })];
    }

    private static BuiltIn Parse(string key, string text)
    {
        var lines = text.Replace("\r", "", StringComparison.Ordinal).Split('\n');
        var title = lines[0].TrimStart('#', ' ');
        var roles = lines[1]["required:".Length..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(r => Enum.Parse<ParticipantRole>(r, ignoreCase: true)).ToList();
        var rest = string.Join('\n', lines.Skip(2));
        var split = rest.IndexOf(QuestionsMarker, StringComparison.Ordinal);
        var questions = rest[(split + QuestionsMarker.Length)..].Trim();
        // A shipped module that does not parse is a build mistake: fail at start-up, not in front of a participant.
        if (CheckQuestions.Parse(questions).Errors is [var error, ..]) throw new InvalidOperationException($"Training module {key}: {error}");
        return new BuiltIn(key, title, rest[..split].Trim(), questions, roles);
    }
}
