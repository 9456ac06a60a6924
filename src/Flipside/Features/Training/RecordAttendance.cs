using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Training;

/// <summary>The manager records which of the cohort's mentors came to a circle. Who came, never what was said.</summary>
public static class RecordAttendance
{
    public sealed record Request(Guid CircleId, IReadOnlyList<Guid> Attended);

    public static async Task<Outcome<Done>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var circle = await db.SupervisionCircles.FirstOrDefaultAsync(c => c.Id == r.CircleId && viewer.ManagedCohorts.Any(k => k.Id == c.CohortId), ct);
        if (circle is null) return Outcome.NotFound;
        if (circle.StartsAt > clock.GetUtcNow()) return Outcome.Conflict("This circle has not started yet: record who came once it has begun.");
        var mentors = await db.Enrollments.Where(e => e.CohortId == circle.CohortId && e.Role == ParticipantRole.Mentor).Select(e => e.Id).ToListAsync(ct);
        if (r.Attended.Any(id => !mentors.Contains(id)))
            return Outcome.Invalid("Attended", "Only the cohort's mentors attend its circles; one of those listed is not one of them.");
        circle.RecordAttendance(r.Attended);
        circle.Version++;
        db.Record(viewer, clock.GetUtcNow(), "training.circle-attendance", "Cohort", circle.CohortId,
            $"circle on {circle.StartsAt:yyyy-MM-dd HH:mm} UTC: {Words.Count(r.Attended.Distinct().Count(), "mentor")} came");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }
}
