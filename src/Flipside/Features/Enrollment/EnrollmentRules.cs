using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Enrollment;

/// <summary>
/// The checks every way into a cohort shares (an invitation, an application, accepting either): the cohort
/// still takes people, and the person still meets the program's rules against who is on the other side now.
/// </summary>
public static class EnrollmentRules
{
    /// <summary>Why nobody can join this cohort now, or null when people can.</summary>
    public static string? ClosedReason(Cohort cohort) =>
        cohort.Program.Status == ProgramStatus.Archived ? $"{cohort.Program.Name} is archived; nobody joins an archived program."
        : !cohort.TakesEnrollments ? $"This cohort is {cohort.Status.ToString().ToLowerInvariant()}; people join only while it is planning or enrolling."
        : null;

    public static void EnsureOpen(Cohort cohort)
    {
        if (ClosedReason(cohort) is { } reason) throw new DomainException(reason);
    }

    /// <summary>The people on the other side whose enrolment is still open (invited, applied, awaiting approval or enrolled).</summary>
    public static Task<List<Person>> OtherSide(FlipsideDb db, Guid cohortId, ParticipantRole role, CancellationToken ct) =>
        db.Enrollments
            .Where(e => e.CohortId == cohortId && e.Role != role && Domain.Enrollment.OpenStatuses.Contains(e.Status))
            .Select(e => e.Person).ToListAsync(ct);

    /// <summary>
    /// Run again when someone says yes: the directory or the cohort may have changed since the invitation
    /// (the person left, a rule was tightened, the other side changed).
    /// </summary>
    public static async Task EnsureStillEligible(Domain.Enrollment e, FlipsideDb db, DateTimeOffset now, CancellationToken ct)
    {
        EnsureOpen(e.Cohort);
        var otherSide = await OtherSide(db, e.CohortId, e.Role, ct);
        var problems = Eligibility.Problems(e.Person, e.Role, e.Cohort.Program, otherSide, DateOnly.FromDateTime(now.UtcDateTime));
        if (problems.Count > 0)
            throw new DomainException($"{e.Person.Name} cannot join as {Label(e.Cohort.Program, e.Role)} now: {string.Join("; ", problems)}.");
    }

    public static string Label(MentoringProgram program, ParticipantRole role) => role == ParticipantRole.Mentor ? program.MentorLabel : program.MenteeLabel;
}
