using Flipside.Data;
using Flipside.Domain;
using Flipside.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Enrollment;

/// <summary>
/// The participant's own answers: accept or decline an invitation, apply as a volunteer, withdraw. A
/// mentor whose program asks for it waits for the line manager, who answers through an emailed link.
/// </summary>
public static class AnswerInvitation
{
    public static async Task Accept(Domain.Enrollment e, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (e.Status == EnrollmentStatus.Invited) await EnrollmentRules.EnsureStillEligible(e, db, now, ct);
        var (approvalNeeded, token) = await ApprovalLink(e, baseUrl, db, now, ct);
        e.Accept(approvalNeeded, token is null ? null : Tokens.Hash(token), now);
        await db.SaveChangesAsync(ct);
    }

    public static async Task Decline(Domain.Enrollment e, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        e.Decline(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Leaving needs no reason and tells no one why; the roster only shows "withdrawn".</summary>
    public static async Task Withdraw(Domain.Enrollment e, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        e.Withdraw(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A program manager takes a volunteer in, or not.</summary>
    public static async Task DecideApplication(Domain.Enrollment e, bool accept, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        if (accept && e.Status == EnrollmentStatus.Applied) await EnrollmentRules.EnsureStillEligible(e, db, now, ct);
        var (approvalNeeded, token) = accept ? await ApprovalLink(e, baseUrl, db, now, ct) : (false, null);
        e.DecideApplication(accept, approvalNeeded, token is null ? null : Tokens.Hash(token), now);
        await db.SaveChangesAsync(ct);
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
        db.Outbox.Add(EnrollmentEmails.ManagerApproval(manager, e.Person, e.Cohort, $"{baseUrl.TrimEnd('/')}/Enrollment/Approval?token={token}", now));
        return (true, token);
    }
}
