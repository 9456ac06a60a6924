using System.Security.Claims;
using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Enrollment;

/// <summary>
/// Who may touch which enrolment: program managers their programs' cohorts, administrators all, and a
/// participant only the enrolments of the directory person whose email is their account's.
/// </summary>
public static class EnrollmentAccess
{
    public static string UserId(ClaimsPrincipal user) => user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    /// <summary>The cohort with its program when this user manages it; null otherwise, which callers answer with 404.</summary>
    public static Task<Cohort?> ManagedCohort(FlipsideDb db, ClaimsPrincipal user, Guid cohortId, CancellationToken ct)
    {
        var admin = user.IsInRole(Roles.Administrator);
        var uid = UserId(user);
        return db.Cohorts.Include(c => c.Program)
            .Where(c => c.Id == cohortId && (admin || c.Program.Managers.Any(m => m.UserId == uid)))
            .SingleOrDefaultAsync(ct);
    }

    public static async Task<Domain.Enrollment?> ManagedEnrollment(FlipsideDb db, ClaimsPrincipal user, Guid enrollmentId, CancellationToken ct)
    {
        var admin = user.IsInRole(Roles.Administrator);
        var uid = UserId(user);
        return await db.Enrollments.Include(e => e.Person).Include(e => e.Cohort).ThenInclude(c => c.Program)
            .Where(e => e.Id == enrollmentId && (admin || e.Cohort.Program.Managers.Any(m => m.UserId == uid)))
            .SingleOrDefaultAsync(ct);
    }

    /// <summary>The directory entry of the signed-in person, matched by email.</summary>
    public static Task<Person?> PersonOf(FlipsideDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        var email = (user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "").ToLowerInvariant();
        return email.Length == 0 ? Task.FromResult<Person?>(null) : db.People.Where(p => p.Email.ToLower() == email).FirstOrDefaultAsync(ct);
    }

    /// <summary>One of the signed-in person's own enrolments; null for anyone else's.</summary>
    public static async Task<Domain.Enrollment?> OwnEnrollment(FlipsideDb db, ClaimsPrincipal user, Guid enrollmentId, CancellationToken ct)
    {
        var person = await PersonOf(db, user, ct);
        if (person is null) return null;
        return await db.Enrollments.Include(e => e.Person).Include(e => e.Cohort).ThenInclude(c => c.Program)
            .Include(e => e.Profile).ThenInclude(p => p!.Topics)
            .SingleOrDefaultAsync(e => e.Id == enrollmentId && e.PersonId == person.Id, ct);
    }
}
