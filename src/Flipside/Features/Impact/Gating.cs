using Flipside.Domain;

namespace Flipside.Features.Impact;

/// <summary>The report's ways of asking <see cref="Anonymity"/>: a figure alone, or a part shown beside its whole.</summary>
internal static class Gating
{
    /// <summary>Why a figure from these respondents is hidden, or null when it may be shown.</summary>
    public static string? Alone(IReadOnlySet<string> respondents, int k) => Anonymity.Reportable(respondents.Count, k) ? null : Anonymity.TooFew(k);

    /// <summary>
    /// A figure for one wave, when the whole program's figure is shown elsewhere: hidden when too few, or when the two
    /// differ by fewer than k people.
    /// </summary>
    public static string? Beside(IReadOnlySet<string> part, IReadOnlySet<string>? whole, int k)
    {
        if (whole is null) return Alone(part, k);
        var verdicts = Anonymity.Gate([new RespondentGroup<int>(0, whole), new RespondentGroup<int>(1, part)], k);
        return verdicts[1].HiddenBecause;
    }

    public static HashSet<string> Set(IEnumerable<string> pseudonyms) => new(pseudonyms, StringComparer.Ordinal);
}
