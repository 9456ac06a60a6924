using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Training;

/// <summary>A participant's training for each of their open enrolments: the required modules, done or not, and their circles.</summary>
public static class MyTraining
{
    public sealed record Circle(Guid Id, DateTimeOffset StartsAt, string Local, int Minutes, string? VideoLink);

    public sealed record Enrolment(Guid EnrollmentId, Guid ProgramId, string ProgramName, string CohortName, ParticipantRole Role, string RoleLabel,
        IReadOnlyList<TrainingProgress.Required> Modules, IReadOnlyList<Circle> Circles)
    {
        public int Done => Modules.Count(m => m.Done);
    }

    public static async Task<IReadOnlyList<Enrolment>> Handle(Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var rows = await viewer.OwnEnrollments.Where(e => Domain.Enrollment.OpenStatuses.Contains(e.Status))
            .OrderBy(e => e.Cohort.Program.Name).ThenBy(e => e.Cohort.Name)
            .Select(e => new
            {
                e.Id, e.PersonId, e.CohortId, e.Cohort.ProgramId, Program = e.Cohort.Program.Name, Cohort = e.Cohort.Name, e.Role,
                e.Cohort.Program.MentorLabel, e.Cohort.Program.MenteeLabel, e.Person.TimeZone,
            })
            .ToListAsync(ct);
        var progress = await TrainingProgress.For([.. rows.Select(r => new TrainingProgress.Who(r.Id, r.PersonId, r.ProgramId, r.Role))], db, ct);
        var mentorCohorts = rows.Where(r => r.Role == ParticipantRole.Mentor).Select(r => r.CohortId).ToList();
        var circlePrograms = await db.ProgramTrainings.Where(t => t.SupervisionCircles).Select(t => t.ProgramId).ToListAsync(ct);
        // Circles still to come, and those of the last day, so a circle under way is still listed with its link.
        var since = clock.GetUtcNow().AddDays(-1);
        var circles = await db.SupervisionCircles.Where(c => mentorCohorts.Contains(c.CohortId) && c.StartsAt >= since).ToListAsync(ct);
        return [.. rows.Select(r => new Enrolment(r.Id, r.ProgramId, r.Program, r.Cohort, r.Role, r.Role == ParticipantRole.Mentor ? r.MentorLabel : r.MenteeLabel,
            progress[r.Id],
            r.Role == ParticipantRole.Mentor && circlePrograms.Contains(r.ProgramId)
                ? [.. circles.Where(c => c.CohortId == r.CohortId).OrderBy(c => c.StartsAt)
                    .Select(c => new Circle(c.Id, c.StartsAt, CircleTimes.Describe(c.StartsAt, c.Minutes, r.TimeZone), c.Minutes, c.VideoLink))]
                : []))];
    }
}
