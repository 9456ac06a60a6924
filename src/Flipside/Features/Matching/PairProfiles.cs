using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Matching;

/// <summary>The two profiles of a pair side by side, for program staff, with what they share marked.</summary>
public static class PairProfiles
{
    public sealed record Side(string Name, string Title, string Department, string Location, string TimeZone, int Grade, IReadOnlyList<string> Skills,
        IReadOnlyList<string> Goals, IReadOnlyList<string> Interests, IReadOnlyList<string> Languages, int CommunicationStyle, MeetingMode MeetingMode,
        string HopeToGive, string HopeToGet);

    public sealed record View(Guid CohortId, string CohortName, PairingStatus Status, long Score, IReadOnlyList<string> Reasons, Side Mentee, Side Mentor,
        IReadOnlySet<string> Shared);

    public static async Task<View?> Handle(Guid cohortId, Guid pairingId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        var pairing = await viewer.ManagedPairings.Where(p => p.Id == pairingId && p.CohortId == cohortId)
            .Select(p => new { p.CohortId, Cohort = p.Cohort.Name, p.Status, p.Score, p.StaffReasons, p.MenteeEnrollmentId, p.MentorEnrollmentId })
            .SingleOrDefaultAsync(ct);
        if (pairing is null) return null;
        var mentee = await Load(pairing.MenteeEnrollmentId, db, ct);
        var mentor = await Load(pairing.MentorEnrollmentId, db, ct);
        var shared = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        shared.UnionWith(mentee.Interests.Intersect(mentor.Interests, StringComparer.OrdinalIgnoreCase));
        shared.UnionWith(mentee.Languages.Intersect(mentor.Languages, StringComparer.OrdinalIgnoreCase));
        shared.UnionWith(mentee.Goals.Intersect(mentor.Skills, StringComparer.OrdinalIgnoreCase));
        return new View(pairing.CohortId, pairing.Cohort, pairing.Status, pairing.Score, pairing.StaffReasons, mentee, mentor, shared);
    }

    private static async Task<Side> Load(Guid enrollmentId, FlipsideDb db, CancellationToken ct)
    {
        var e = await db.Enrollments.Include(x => x.Person).Include(x => x.Profile!).ThenInclude(p => p.Topics).AsSplitQuery()
            .SingleAsync(x => x.Id == enrollmentId, ct);
        var p = e.Profile;
        var topics = p?.Topics ?? [];
        return new Side(e.Person.Name, e.Person.Title, e.Person.Department, e.Person.Location, e.Person.TimeZone, e.Person.Grade,
            [.. topics.Where(t => t.Kind == TopicKind.Skill).OrderByDescending(t => t.Level).Select(t => $"{t.Name}")],
            [.. topics.Where(t => t.Kind == TopicKind.LearningGoal).OrderBy(t => t.Level).Select(t => t.Name)],
            p?.Interests ?? [], p?.Languages ?? [], p?.CommunicationStyle ?? 3, p?.MeetingMode ?? MeetingMode.Either, p?.HopeToGive ?? "", p?.HopeToGet ?? "");
    }
}
