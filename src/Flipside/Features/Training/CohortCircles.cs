using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Training;

/// <summary>The supervision circles of a cohort, for its managers: when (in the manager's time zone), the link and who came.</summary>
public static class CohortCircles
{
    public sealed record Mentor(Guid EnrollmentId, string Name, string TimeZone);

    public sealed record Circle(Guid Id, DateTimeOffset StartsAt, string Local, string TimeZone, int Minutes, string? VideoLink,
        IReadOnlyList<Guid> Attended, int Version);

    public sealed record View(Guid CohortId, Guid ProgramId, string ProgramName, string CohortName, bool Enabled, string ViewerTimeZone,
        IReadOnlyList<Mentor> Mentors, IReadOnlyList<Circle> Circles);

    public static async Task<Outcome<View>> Handle(Guid cohortId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        var cohort = await viewer.ManagedCohorts.Include(c => c.Program).FirstOrDefaultAsync(c => c.Id == cohortId, ct);
        if (cohort is null) return Outcome.NotFound;
        var zone = (await viewer.Person(ct))?.TimeZone ?? "UTC";
        var enabled = await db.ProgramTrainings.AnyAsync(t => t.ProgramId == cohort.ProgramId && t.SupervisionCircles, ct);
        var mentors = await db.Enrollments.Where(e => e.CohortId == cohortId && e.Role == ParticipantRole.Mentor && e.Status == EnrollmentStatus.Enrolled)
            .OrderBy(e => e.Person.Name).Select(e => new Mentor(e.Id, e.Person.Name, e.Person.TimeZone)).ToListAsync(ct);
        var circles = (await db.SupervisionCircles.Where(c => c.CohortId == cohortId).ToListAsync(ct)).OrderBy(c => c.StartsAt)
            .Select(c => new Circle(c.Id, c.StartsAt, CircleTimes.Describe(c.StartsAt, c.Minutes, zone), c.TimeZone, c.Minutes, c.VideoLink,
                [.. c.Attendance.Select(a => a.EnrollmentId)], c.Version)).ToList();
        return new View(cohort.Id, cohort.ProgramId, cohort.Program.Name, cohort.Name, enabled, zone, mentors, circles);
    }
}
