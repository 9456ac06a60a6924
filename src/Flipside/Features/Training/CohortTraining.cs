using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Training;

/// <summary>For the cohort's managers: who enrolled has not finished their required training, and which modules.</summary>
public static class CohortTraining
{
    public sealed record Person(Guid EnrollmentId, Guid PersonId, string Name, string Email, ParticipantRole Role, int Done, int Required,
        IReadOnlyList<string> Unfinished);

    public sealed record Status(Guid CohortId, Guid ProgramId, string ProgramName, string CohortName, string MentorLabel, string MenteeLabel,
        bool SupervisionCircles, int Enrolled, IReadOnlyList<Person> NotFinished);

    public static async Task<Outcome<Status>> Handle(Guid cohortId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        var cohort = await viewer.ManagedCohorts.Include(c => c.Program).FirstOrDefaultAsync(c => c.Id == cohortId, ct);
        if (cohort is null) return Outcome.NotFound;
        var people = await db.Enrollments.Where(e => e.CohortId == cohortId && e.Status == EnrollmentStatus.Enrolled)
            .OrderBy(e => e.Person.Name).Select(e => new { e.Id, e.PersonId, e.Person.Name, e.Person.Email, e.Role }).ToListAsync(ct);
        var progress = await TrainingProgress.For([.. people.Select(p => new TrainingProgress.Who(p.Id, p.PersonId, cohort.ProgramId, p.Role))], db, ct);
        var circles = await db.ProgramTrainings.AnyAsync(t => t.ProgramId == cohort.ProgramId && t.SupervisionCircles, ct);
        var notFinished = people.Select(p => (p, m: progress[p.Id])).Where(x => x.m.Any(m => !m.Done))
            .Select(x => new Person(x.p.Id, x.p.PersonId, x.p.Name, x.p.Email, x.p.Role, x.m.Count(m => m.Done), x.m.Count,
                [.. x.m.Where(m => !m.Done).Select(m => m.Title)]))
            .ToList();
        return new Status(cohort.Id, cohort.ProgramId, cohort.Program.Name, cohort.Name, cohort.Program.MentorLabel, cohort.Program.MenteeLabel,
            circles, people.Count, notFinished);
    }
}
