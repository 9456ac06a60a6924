using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Agreements;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Goals;

/// <summary>
/// Loads a goal for a change: through the reader's own pairing (404 for anyone else), in a running pairing, and, unless
/// either partner may do it (a progress update), only for the person who set the goal.
/// </summary>
public static class GoalAccess
{
    public sealed record Loaded(PairContext Pair, Goal Goal);

    public static async Task<Outcome<Loaded>> ForChange(Guid pairingId, Guid goalId, bool ownerOnly, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        if (await PairContext.Load(viewer, pairingId, ct) is not { } pair) return Outcome.NotFound;
        var goal = await db.Goals.Include(g => g.Milestones).Include(g => g.Progress).FirstOrDefaultAsync(g => g.Id == goalId && g.PairingId == pairingId, ct);
        if (goal is null) return Outcome.NotFound;
        if (pair.RefuseChangeUnlessRunning("goals") is { } ended) return ended;
        if (ownerOnly && goal.Owner != pair.MyRole)
            return Outcome.Forbidden("Only the person who set this goal can change it or its milestones; you can add a progress update.");
        return new Loaded(pair, goal);
    }

    /// <summary>A goal links only to an objective of its own pairing's program.</summary>
    public static async Task<Problem?> CheckObjective(Guid? objectiveId, Guid programId, FlipsideDb db, CancellationToken ct) =>
        objectiveId is { } id && !await db.Objectives.AnyAsync(o => o.Id == id && o.ProgramId == programId, ct)
            ? Outcome.Invalid("objectiveId", "Choose one of this program's objectives, or none.")
            : null;

    public static Problem? CheckText(string? title, string? description)
    {
        var errors = new List<FieldError>();
        var t = (title ?? "").Trim();
        if (t.Length == 0) errors.Add(new("title", "Give the goal a title: what do you want to reach?"));
        else if (t.Length > Goal.TitleMaxLength) errors.Add(new("title", $"Keep the title to {Goal.TitleMaxLength} characters; it has {t.Length}."));
        else if (VisibleText.HasHidden(t)) errors.Add(new("title", VisibleText.Message));
        if ((description ?? "").Trim().Length > Goal.TextMaxLength)
            errors.Add(new("description", $"Keep the description to {Goal.TextMaxLength} characters."));
        return errors.Count == 0 ? null : Outcome.Invalid(errors);
    }
}
