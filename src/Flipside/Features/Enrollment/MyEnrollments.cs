using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Enrollment;

/// <summary>A participant's own enrolments, and the cohorts they could volunteer for.</summary>
public static class MyEnrollments
{
    public sealed record Item(Guid EnrollmentId, Guid CohortId, string ProgramName, string CohortName, string Purpose, ParticipantRole Role,
        string RoleLabel, EnrollmentStatus Status, bool ProfileComplete, string Cadence, int DurationMonths, CohortStatus CohortStatus,
        MatchingMode MatchingMode = MatchingMode.Managed);

    public sealed record OpenCohort(Guid CohortId, string ProgramName, string CohortName, string Purpose, string MentorLabel, string MenteeLabel,
        DateOnly StartsOn, string Cadence, int DurationMonths);

    public static async Task<IReadOnlyList<Item>> List(Guid personId, FlipsideDb db, CancellationToken ct)
    {
        var rows = await db.Enrollments.Where(e => e.PersonId == personId)
            .Select(e => new
            {
                e.Id, e.CohortId, Program = e.Cohort.Program, CohortName = e.Cohort.Name, CohortStatus = e.Cohort.Status, e.Role, e.Status,
                Complete = e.Profile != null && e.Profile.CompletedAt != null, e.CreatedAt
            })
            .ToListAsync(ct);
        return [.. rows.OrderByDescending(r => r.CreatedAt).Select(r => new Item(r.Id, r.CohortId, r.Program.Name, r.CohortName, r.Program.Purpose, r.Role,
            r.Role == ParticipantRole.Mentor ? r.Program.MentorLabel : r.Program.MenteeLabel, r.Status, r.Complete,
            r.Program.DescribeCadence(), r.Program.DurationMonths, r.CohortStatus, r.Program.MatchingMode))];
    }

    public static async Task<IReadOnlyList<OpenCohort>> OpenForApplications(Guid personId, FlipsideDb db, CancellationToken ct)
    {
        var cohorts = await db.Cohorts.Include(c => c.Program).Where(Cohort.TakingEnrollments)
            .Where(c => c.OpenForApplications
                && c.Program.Status == ProgramStatus.Active && !c.Enrollments.Any(e => e.PersonId == personId))
            .ToListAsync(ct);
        return [.. cohorts.OrderBy(c => c.StartsOn).Select(c => new OpenCohort(c.Id, c.Program.Name, c.Name, c.Program.Purpose, c.Program.MentorLabel,
            c.Program.MenteeLabel, c.StartsOn, c.Program.DescribeCadence(), c.Program.DurationMonths))];
    }
}

/// <summary>A profile as its owner sees and edits it.</summary>
public sealed record ProfileView(Guid EnrollmentId, ParticipantRole Role, string TimeZone, IReadOnlyList<SaveProfile.TopicInput> Topics, IReadOnlyList<string> Interests,
    int CommunicationStyle, MeetingMode MeetingMode, IReadOnlyList<int> Availability, IReadOnlyList<string> Languages, string HopeToGive, string HopeToGet, bool Complete)
{
    public static ProfileView Of(Domain.Enrollment e)
    {
        var p = e.Profile;
        return new(e.Id, e.Role, e.Person.TimeZone,
            [.. (p?.Topics ?? []).OrderBy(t => t.Name).Select(t => new SaveProfile.TopicInput(t.Name, t.Level))],
            p?.Interests ?? [], p?.CommunicationStyle ?? 3, p?.MeetingMode ?? MeetingMode.Either, p?.Availability ?? [],
            p?.Languages ?? (e.Person.Languages.Length > 0 ? [.. e.Person.Languages.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)] : []),
            p?.HopeToGive ?? "", p?.HopeToGet ?? "", p?.IsComplete ?? false);
    }
}
