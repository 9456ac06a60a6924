using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Sessions;

/// <summary>
/// A cohort's meetings for its program managers: per published pairing, counts only (held against the cadence, last
/// meeting, cancellations by side and how many late, the leader's action items done of taken). Never an item's text,
/// an agenda or what anyone learned. One GROUP BY over the cohort's meetings per pairing (last held included) and one over
/// the leader's action items, whatever the number of pairings; the table is a page of <see cref="PageSize"/> rows,
/// the pairs furthest behind their cadence first, or by name.
/// </summary>
public static class CohortMeetings
{
    public const int PageSize = 50;

    public sealed record Row(Guid PairingId, string MentorName, string MenteeName, PairingStatus Status, DateTimeOffset? PublishedAt, int Held, int Expected,
        DateTimeOffset? LastHeld, int Upcoming, int CancelledByMentor, int CancelledByMentee, int LateCancellationsByMentor, int LateCancellationsByMentee,
        int NoShowsByMentor, int NoShowsByMentee, int LeaderItemsTaken, int LeaderItemsDone)
    {
        public bool Behind => Held < Expected;
    }

    /// <summary><see cref="Sort"/> is "risk" (furthest behind first) or "name" (by the leader's name).</summary>
    public sealed record View(Guid CohortId, string CohortName, Guid ProgramId, string ProgramName, string MentorLabel, string MenteeLabel, int CadenceWeeks,
        IReadOnlyList<Row> Pairings, int Total, int Behind, int Page, int Pages, string Sort);

    public static async Task<Outcome<View>> Handle(Guid cohortId, int? page, string? sort, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var cohort = await viewer.ManagedCohorts.Where(c => c.Id == cohortId)
            .Select(c => new { c.Id, c.Name, c.ProgramId, Program = c.Program.Name, c.Program.MentorLabel, c.Program.MenteeLabel, c.Program.CadenceWeeks })
            .FirstOrDefaultAsync(ct);
        if (cohort is null) return Outcome.NotFound;
        var byName = string.Equals(sort, "name", StringComparison.OrdinalIgnoreCase);
        var now = clock.GetUtcNow();
        const double late = Ledger.LateHours;
        var pairings = db.Pairings.Where(p => p.CohortId == cohortId && p.PublishedAt != null);
        var rows = await pairings.AsNoTracking()
            .Select(p => new { p.Id, Mentor = p.MentorEnrollment.Person.Name, Mentee = p.MenteeEnrollment.Person.Name, p.Status, p.PublishedAt, p.EndedAt })
            .ToListAsync(ct);
        // One scan of the cohort's meetings, grouped per pairing: every count and the last held start, no subquery per row.
        var counts = await db.Meetings.Where(m => pairings.Any(p => p.Id == m.PairingId)).GroupBy(m => m.PairingId)
            .Select(g => new
            {
                PairingId = g.Key,
                Held = g.Count(m => m.Status == MeetingStatus.Held),
                LastHeld = g.Where(m => m.Status == MeetingStatus.Held).Max(m => (DateTimeOffset?)m.StartsAt),
                Upcoming = g.Count(m => (m.Status == MeetingStatus.Proposed || m.Status == MeetingStatus.Accepted) && m.StartsAt > now),
                ByMentor = g.Count(m => m.Status == MeetingStatus.Cancelled && m.CancelledBy == ParticipantRole.Mentor),
                ByMentee = g.Count(m => m.Status == MeetingStatus.Cancelled && m.CancelledBy == ParticipantRole.Mentee),
                LateByMentor = g.Count(m => m.Status == MeetingStatus.Cancelled && m.CancelledBy == ParticipantRole.Mentor && m.CancelledHoursBefore < late),
                LateByMentee = g.Count(m => m.Status == MeetingStatus.Cancelled && m.CancelledBy == ParticipantRole.Mentee && m.CancelledHoursBefore < late),
                NoShowMentor = g.Count(m => m.Status == MeetingStatus.NotHeld && m.NoShow == ParticipantRole.Mentor),
                NoShowMentee = g.Count(m => m.Status == MeetingStatus.NotHeld && m.NoShow == ParticipantRole.Mentee),
            })
            .ToDictionaryAsync(c => c.PairingId, ct);
        var all = rows.Select(r =>
        {
            var c = counts.GetValueOrDefault(r.Id);
            return (r, c, Held: c?.Held ?? 0, Expected: Ledger.Expected(r.PublishedAt, cohort.CadenceWeeks, r.EndedAt ?? now));
        }).ToList();
        var ordered = byName
            ? all.OrderBy(x => x.r.Mentee, StringComparer.CurrentCultureIgnoreCase).ThenBy(x => x.r.Id)
            : all.OrderByDescending(x => x.Expected - x.Held).ThenBy(x => x.c?.LastHeld ?? DateTimeOffset.MinValue)
                .ThenBy(x => x.r.Mentee, StringComparer.CurrentCultureIgnoreCase).ThenBy(x => x.r.Id);
        var pages = Math.Max(1, (all.Count + PageSize - 1) / PageSize);
        var number = Math.Clamp(page ?? 1, 1, pages);
        var shown = ordered.Skip((number - 1) * PageSize).Take(PageSize).ToList();
        var ids = shown.Select(x => x.r.Id).ToList();
        var items = await db.ActionItems.Where(a => a.Owner == ParticipantRole.Mentee && ids.Contains(a.PairingId)).GroupBy(a => a.PairingId)
            .Select(g => new { PairingId = g.Key, Taken = g.Count(), Done = g.Count(a => a.CompletedAt != null) })
            .ToDictionaryAsync(c => c.PairingId, ct);
        return new View(cohort.Id, cohort.Name, cohort.ProgramId, cohort.Program, cohort.MentorLabel, cohort.MenteeLabel, cohort.CadenceWeeks,
            [.. shown.Select(x =>
            {
                var (r, c) = (x.r, x.c);
                var i = items.GetValueOrDefault(r.Id);
                return new Row(r.Id, r.Mentor, r.Mentee, r.Status, r.PublishedAt, x.Held, x.Expected, c?.LastHeld, c?.Upcoming ?? 0, c?.ByMentor ?? 0,
                    c?.ByMentee ?? 0, c?.LateByMentor ?? 0, c?.LateByMentee ?? 0, c?.NoShowMentor ?? 0, c?.NoShowMentee ?? 0, i?.Taken ?? 0, i?.Done ?? 0);
            })],
            all.Count, all.Count(x => x.Held < x.Expected), number, pages, byName ? "name" : "risk");
    }
}
