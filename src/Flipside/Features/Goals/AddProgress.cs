using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;

namespace Flipside.Features.Goals;

/// <summary>A dated progress update on a goal. Either partner may write one: progress is often seen best by the other.</summary>
public static class AddProgress
{
    public static async Task<Outcome<Guid>> Handle(Guid pairingId, Guid goalId, string? text, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var loaded = await GoalAccess.ForChange(pairingId, goalId, ownerOnly: false, viewer, db, ct);
        if (!loaded.IsOk) return loaded.Problem!;
        var t = (text ?? "").Trim();
        if (t.Length == 0) return Outcome.Invalid("text", "Write what moved since the last update.");
        if (t.Length > Goal.TextMaxLength) return Outcome.Invalid("text", $"Keep the update to {Goal.TextMaxLength} characters; it has {t.Length}.");
        var update = loaded.Value.Goal.AddProgress(loaded.Value.Pair.MyRole, t, clock.GetUtcNow());
        db.GoalProgress.Add(update);
        await db.SaveChangesAsync(ct);
        return update.Id;
    }
}
