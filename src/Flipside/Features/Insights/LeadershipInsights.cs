using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Insights;

/// <summary>
/// A program's insights for leadership (its managers, its sponsors, administrators): focus area, text, the month it was
/// raised, status and response. Never the author, the pairing or the cohort, and nothing at all until enough pairs of the
/// program have raised insights that none can be traced to its pair. A filter is a second view of the same list, so it
/// must also come from enough pairs and must not differ from the whole by a few pairs (<see cref="Anonymity.Gate"/>).
/// </summary>
public static class LeadershipInsights
{
    public sealed record Filter(string? FocusArea, InsightStatus? Status);

    public sealed record Item(Guid Id, string FocusArea, string Text, string Month, InsightStatus Status, string? Response, int Version);

    /// <summary><see cref="HiddenBecause"/> set means <see cref="Insights"/> is empty and says why.</summary>
    public sealed record View(Guid ProgramId, string ProgramName, int Threshold, IReadOnlyList<string> FocusAreas, Filter Filter, string? HiddenBecause,
        IReadOnlyList<Item> Insights);

    public static string TooFewPairs(int k) =>
        $"Insights appear here once at least {k} pairs in the program have raised them, so that no insight can be traced to the pair who raised it.";

    public static async Task<Outcome<View>> Handle(Guid programId, Filter filter, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        var program = await viewer.ReportablePrograms.Where(p => p.Id == programId)
            .Select(p => new { p.Id, p.Name, p.AnonymityThreshold, p.FocusAreas }).FirstOrDefaultAsync(ct);
        if (program is null)
            return await IsOwnProgram(programId, viewer, db, ct)
                ? Outcome.Forbidden("Insights are read by the program's managers and sponsors; yours, with their responses, are on your pairing's insights page.")
                : Outcome.NotFound;
        var k = program.AnonymityThreshold;
        // Only the pairing behind each insight is loaded beside its fields, to count pairs; it never leaves this method.
        var all = await db.Insights.AsNoTracking().Where(i => i.ProgramId == programId).ToListAsync(ct);
        var shown = all.Where(i => Matches(i, filter)).ToList();
        var view = new View(program.Id, program.Name, k, program.FocusAreas, filter, null, []);
        // A filter that matches nothing describes nobody: it says so rather than "too few".
        if (shown.Count == 0 && Anonymity.Reportable(Pairs(all).Count, k)) return view;
        var gated = Anonymity.Gate([Group("all", all), Group("filtered", shown)], k);
        if (!gated[0].Shown) return view with { HiddenBecause = TooFewPairs(k) };
        if (!gated[1].Shown) return view with { HiddenBecause = $"{gated[1].HiddenBecause} Widen the filter to see these insights." };
        // Within a month the order is the random id's, so a list's order does not say who wrote when.
        return view with
        {
            Insights = [.. shown.OrderByDescending(i => Month(i.RaisedAt)).ThenBy(i => i.Id)
                .Select(i => new Item(i.Id, i.FocusArea, i.Text, Month(i.RaisedAt), i.Status, i.Response, i.Version))],
        };
    }

    /// <summary>The distinct pairs behind a list: the respondents the gate counts.</summary>
    private static RespondentGroup<string> Group(string key, IEnumerable<Insight> insights) => new(key, Pairs(insights));

    private static HashSet<string> Pairs(IEnumerable<Insight> insights) => insights.Select(i => i.PairingId.ToString()).ToHashSet();

    private static bool Matches(Insight i, Filter f) =>
        (string.IsNullOrWhiteSpace(f.FocusArea) || string.Equals(i.FocusArea, f.FocusArea.Trim(), StringComparison.OrdinalIgnoreCase))
        && (f.Status is not { } status || i.Status == status);

    public static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A participant of the program knows it exists: refused (403) rather than not found.</summary>
    internal static Task<bool> IsOwnProgram(Guid programId, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
        viewer.OwnPairings.AnyAsync(p => p.Cohort.ProgramId == programId, ct);
}
