using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Sessions;

/// <summary>
/// Which active pairings are at risk and by which rule, from metadata only (dates and counts, never content): the
/// managers' weekly digest reads it, and program health will. Senior resistance shows here as cancellations by one side.
/// </summary>
public static class PairRisks
{
    public const int QuietDays = 45;
    public const int CancellationsThatRepeat = 2;
    public static readonly TimeSpan CancellationWindow = TimeSpan.FromDays(90);

    public sealed record AtRisk(Guid PairingId, Guid ProgramId, string ProgramName, string CohortName, string MentorName, string MenteeName, IReadOnlyList<string> Reasons);

    public static async Task<IReadOnlyList<AtRisk>> In(IReadOnlyCollection<Guid> programIds, FlipsideDb db, DateTimeOffset now, CancellationToken ct)
    {
        var recent = now - CancellationWindow;
        var rows = await db.Pairings.Where(p => p.Status == PairingStatus.Active && programIds.Contains(p.Cohort.ProgramId))
            .OrderBy(p => p.Cohort.Program.Name).ThenBy(p => p.MenteeEnrollment.Person.Name).ThenBy(p => p.Id)
            .Select(p => new
            {
                p.Id, p.Cohort.ProgramId, Program = p.Cohort.Program.Name, Cohort = p.Cohort.Name, p.Cohort.Program.CadenceWeeks, p.Cohort.Program.MentorLabel,
                p.Cohort.Program.MenteeLabel, p.PublishedAt, Mentor = p.MentorEnrollment.Person.Name, Mentee = p.MenteeEnrollment.Person.Name,
                LastHeld = db.Meetings.Where(m => m.PairingId == p.Id && m.Status == MeetingStatus.Held).Max(m => (DateTimeOffset?)m.StartsAt),
                NextPlanned = db.Meetings.Where(m => m.PairingId == p.Id && (m.Status == MeetingStatus.Proposed || m.Status == MeetingStatus.Accepted) && m.StartsAt > now)
                    .Min(m => (DateTimeOffset?)m.StartsAt),
                ByMentor = db.Meetings.Count(m => m.PairingId == p.Id && m.Status == MeetingStatus.Cancelled && m.CancelledBy == ParticipantRole.Mentor && m.CancelledAt > recent),
                ByMentee = db.Meetings.Count(m => m.PairingId == p.Id && m.Status == MeetingStatus.Cancelled && m.CancelledBy == ParticipantRole.Mentee && m.CancelledAt > recent),
                Signed = db.Agreements.Any(a => a.PairingId == p.Id && a.SignedByBothAt != null),
            })
            .ToListAsync(ct);
        var atRisk = new List<AtRisk>();
        foreach (var r in rows)
        {
            if (r.PublishedAt is not { } published) continue;
            var since = r.LastHeld is { } held && held > published ? held : published;
            var reasons = new List<string>();
            if (!MeetingNudges.PlannedSoon(r.NextPlanned, r.CadenceWeeks, now) && now - since > TimeSpan.FromDays(7 * r.CadenceWeeks) + MeetingNudges.CadenceGrace)
                reasons.Add($"Cadence slipping: no meeting held for {(int)(now - since).TotalDays} days and none planned (the program asks for one every {Words.Count(r.CadenceWeeks, "week")}).");
            if (now - since > TimeSpan.FromDays(QuietDays))
                reasons.Add(r.LastHeld is null ? $"No meeting held in the {(int)(now - published).TotalDays} days since the pairing started." : $"No meeting in {QuietDays} days.");
            if (r.ByMentee >= CancellationsThatRepeat) reasons.Add($"Repeated cancellations by the {r.MenteeLabel}: {r.ByMentee} in 90 days.");
            if (r.ByMentor >= CancellationsThatRepeat) reasons.Add($"Repeated cancellations by the {r.MentorLabel}: {r.ByMentor} in 90 days.");
            if (!r.Signed && now - published > Agreements.AgreementStatus.Grace) reasons.Add("Agreement not signed by both a week after the pairing started.");
            if (reasons.Count > 0) atRisk.Add(new(r.Id, r.ProgramId, r.Program, r.Cohort, r.Mentor, r.Mentee, reasons));
        }
        return atRisk;
    }
}
