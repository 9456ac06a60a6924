using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Matching.Suggestions;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Pairings;

/// <summary>
/// Where a participant stands in a ranked choice cohort: the self-matching context (same people, same rules), their
/// side, and when ranking closes. Leaders rank the mentors suggested to them and mentors the leaders suggested to
/// them; the manager's run then makes a stable matching of those rankings.
/// </summary>
public static class RankedChoice
{
    public sealed record Context(SelfMatching.Context Choosing, ParticipantRole Role, DateTimeOffset? ClosesAt)
    {
        public string OtherLabel => Role == ParticipantRole.Mentee ? Choosing.Program.MentorLabel : Choosing.Program.MenteeLabel;

        public bool Open(DateTimeOffset now) => ClosesAt is not { } closes || now < closes;
    }

    public static async Task<Outcome<Context>> Load(Guid cohortId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var role = await viewer.OwnEnrollments.Where(e => e.CohortId == cohortId && e.Status == EnrollmentStatus.Enrolled)
            .Select(e => (ParticipantRole?)e.Role).FirstOrDefaultAsync(ct);
        if (role is not { } side) return Outcome.NotFound;
        var loaded = await SelfMatching.Load(cohortId, side, viewer, db, clock, ct, MatchingMode.RankedChoice);
        if (loaded.Problem is { } problem) return problem;
        var c = loaded.Value;
        return new Context(c, side, c.Cohort.RankingClosesAt(c.Program.RankingDays));
    }

    /// <summary>
    /// Whom this person may rank: the engine's suggestions for their side, spread across everyone ranking, without
    /// the pairs a run keeps (a locked pair is settled, not ranked).
    /// </summary>
    public static IReadOnlyList<Suggestion> Suggested(Context c)
    {
        var request = c.Choosing.Setup.Request with { Locked = [] };
        string me = c.Choosing.MyPersonId.ToString();
        return (c.Role == ParticipantRole.Mentee ? Suggester.MentorsForMentees(request) : Suggester.MenteesForMentors(request))
            .GetValueOrDefault(me) ?? [];
    }

    public static Guid Other(Context c, Suggestion s) => Guid.Parse(c.Role == ParticipantRole.Mentee ? s.MentorId : s.MenteeId);

    public static string Closed(DateTimeOffset closedAt) =>
        $"Ranking closed on {closedAt:d MMMM yyyy} at {closedAt:HH:mm} UTC. The program manager now makes the pairs; ask them if something changed.";
}
