using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Sessions;

/// <summary>
/// A cohort's meetings for its program managers: per published pairing, counts only (held against the cadence, last
/// meeting, cancellations by side and how many late, the leader's action items done of taken). Never an item's text,
/// an agenda or what anyone learned. Grouped counts in SQL: four queries whatever the number of pairings.
/// </summary>
public static class CohortMeetings
{
    public sealed record Row(Guid PairingId, string MentorName, string MenteeName, PairingStatus Status, DateTimeOffset? PublishedAt, int Held, int Expected,
        DateTimeOffset? LastHeld, int Upcoming, int CancelledByMentor, int CancelledByMentee, int LateCancellationsByMentor, int LateCancellationsByMentee,
        int NoShowsByMentor, int NoShowsByMentee, int LeaderItemsTaken, int LeaderItemsDone);

    public sealed record View(Guid CohortId, string CohortName, Guid ProgramId, string ProgramName, string MentorLabel, string MenteeLabel, int CadenceWeeks,
        IReadOnlyList<Row> Pairings);

    public static async Task<Outcome<View>> Handle(Guid cohortId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var cohort = await viewer.ManagedCohorts.Where(c => c.Id == cohortId)
            .Select(c => new { c.Id, c.Name, c.ProgramId, Program = c.Program.Name, c.Program.MentorLabel, c.Program.MenteeLabel, c.Program.CadenceWeeks })
            .FirstOrDefaultAsync(ct);
        if (cohort is null) return Outcome.NotFound;
        var now = clock.GetUtcNow();
        const double late = Ledger.LateHours;
        var pairings = db.Pairings.Where(p => p.CohortId == cohortId && p.PublishedAt != null);
        var rows = await pairings.AsNoTracking().OrderBy(p => p.MenteeEnrollment.Person.Name).ThenBy(p => p.Id)
            .Select(p => new { p.Id, Mentor = p.MentorEnrollment.Person.Name, Mentee = p.MenteeEnrollment.Person.Name, p.Status, p.PublishedAt, p.EndedAt })
            .ToListAsync(ct);
        // Grouped counts, one scan each over the cohort's meetings and action items, rather than a subquery per pairing.
        var counts = await db.Meetings.Where(m => pairings.Any(p => p.Id == m.PairingId)).GroupBy(m => m.PairingId)
            .Select(g => new
            {
                PairingId = g.Key,
                Held = g.Count(m => m.Status == MeetingStatus.Held),
                Upcoming = g.Count(m => (m.Status == MeetingStatus.Proposed || m.Status == MeetingStatus.Accepted) && m.StartsAt > now),
                ByMentor = g.Count(m => m.Status == MeetingStatus.Cancelled && m.CancelledBy == ParticipantRole.Mentor),
                ByMentee = g.Count(m => m.Status == MeetingStatus.Cancelled && m.CancelledBy == ParticipantRole.Mentee),
                LateByMentor = g.Count(m => m.Status == MeetingStatus.Cancelled && m.CancelledBy == ParticipantRole.Mentor && m.CancelledHoursBefore < late),
                LateByMentee = g.Count(m => m.Status == MeetingStatus.Cancelled && m.CancelledBy == ParticipantRole.Mentee && m.CancelledHoursBefore < late),
                NoShowMentor = g.Count(m => m.Status == MeetingStatus.NotHeld && m.NoShow == ParticipantRole.Mentor),
                NoShowMentee = g.Count(m => m.Status == MeetingStatus.NotHeld && m.NoShow == ParticipantRole.Mentee),
            })
            .ToDictionaryAsync(c => c.PairingId, ct);
        // The latest held meeting per pairing: held starts only, newest first, the first of each pairing kept.
        var lastHeld = new Dictionary<Guid, DateTimeOffset>();
        foreach (var held in await db.Meetings.Where(m => m.Status == MeetingStatus.Held && pairings.Any(p => p.Id == m.PairingId))
            .OrderByDescending(m => m.StartsAt).Select(m => new { m.PairingId, m.StartsAt }).ToListAsync(ct))
            lastHeld.TryAdd(held.PairingId, held.StartsAt);
        var items = await db.ActionItems.Where(a => a.Owner == ParticipantRole.Mentee && pairings.Any(p => p.Id == a.PairingId)).GroupBy(a => a.PairingId)
            .Select(g => new { PairingId = g.Key, Taken = g.Count(), Done = g.Count(a => a.CompletedAt != null) })
            .ToDictionaryAsync(c => c.PairingId, ct);
        return new View(cohort.Id, cohort.Name, cohort.ProgramId, cohort.Program, cohort.MentorLabel, cohort.MenteeLabel, cohort.CadenceWeeks,
            [.. rows.Select(r =>
            {
                var c = counts.GetValueOrDefault(r.Id);
                var i = items.GetValueOrDefault(r.Id);
                return new Row(r.Id, r.Mentor, r.Mentee, r.Status, r.PublishedAt, c?.Held ?? 0, Ledger.Expected(r.PublishedAt, cohort.CadenceWeeks, r.EndedAt ?? now),
                    lastHeld.TryGetValue(r.Id, out var last) ? last : null, c?.Upcoming ?? 0, c?.ByMentor ?? 0, c?.ByMentee ?? 0, c?.LateByMentor ?? 0,
                    c?.LateByMentee ?? 0, c?.NoShowMentor ?? 0, c?.NoShowMentee ?? 0, i?.Taken ?? 0, i?.Done ?? 0);
            })]);
    }
}
