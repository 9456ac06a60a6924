using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Enrollment;

/// <summary>Reminds enrolled people whose profile is unfinished; at most once a day each, so nobody is nagged.</summary>
public static class SendProfileReminders
{
    public static readonly TimeSpan MinimumGap = TimeSpan.FromDays(1);

    public static async Task<Outcome<int>> Handle(Guid cohortId, Viewer viewer, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await EnrollmentAccess.ManagedCohort(viewer, cohortId, ct) is not { } cohort) return Outcome.NotFound;
        var now = clock.GetUtcNow();
        var since = now - MinimumGap;
        var due = await db.Enrollments.Include(e => e.Person)
            .Where(e => e.CohortId == cohort.Id && e.Status == EnrollmentStatus.Enrolled
                && (e.Profile == null || e.Profile.CompletedAt == null)
                && (e.LastReminderAt == null || e.LastReminderAt < since))
            .ToListAsync(ct);
        foreach (var e in due)
        {
            db.Outbox.Add(EnrollmentEmails.ProfileReminder(e.Person, cohort, baseUrl.TrimEnd('/'), now));
            e.LastReminderAt = now;
        }
        await db.SaveChangesAsync(ct);
        return due.Count;
    }
}
