using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Agreements;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Insights;

/// <summary>
/// Either partner of a running pairing raises an insight or idea for leadership, tagged by one of the program's focus
/// areas. Leadership reads it without its author (<see cref="LeadershipInsights"/>); the pair reads the response.
/// </summary>
public static class RaiseInsight
{
    public sealed record Request(Guid PairingId, string? FocusArea, string? Text);

    public static async Task<Outcome<Guid>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await PairContext.Load(viewer, r.PairingId, ct) is not { } pair) return Outcome.NotFound;
        var areas = await db.Programs.Where(p => p.Id == pair.ProgramId).Select(p => p.FocusAreas).SingleAsync(ct);
        var errors = new List<FieldError>();
        var area = Match(areas, r.FocusArea);
        if (area is null)
            errors.Add(new("focusArea", areas.Count == 0 ? "This program has no focus areas; leave the focus area empty."
                : $"Choose one of the program's focus areas: {string.Join(", ", areas)}."));
        var text = (r.Text ?? "").Trim();
        if (text.Length == 0) errors.Add(new("text", "Write the insight or idea in a sentence or two."));
        else if (text.Length > Insight.TextMaxLength) errors.Add(new("text", $"Keep the insight to {Insight.TextMaxLength} characters; it has {text.Length}."));
        if (errors.Count > 0) return Outcome.Invalid(errors);
        if (pair.RefuseChangeUnlessRunning("insights") is { } ended) return ended;
        var insight = new Insight(pair.ProgramId, pair.PairingId, pair.MyRole, area!, text, clock.GetUtcNow());
        db.Insights.Add(insight);
        await db.SaveChangesAsync(ct);
        return insight.Id;
    }

    /// <summary>The program's own spelling of the area asked for; a program without focus areas takes insights untagged.</summary>
    private static string? Match(IReadOnlyList<string> areas, string? asked)
    {
        var wanted = (asked ?? "").Trim();
        if (areas.Count == 0) return wanted.Length == 0 ? "" : null;
        return areas.FirstOrDefault(a => string.Equals(a, wanted, StringComparison.OrdinalIgnoreCase));
    }
}
