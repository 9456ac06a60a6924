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

    /// <summary>
    /// The directory entry of the signed-in person, matched by email. The directory holds emails in lower case under a
    /// unique index; should two people ever share one, the account is nobody's rather than whichever row comes first.
    /// </summary>
    public static async Task<Person?> PersonOf(FlipsideDb db, ClaimsPrincipal user, CancellationToken ct)
    {
        var email = (user.FindFirstValue(ClaimTypes.Email) ?? user.Identity?.Name ?? "").Trim().ToLowerInvariant();
        if (email.Length == 0) return null;
        var matches = await db.People.Where(p => p.Email == email).Take(2).ToListAsync(ct);
        return matches.Count == 1 ? matches[0] : null;
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
