using Flipside.Domain;

namespace Flipside.Features.Impact;

/// <summary>The report's ways of asking <see cref="Anonymity"/>: a figure alone (the others go to <see cref="Anonymity.Gate"/> with every figure of their report).</summary>
internal static class Gating
{
    /// <summary>Why a figure from these respondents is hidden, or null when it may be shown.</summary>
    public static string? Alone(IReadOnlySet<string> respondents, int k) => Anonymity.Reportable(respondents.Count, k) ? null : Anonymity.TooFew(k);

    public static HashSet<string> Set(IEnumerable<string> pseudonyms) => new(pseudonyms, StringComparer.Ordinal);
}
