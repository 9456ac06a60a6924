using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Enrollment;

/// <summary>A volunteer applies to a cohort that is open for applications, with a short motivation.</summary>
public static class ApplyToCohort
{
    public const int MaxMotivation = 2000;

    public sealed record Request(Guid CohortId, ParticipantRole Role, string? Motivation);

    public static async Task<Outcome<Domain.Enrollment>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await viewer.Person(ct) is not { } person) return Outcome.NotFound;
        var cohort = await db.Cohorts.Include(c => c.Program).SingleOrDefaultAsync(c => c.Id == r.CohortId, ct);
        if (cohort is null || !cohort.OpenForApplications || EnrollmentRules.ClosedReason(cohort) is not null)
            return Outcome.Conflict("This cohort is not taking applications.");
        var motivation = r.Motivation?.Trim() ?? "";
        if (motivation.Length is 0 or > MaxMotivation)
            return Outcome.Invalid("Motivation", $"Say in a few words why you would like to take part (up to {MaxMotivation} characters).");
        if (await db.Enrollments.AnyAsync(e => e.CohortId == cohort.Id && e.PersonId == person.Id, ct))
            return Outcome.Conflict("You are already in this cohort.");

        var now = clock.GetUtcNow();
        var otherSide = await EnrollmentRules.OtherSide(db, cohort.Id, r.Role, ct);
        var problems = Eligibility.Problems(person, r.Role, cohort.Program, otherSide, DateOnly.FromDateTime(now.UtcDateTime));
        if (problems.Count > 0) return Outcome.Invalid("Role", $"You cannot apply as {EnrollmentRules.Label(cohort.Program, r.Role)} yet: {string.Join("; ", problems)}.");

        var enrollment = Domain.Enrollment.Apply(cohort.Id, person.Id, r.Role, motivation, now);
        db.Enrollments.Add(enrollment);
        await db.SaveChangesAsync(ct);
        return enrollment;
    }
}
