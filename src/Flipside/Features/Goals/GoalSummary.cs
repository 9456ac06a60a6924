using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Goals;

/// <summary>
/// For program staff: per published pairing of their cohort, how many goals each side set, milestones done out of all,
/// as a percentage, and when progress was last written. Never a goal's, milestone's or update's text.
/// </summary>
public static class GoalSummary
{
    public sealed record Row(Guid PairingId, int MentorGoals, int MenteeGoals, int Milestones, int MilestonesDone, int Percent, int ProgressUpdates,
        DateTimeOffset? LastProgressAt);

    public static async Task<Outcome<IReadOnlyList<Row>>> OfCohort(Guid cohortId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        if (!await viewer.ManagedCohorts.AnyAsync(c => c.Id == cohortId, ct)) return Outcome.NotFound;
        var pairings = db.Pairings.Where(p => p.CohortId == cohortId && p.PublishedAt != null);
        var goals = await db.Goals.Where(g => pairings.Any(p => p.Id == g.PairingId))
            .Select(g => new
            {
                g.PairingId, g.Owner, Milestones = g.Milestones.Count, Done = g.Milestones.Count(m => m.DoneAt != null), Updates = g.Progress.Count,
                Last = g.Progress.OrderByDescending(p => p.At).Select(p => (DateTimeOffset?)p.At).FirstOrDefault(),
            })
            .ToListAsync(ct);
        var ids = await pairings.OrderBy(p => p.MenteeEnrollment.Person.Name).Select(p => p.Id).ToListAsync(ct);
        return ids.Select(id =>
        {
            var mine = goals.Where(g => g.PairingId == id).ToList();
            int total = mine.Sum(g => g.Milestones), done = mine.Sum(g => g.Done);
            return new Row(id, mine.Count(g => g.Owner == Domain.ParticipantRole.Mentor), mine.Count(g => g.Owner == Domain.ParticipantRole.Mentee), total, done,
                Domain.Goal.Percent(done, total), mine.Sum(g => g.Updates), mine.Max(g => g.Last));
        }).ToList();
    }
}
