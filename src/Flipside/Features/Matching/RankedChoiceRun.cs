using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Matching;
using Flipside.Matching.Stable;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Matching;

/// <summary>
/// The run of a ranked choice cohort: the engine's stable matching of the participants' saved rankings under the
/// same hard constraints, locks and rejections as any run, saved and reviewed like one. Who ranked nobody ranks
/// nobody, so stays unmatched with the engine's reason.
/// </summary>
public static class RankedChoiceRun
{
    public sealed record Rankings(IReadOnlyList<Ranking> Mentees, IReadOnlyList<Ranking> Mentors);

    /// <summary>How many on each side have saved a ranking, and when ranking closes; for the board.</summary>
    public sealed record Status(int LeadersRanked, int Leaders, int MentorsRanked, int Mentors, DateTimeOffset? ClosesAt);

    /// <summary>The cohort's rankings by person id when its program uses ranked choice; null otherwise.</summary>
    public static async Task<Rankings?> Of(Guid cohortId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        if (!await viewer.ManagedCohorts.AnyAsync(c => c.Id == cohortId && c.Program.MatchingMode == MatchingMode.RankedChoice, ct)) return null;
        var rows = await db.Preferences.Where(p => p.CohortId == cohortId)
            .Join(db.Enrollments, p => p.EnrollmentId, e => e.Id, (p, e) => new { p.RankedEnrollmentId, p.Rank, e.PersonId, e.Role })
            .Join(db.Enrollments, x => x.RankedEnrollmentId, e => e.Id, (x, e) => new { x.PersonId, x.Role, x.Rank, Ranked = e.PersonId })
            .ToListAsync(ct);
        List<Ranking> Side(ParticipantRole role) => [.. rows.Where(x => x.Role == role).GroupBy(x => x.PersonId).OrderBy(g => g.Key)
            .Select(g => new Ranking(g.Key.ToString(), [.. g.OrderBy(x => x.Rank).Select(x => x.Ranked.ToString())]))];
        return new Rankings(Side(ParticipantRole.Mentee), Side(ParticipantRole.Mentor));
    }

    /// <summary>
    /// The stable matching for the setup. Rankings of people the run leaves out (already paired, withdrawn, profile
    /// not complete) are set aside: the engine knows only the people in the request.
    /// </summary>
    public static MatchResult Match(MatchSetup.Setup setup, Rankings rankings)
    {
        var mentees = setup.Request.Mentees.Select(m => m.Id).ToHashSet();
        var mentors = setup.Request.Mentors.Select(m => m.Id).ToHashSet();
        return StableMatcher.Propose(setup.Request, [.. rankings.Mentees.Where(r => mentees.Contains(r.Id))],
            [.. rankings.Mentors.Where(r => mentors.Contains(r.Id))]);
    }

    public static async Task<Status> StatusOf(Guid cohortId, DateTimeOffset? closesAt, FlipsideDb db, CancellationToken ct)
    {
        var enrolled = await db.Enrollments.Where(e => e.CohortId == cohortId && e.Status == EnrollmentStatus.Enrolled && e.Person.Status != PersonStatus.Left)
            .Select(e => new { e.Id, e.Role, Ranked = db.Preferences.Any(p => p.EnrollmentId == e.Id) }).ToListAsync(ct);
        int Count(ParticipantRole role, bool ranked) => enrolled.Count(e => e.Role == role && (!ranked || e.Ranked));
        return new Status(Count(ParticipantRole.Mentee, true), Count(ParticipantRole.Mentee, false), Count(ParticipantRole.Mentor, true),
            Count(ParticipantRole.Mentor, false), closesAt);
    }
}
