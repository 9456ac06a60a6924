using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Enrollment;

/// <summary>What a program manager sees of a cohort: who is in, in which state, and whether it is ready to match.</summary>
public static class CohortRoster
{
    public sealed record Row(Guid EnrollmentId, string EmployeeId, string Name, string Title, string Department, int Grade,
        ParticipantRole Role, EnrollmentStatus Status, bool ProfileComplete, DateTimeOffset? LastReminderAt, string Motivation);

    public sealed record Readiness(int Mentors, int Mentees, int MentorsReady, int MenteesReady)
    {
        /// <summary>Ready when everyone enrolled has finished their profile and both sides have someone.</summary>
        public bool ReadyToMatch => Mentors > 0 && Mentees > 0 && MentorsReady == Mentors && MenteesReady == Mentees;
        public int NotFinished => Mentors - MentorsReady + Mentees - MenteesReady;
    }

    public static async Task<IReadOnlyList<Row>> List(Guid cohortId, FlipsideDb db, CancellationToken ct) =>
        await db.Enrollments.Where(e => e.CohortId == cohortId)
            .OrderBy(e => e.Role).ThenBy(e => e.Person.Name)
            .Select(e => new Row(e.Id, e.Person.EmployeeId, e.Person.Name, e.Person.Title, e.Person.Department, e.Person.Grade,
                e.Role, e.Status, e.Profile != null && e.Profile.CompletedAt != null, e.LastReminderAt, e.Motivation))
            .ToListAsync(ct);

    public static Readiness ReadinessOf(IReadOnlyList<Row> rows)
    {
        var enrolled = rows.Where(r => r.Status == EnrollmentStatus.Enrolled).ToList();
        var mentors = enrolled.Where(r => r.Role == ParticipantRole.Mentor).ToList();
        var mentees = enrolled.Where(r => r.Role == ParticipantRole.Mentee).ToList();
        return new(mentors.Count, mentees.Count, mentors.Count(r => r.ProfileComplete), mentees.Count(r => r.ProfileComplete));
    }
}
