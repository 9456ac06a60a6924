using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Training;

/// <summary>Removes a circle from the cohort's schedule, with its attendance.</summary>
public static class CancelCircle
{
    public static async Task<Outcome<Done>> Handle(Guid circleId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var circle = await db.SupervisionCircles.FirstOrDefaultAsync(c => c.Id == circleId && viewer.ManagedCohorts.Any(k => k.Id == c.CohortId), ct);
        if (circle is null) return Outcome.NotFound;
        db.SupervisionCircles.Remove(circle);
        db.Record(viewer, clock.GetUtcNow(), "training.circle-cancelled", "Cohort", circle.CohortId, $"circle on {circle.StartsAt:yyyy-MM-dd HH:mm} UTC cancelled");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }
}
