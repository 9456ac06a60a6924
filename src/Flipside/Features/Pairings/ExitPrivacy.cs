using Flipside.Data;
using Flipside.Features.Matching;

namespace Flipside.Features.Pairings;

/// <summary>
/// A junior's reason for leaving never reaches the leader or anyone above the leader, even one who manages the
/// program: these are the leaders whose reasons someone may not read.
/// </summary>
public static class ExitPrivacy
{
    /// <summary>The mentees (by person id) whose pairings' exit reasons are hidden from the given person.</summary>
    public static async Task<HashSet<Guid>> HiddenFrom(Guid? readerPersonId, IReadOnlyCollection<Guid> menteePersonIds, FlipsideDb db, CancellationToken ct)
    {
        if (readerPersonId is not { } reader || menteePersonIds.Count == 0) return [];
        var chains = await ReportingLines.ChainsAsync(db, menteePersonIds, ct);
        return [.. menteePersonIds.Where(m => m == reader || (chains.TryGetValue(m, out var chain) && chain.Contains(reader)))];
    }

    /// <summary>
    /// The mentees whose pairings' pulse flags are hidden from the given person. A reader who is nobody in the directory
    /// (the account's email missing from it, or not there exactly once) could be anyone's line, so every flag is hidden
    /// from them: this rule fails closed.
    /// </summary>
    public static async Task<HashSet<Guid>> FlagsHiddenFrom(Guid? readerPersonId, IReadOnlyCollection<Guid> menteePersonIds, FlipsideDb db, CancellationToken ct) =>
        readerPersonId is null ? [.. menteePersonIds] : await HiddenFrom(readerPersonId, menteePersonIds, db, ct);
}
