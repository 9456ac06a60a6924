using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Training;

/// <summary>
/// Removes a circle from the cohort's schedule, with its attendance. A circle yet to start is cancelled in the invited
/// mentors' calendars (a CANCEL with the next SEQUENCE); it leaves their feeds with the row.
/// </summary>
public static class CancelCircle
{
    public static async Task<Outcome<Done>> Handle(Guid circleId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var circle = await db.SupervisionCircles.FirstOrDefaultAsync(c => c.Id == circleId && viewer.ManagedCohorts.Any(k => k.Id == c.CohortId), ct);
        if (circle is null) return Outcome.NotFound;
        var now = clock.GetUtcNow();
        if (circle.StartsAt > now)
        {
            var cohort = await db.Cohorts.Include(c => c.Program).SingleAsync(c => c.Id == circle.CohortId, ct);
            await CircleInvites.Stage(db, circle, circle.Version + 1, cohort.Program, cohort.Name, "Cancelled", now, ct);
        }
        db.SupervisionCircles.Remove(circle);
        db.Record(viewer, now, "training.circle-cancelled", "Cohort", circle.CohortId, $"circle on {circle.StartsAt:yyyy-MM-dd HH:mm} UTC cancelled");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }
}
