using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Enrollment;

/// <summary>The enrolment records this feature's use cases load, each through the viewer's scope and with what they need.</summary>
public static class EnrollmentAccess
{
    /// <summary>The cohort with its program when this viewer manages it; null otherwise, which callers answer with 404.</summary>
    public static Task<Domain.Cohort?> ManagedCohort(Viewer viewer, Guid cohortId, CancellationToken ct) =>
        viewer.ManagedCohorts.Include(c => c.Program).SingleOrDefaultAsync(c => c.Id == cohortId, ct);

    public static Task<Domain.Enrollment?> ManagedEnrollment(Viewer viewer, Guid enrollmentId, CancellationToken ct) =>
        viewer.ManagedEnrollments.Include(e => e.Person).Include(e => e.Cohort).ThenInclude(c => c.Program)
            .SingleOrDefaultAsync(e => e.Id == enrollmentId, ct);

    /// <summary>An enrolment in a cohort this viewer manages, with its person and profile; null otherwise (404).</summary>
    public static Task<Domain.Enrollment?> ManagedEnrollmentWithProfile(Viewer viewer, Guid enrollmentId, CancellationToken ct) =>
        viewer.ManagedEnrollments.AsNoTracking().Include(e => e.Person).Include(e => e.Cohort).ThenInclude(c => c.Program)
            .Include(e => e.Profile).ThenInclude(p => p!.Topics).AsSplitQuery()
            .SingleOrDefaultAsync(e => e.Id == enrollmentId, ct);

    /// <summary>One of the viewer's own enrolments, with its profile; null for anyone else's.</summary>
    public static Task<Domain.Enrollment?> OwnEnrollment(Viewer viewer, Guid enrollmentId, CancellationToken ct) =>
        viewer.OwnEnrollments.Include(e => e.Person).Include(e => e.Cohort).ThenInclude(c => c.Program)
            .Include(e => e.Profile).ThenInclude(p => p!.Topics)
            .SingleOrDefaultAsync(e => e.Id == enrollmentId, ct);
}
