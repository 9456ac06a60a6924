using Flipside.Data;
using Flipside.Features.Matching;

namespace Flipside.Features.Pairings;

/// <summary>
/// A junior's reason for leaving never reaches the leader or anyone above the leader, even one who manages the
/// program: these are the leaders whose reasons someone may not read.
/// </summary>
public static class ExitPrivacy
{
    /// <summary>
    /// The mentees (by person id) whose pairings' exit reasons and pulse flags are hidden from the given person. A reader
    /// who is nobody in the directory (the account's email is missing from it, or shared by two people) could be anyone's
    /// line, so every one is hidden from them: the rule fails closed.
    /// </summary>
    public static async Task<HashSet<Guid>> HiddenFrom(Guid? readerPersonId, IReadOnlyCollection<Guid> menteePersonIds, FlipsideDb db, CancellationToken ct)
    {
        if (menteePersonIds.Count == 0) return [];
        if (readerPersonId is not { } reader) return [.. menteePersonIds];
        var chains = await ReportingLines.ChainsAsync(db, menteePersonIds, ct);
        return [.. menteePersonIds.Where(m => m == reader || (chains.TryGetValue(m, out var chain) && chain.Contains(reader)))];
    }
}
