using Flipside.Data;
using Flipside.Features.Shared;

namespace Flipside.Features.Goals;

/// <summary>The steps of a goal: added, marked done or not, and removed by the person who set the goal.</summary>
public static class Milestones
{
    public static async Task<Outcome<Guid>> Add(Guid pairingId, Guid goalId, string? title, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var loaded = await GoalAccess.ForChange(pairingId, goalId, ownerOnly: true, viewer, db, ct);
        if (!loaded.IsOk) return loaded.Problem!;
        var t = (title ?? "").Trim();
        if (t.Length == 0) return Outcome.Invalid("title", "Name the milestone: a step you will know you have reached.");
        if (t.Length > Domain.Goal.TitleMaxLength) return Outcome.Invalid("title", $"Keep the milestone to {Domain.Goal.TitleMaxLength} characters; it has {t.Length}.");
        var milestone = loaded.Value.Goal.AddMilestone(t, clock.GetUtcNow());
        db.Milestones.Add(milestone);
        await db.SaveChangesAsync(ct);
        return milestone.Id;
    }

    public static async Task<Outcome<Done>> Mark(Guid pairingId, Guid goalId, Guid milestoneId, bool? done, Viewer viewer, FlipsideDb db, TimeProvider clock,
        CancellationToken ct)
    {
        var loaded = await GoalAccess.ForChange(pairingId, goalId, ownerOnly: true, viewer, db, ct);
        if (!loaded.IsOk) return loaded.Problem!;
        if (loaded.Value.Goal.Milestones.All(m => m.Id != milestoneId)) return Outcome.NotFound;
        if (done is not { } isDone) return Outcome.Invalid("done", "Say whether the milestone is done: true or false.");
        loaded.Value.Goal.MarkMilestone(milestoneId, isDone, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }

    public static async Task<Outcome<Done>> Remove(Guid pairingId, Guid goalId, Guid milestoneId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        var loaded = await GoalAccess.ForChange(pairingId, goalId, ownerOnly: true, viewer, db, ct);
        if (!loaded.IsOk) return loaded.Problem!;
        var milestone = loaded.Value.Goal.Milestones.FirstOrDefault(m => m.Id == milestoneId);
        if (milestone is null) return Outcome.NotFound;
        db.Milestones.Remove(milestone);
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }
}
