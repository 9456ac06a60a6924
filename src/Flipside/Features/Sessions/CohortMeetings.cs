using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Sessions;

/// <summary>
/// A cohort's meetings for its program managers: per published pairing, counts only (held against the cadence, last
/// meeting, cancellations by side and how many late, the leader's action items done of taken). Never an item's text,
/// an agenda or what anyone learned. One SQL statement with correlated counts, so 1,000 pairings are one round trip.
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
        var rows = await db.Pairings.AsNoTracking().Where(p => p.CohortId == cohortId && p.PublishedAt != null)
            .OrderBy(p => p.MenteeEnrollment.Person.Name).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, Mentor = p.MentorEnrollment.Person.Name, Mentee = p.MenteeEnrollment.Person.Name, p.Status, p.PublishedAt, p.EndedAt,
                Held = db.Meetings.Count(m => m.PairingId == p.Id && m.Status == MeetingStatus.Held),
                LastHeld = db.Meetings.Where(m => m.PairingId == p.Id && m.Status == MeetingStatus.Held).OrderByDescending(m => m.StartsAt)
                    .Select(m => (DateTimeOffset?)m.StartsAt).FirstOrDefault(),
                Upcoming = db.Meetings.Count(m => m.PairingId == p.Id && (m.Status == MeetingStatus.Proposed || m.Status == MeetingStatus.Accepted) && m.StartsAt > now),
                ByMentor = db.Meetings.Count(m => m.PairingId == p.Id && m.Status == MeetingStatus.Cancelled && m.CancelledBy == ParticipantRole.Mentor),
                ByMentee = db.Meetings.Count(m => m.PairingId == p.Id && m.Status == MeetingStatus.Cancelled && m.CancelledBy == ParticipantRole.Mentee),
                LateByMentor = db.Meetings.Count(m => m.PairingId == p.Id && m.Status == MeetingStatus.Cancelled && m.CancelledBy == ParticipantRole.Mentor && m.CancelledHoursBefore < late),
                LateByMentee = db.Meetings.Count(m => m.PairingId == p.Id && m.Status == MeetingStatus.Cancelled && m.CancelledBy == ParticipantRole.Mentee && m.CancelledHoursBefore < late),
                NoShowMentor = db.Meetings.Count(m => m.PairingId == p.Id && m.Status == MeetingStatus.NotHeld && m.NoShow == ParticipantRole.Mentor),
                NoShowMentee = db.Meetings.Count(m => m.PairingId == p.Id && m.Status == MeetingStatus.NotHeld && m.NoShow == ParticipantRole.Mentee),
                Taken = db.ActionItems.Count(a => a.PairingId == p.Id && a.Owner == ParticipantRole.Mentee),
                Done = db.ActionItems.Count(a => a.PairingId == p.Id && a.Owner == ParticipantRole.Mentee && a.CompletedAt != null),
            })
            .ToListAsync(ct);
        return new View(cohort.Id, cohort.Name, cohort.ProgramId, cohort.Program, cohort.MentorLabel, cohort.MenteeLabel, cohort.CadenceWeeks,
            [.. rows.Select(r => new Row(r.Id, r.Mentor, r.Mentee, r.Status, r.PublishedAt, r.Held, Ledger.Expected(r.PublishedAt, cohort.CadenceWeeks, r.EndedAt ?? now),
                r.LastHeld, r.Upcoming, r.ByMentor, r.ByMentee, r.LateByMentor, r.LateByMentee, r.NoShowMentor, r.NoShowMentee, r.Taken, r.Done))]);
    }
}
