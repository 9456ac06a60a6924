using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Pairings;

/// <summary>
/// Self-matching requests as each side may see them: a mentor sees the requests made to them, with the leader's
/// name and why they would pair well; a program manager sees their cohorts' requests, without reasons.
/// </summary>
public static class MentorRequests
{
    public sealed record ToMe(Guid RequestId, Guid CohortId, string ProgramName, string LeaderName, string LeaderTitle, string LeaderDepartment,
        MentorRequestStatus Status, DateTimeOffset CreatedAt, DateTimeOffset AnswerBy, IReadOnlyList<string> Reasons);

    public sealed record Row(Guid RequestId, Guid MenteePersonId, string LeaderName, Guid MentorPersonId, string MentorName, MentorRequestStatus Status,
        DateTimeOffset CreatedAt, DateTimeOffset AnswerBy, DateTimeOffset? RemindedAt, DateTimeOffset? AnsweredAt);

    /// <summary>Requests made to the signed-in mentor, newest first.</summary>
    public static async Task<IReadOnlyList<ToMe>> Mine(Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (viewer.Email.Length == 0) return [];
        var now = clock.GetUtcNow();
        var rows = await db.MentorRequests.Where(r => r.MentorEnrollment.Person.Email == viewer.Email).OrderByDescending(r => r.CreatedAt)
            .Join(db.Cohorts, r => r.CohortId, c => c.Id, (r, c) => new ToMe(r.Id, r.CohortId, c.Program.Name, r.MenteeEnrollment.Person.Name,
                r.MenteeEnrollment.Person.Title, r.MenteeEnrollment.Person.Department, r.Status, r.CreatedAt, r.AnswerBy, r.MentorReasons))
            .ToListAsync(ct);
        return [.. rows.Select(r => r.Status == MentorRequestStatus.Open && now >= r.AnswerBy ? r with { Status = MentorRequestStatus.Expired } : r)];
    }

    /// <summary>A cohort's requests for a program manager of it; null when the cohort is not theirs.</summary>
    public static async Task<IReadOnlyList<Row>?> OfCohort(Guid cohortId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        if (!await viewer.ManagedCohorts.AnyAsync(c => c.Id == cohortId, ct)) return null;
        return await db.MentorRequests.Where(r => r.CohortId == cohortId).OrderByDescending(r => r.CreatedAt)
            .Select(r => new Row(r.Id, r.MenteeEnrollment.PersonId, r.MenteeEnrollment.Person.Name, r.MentorEnrollment.PersonId, r.MentorEnrollment.Person.Name,
                r.Status, r.CreatedAt, r.AnswerBy, r.RemindedAt, r.AnsweredAt))
            .ToListAsync(ct);
    }
}
