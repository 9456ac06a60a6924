using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Agreements;
using Flipside.Features.Shared;

namespace Flipside.Features.Goals;

/// <summary>
/// A partner sets one of their own goals (the leader's learning, the mentor's growth) or changes it. A goal may link
/// to one of the program's objectives; the edit carries the goal's version, so two overlapping edits do not both save.
/// </summary>
public static class SetGoal
{
    public sealed record Request(Guid PairingId, string? Title, string? Description, Guid? ObjectiveId);

    public static async Task<Outcome<Guid>> Add(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await PairContext.Load(viewer, r.PairingId, ct) is not { } pair) return Outcome.NotFound;
        if (GoalAccess.CheckText(r.Title, r.Description) is { } invalid) return invalid;
        if (await GoalAccess.CheckObjective(r.ObjectiveId, pair.ProgramId, db, ct) is { } wrong) return wrong;
        if (pair.RefuseChangeUnlessRunning("goals") is { } ended) return ended;
        var goal = new Goal(pair.PairingId, pair.MyRole, r.Title!, r.Description ?? "", r.ObjectiveId, clock.GetUtcNow());
        db.Goals.Add(goal);
        await db.SaveChangesAsync(ct);
        return goal.Id;
    }

    public static async Task<Outcome<Done>> Change(Guid goalId, int? version, Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var loaded = await GoalAccess.ForChange(r.PairingId, goalId, ownerOnly: true, viewer, db, ct);
        if (!loaded.IsOk) return loaded.Problem!;
        var (pair, goal) = loaded.Value;
        if (GoalAccess.CheckText(r.Title, r.Description) is { } invalid) return invalid;
        if (await GoalAccess.CheckObjective(r.ObjectiveId, pair.ProgramId, db, ct) is { } wrong) return wrong;
        if (version is not { } opened) return Outcome.Invalid("version", "Send the goal's version you edited, as the goals list gave it.");
        if (opened != goal.Version) return Outcome.Conflict(Outcome.ChangedMeanwhile);
        goal.Change(r.Title!, r.Description ?? "", r.ObjectiveId, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }

    public static async Task<Outcome<Done>> Remove(Guid pairingId, Guid goalId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        var loaded = await GoalAccess.ForChange(pairingId, goalId, ownerOnly: true, viewer, db, ct);
        if (!loaded.IsOk) return loaded.Problem!;
        db.Goals.Remove(loaded.Value.Goal);
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }
}
