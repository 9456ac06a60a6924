using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Enrollment;

/// <summary>
/// The participant's own answers: accept or decline an invitation, withdraw; and the program manager's answer to a
/// volunteer. A mentor whose program asks for it waits for the line manager, who answers through an emailed link.
/// </summary>
public static class AnswerInvitation
{
    public static async Task<Outcome<Done>> Accept(Guid enrollmentId, Viewer viewer, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await EnrollmentAccess.OwnEnrollment(viewer, enrollmentId, ct) is not { } e) return Outcome.NotFound;
        var now = clock.GetUtcNow();
        if (e.Status == EnrollmentStatus.Invited) await EnrollmentRules.EnsureStillEligible(e, db, now, ct);
        var (approvalNeeded, token) = await ApprovalLink(e, baseUrl, db, now, ct);
        e.Accept(approvalNeeded, token is null ? null : Tokens.Hash(token), now);
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }

    public static async Task<Outcome<Done>> Decline(Guid enrollmentId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await EnrollmentAccess.OwnEnrollment(viewer, enrollmentId, ct) is not { } e) return Outcome.NotFound;
        e.Decline(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }

    /// <summary>
    /// Leaving needs no reason and tells no one why; the roster only shows "withdrawn". A pairing the person was in ends
    /// with them, without fault, as if they had ended it themselves.
    /// </summary>
    public static async Task<Outcome<Done>> Withdraw(Guid enrollmentId, Viewer viewer, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await EnrollmentAccess.OwnEnrollment(viewer, enrollmentId, ct) is not { } e) return Outcome.NotFound;
        var now = clock.GetUtcNow();
        e.Withdraw(now);
        await Pairings.LeavePairing.StageWithdrawal(e, viewer, baseUrl, db, now, ct);
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }

    /// <summary>A program manager takes a volunteer in, or not; returns the volunteer's name for the page to say so.</summary>
    public static async Task<Outcome<string>> DecideApplication(Guid enrollmentId, Guid? cohortId, bool accept, Viewer viewer, string baseUrl, FlipsideDb db,
        TimeProvider clock, CancellationToken ct)
    {
        if (await EnrollmentAccess.ManagedEnrollment(viewer, enrollmentId, ct) is not { } e || (cohortId is { } c && e.CohortId != c)) return Outcome.NotFound;
        var now = clock.GetUtcNow();
        if (accept && e.Status == EnrollmentStatus.Applied) await EnrollmentRules.EnsureStillEligible(e, db, now, ct);
        var (approvalNeeded, token) = accept ? await ApprovalLink(e, baseUrl, db, now, ct) : (false, null);
        e.DecideApplication(accept, approvalNeeded, token is null ? null : Tokens.Hash(token), now);
        db.Record(viewer, now, accept ? "enrollment.application-accepted" : "enrollment.application-declined", "Enrollment", e.Id,
            $"{e.Person.Name} in {e.Cohort.Program.Name}, {e.Cohort.Name}");
        await db.SaveChangesAsync(ct);
        return e.Person.Name;
    }

    /// <summary>
    /// When the program asks for line-manager approval, writes the manager's email and returns the token.
    /// A mentor without a manager in the directory has no one to ask, so is enrolled directly.
    /// </summary>
    private static async Task<(bool Needed, string? Token)> ApprovalLink(Domain.Enrollment e, string baseUrl, FlipsideDb db, DateTimeOffset now, CancellationToken ct)
    {
        if (e.Role != ParticipantRole.Mentor || !e.Cohort.Program.Eligibility.RequireManagerApproval || e.Person.ManagerEmployeeId is null)
            return (false, null);
        var manager = await db.People.SingleOrDefaultAsync(p => p.EmployeeId == e.Person.ManagerEmployeeId, ct);
        if (manager is null) return (false, null);
        var token = Tokens.New();
        // Called before the answer is recorded, so the status still says how the mentor came: invited, or applied.
        var invited = e.Status == EnrollmentStatus.Invited;
        db.Outbox.Add(EnrollmentEmails.ManagerApproval(manager, e.Person, e.Cohort, invited, $"{baseUrl.TrimEnd('/')}/Enrollment/Approval?token={token}", now));
        return (true, token);
    }
}
