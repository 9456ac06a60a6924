using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Enrollment;

/// <summary>The mentor's line manager approves or declines through the emailed link; no account needed.</summary>
public static class LineManagerApproval
{
    public sealed record Request(string? Token, bool Approve);

    public static Task<Domain.Enrollment?> Find(string? token, FlipsideDb db, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return Task.FromResult<Domain.Enrollment?>(null);
        var hash = Tokens.Hash(token);
        return db.Enrollments.Include(e => e.Person).Include(e => e.Cohort).ThenInclude(c => c.Program)
            .SingleOrDefaultAsync(e => e.ApprovalTokenHash == hash && e.Status == EnrollmentStatus.AwaitingManagerApproval, ct);
    }

    /// <returns>Not found when the link is unknown or already answered.</returns>
    /// <remarks>
    /// The link is the line manager's whole authority: they need no account, so no viewer scope applies. The mentor
    /// hears the answer either way, so a "no" never leaves them waiting in silence.
    /// </remarks>
    public static async Task<Outcome<Done>> Handle(Request r, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var enrollment = await Find(r.Token, db, ct);
        if (enrollment is null) return Outcome.NotFound;
        var now = clock.GetUtcNow();
        // The approval is what enrols the mentor, so it passes the same checks as any other way in.
        if (r.Approve) await EnrollmentRules.EnsureStillEligible(enrollment, db, now, ct);
        enrollment.DecideAsLineManager(r.Approve, now);
        db.Outbox.Add(EnrollmentEmails.ManagerAnswered(enrollment, r.Approve, baseUrl.TrimEnd('/'), now));
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }
}
