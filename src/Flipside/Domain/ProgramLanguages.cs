namespace Flipside.Domain;

/// <summary>
/// The languages a program's reminders and nudges to its participants are written in, by ISO 639-1 code. Each has its
/// texts written for Flipside (no machine translation); a program without a choice speaks English.
/// </summary>
public static class ProgramLanguages
{
    public const string Default = "en";

    /// <summary>Code and the language's own name, as the program form lists them.</summary>
    public static readonly IReadOnlyList<(string Code, string Name)> All = [("en", "English"), ("de", "Deutsch"), ("fr", "Français"), ("es", "Español")];

    public static bool IsKnown(string? code) => All.Any(l => l.Code == code);
}
