using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Celebration;

/// <summary>
/// The milestones job: finds what each published pairing has reached (meetings held, the cohort's halfway day and
/// end) and records each milestone once, with a message to both partners in the same save. Each pairing is saved on
/// its own, so a milestone another instance recorded first (the unique index refuses ours) costs only that pairing's
/// batch, which the next run finds already done.
/// </summary>
public sealed class RecordMilestones(FlipsideDb db, PublicUrl url, TimeProvider clock, ILogger<RecordMilestones> log) : IJob
{
    public const string Name = "milestones";

    public Task<int> RunOnceAsync(CancellationToken ct) => RecordAsync(db, url.Base, clock.GetUtcNow(), log, ct);

    /// <summary>One pass over every pairing still to complete; the demo calls it as its history plays.</summary>
    public static async Task<int> RecordAsync(FlipsideDb db, string baseUrl, DateTimeOffset now, ILogger log, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // Pairings that have not completed yet; one that completed has nothing more to reach.
        var candidates = await db.Pairings
            .Where(p => p.PublishedAt != null && (p.Status == PairingStatus.Active || p.Status == PairingStatus.Paused || p.Status == PairingStatus.Ended)
                && !db.PairingMilestones.Any(m => m.PairingId == p.Id && m.Kind == MilestoneKind.Completion))
            .Select(p => new
            {
                p.Id, p.EndedAt, p.Cohort.StartsOn, p.Cohort.EndsOn, p.Cohort.ProgramId, Program = p.Cohort.Program.Name, Cohort = p.Cohort.Name,
                MentorName = p.MentorEnrollment.Person.Name, MentorEmail = p.MentorEnrollment.Person.Email,
                MenteeName = p.MenteeEnrollment.Person.Name, MenteeEmail = p.MenteeEnrollment.Person.Email,
                Held = db.Meetings.Count(m => m.PairingId == p.Id && m.Status == MeetingStatus.Held),
                Recorded = db.PairingMilestones.Where(m => m.PairingId == p.Id).Select(m => m.Kind).ToList(),
            }).ToListAsync(ct);

        var recorded = 0;
        foreach (var p in candidates)
        {
            var endedOn = p.EndedAt is { } ended ? DateOnly.FromDateTime(ended.UtcDateTime) : (DateOnly?)null;
            var due = PairingMilestone.Reached(p.Held, p.StartsOn, p.EndsOn, endedOn, today).Except(p.Recorded).ToList();
            if (due.Count == 0) continue;
            foreach (var kind in due)
            {
                db.PairingMilestones.Add(new PairingMilestone(p.Id, kind, now));
                await Chat.ChatAnnouncements.Milestone(db, p.ProgramId, p.Program, p.Cohort, p.Id, kind, now, ct);
                foreach (var (to, name, partner) in new[] { (p.MentorEmail, p.MentorName, p.MenteeName), (p.MenteeEmail, p.MenteeName, p.MentorName) })
                    if (to.Length > 0) db.Outbox.Add(CelebrationEmails.Milestone(to, name, partner, p.Program, p.ProgramId, p.Id, kind, baseUrl, now));
            }
            try
            {
                await db.SaveChangesAsync(ct);
                recorded += due.Count;
            }
            catch (DbUpdateException e)
            {
                log.LogWarning(e, "Milestones of pairing {PairingId} recorded by another instance at the same time; left to the next run", p.Id);
                db.ChangeTracker.Clear();
            }
        }
        return recorded;
    }
}
