namespace Flipside.Domain;

/// <summary>Text made from names and numbers that reads as a person would write it: "1 leader", "2 people", "an AI mentor".</summary>
public static class Words
{
    /// <summary>"1 leader", "3 leaders"; "person" and a few others have their own plurals.</summary>
    public static string Count(int n, string noun) => $"{n.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)} {(n == 1 ? noun : Plural(noun))}";

    public static string Plural(string noun) => noun switch
    {
        "person" => "people",
        _ when noun.EndsWith("person", StringComparison.OrdinalIgnoreCase) => noun[..^"person".Length] + "people",
        _ when noun.EndsWith('s') || noun.EndsWith('x') || noun.EndsWith("ch", StringComparison.Ordinal) || noun.EndsWith("sh", StringComparison.Ordinal) => noun + "es",
        _ when noun.Length > 1 && noun.EndsWith('y') && !"aeiou".Contains(noun[^2], StringComparison.Ordinal) => noun[..^1] + "ies",
        _ => noun + "s",
    };

    /// <summary>"a mentor", "an AI mentor", "an hour", "a user guide": by sound, for the cases program labels meet.</summary>
    public static string WithArticle(string phrase) => $"{(SoundsLikeVowel(phrase) ? "an" : "a")} {phrase}";

    private static bool SoundsLikeVowel(string phrase)
    {
        var word = phrase.TrimStart().Split(' ', 2)[0];
        if (word.Length == 0) return false;
        // An abbreviation is read letter by letter: "an AI mentor", "an MBA", "a UX lead".
        if (word.Length > 1 && word.All(char.IsUpper)) return "AEFHILMNORSX".Contains(word[0], StringComparison.Ordinal);
        var lower = word.ToLowerInvariant();
        if (lower.StartsWith("hour", StringComparison.Ordinal) || lower.StartsWith("honest", StringComparison.Ordinal)) return true;
        if (lower.StartsWith("uni", StringComparison.Ordinal) || lower.StartsWith("use", StringComparison.Ordinal) || lower.StartsWith("one", StringComparison.Ordinal)
            || lower.StartsWith("eu", StringComparison.Ordinal)) return false;
        return "aeiou".Contains(lower[0], StringComparison.Ordinal);
    }
}
