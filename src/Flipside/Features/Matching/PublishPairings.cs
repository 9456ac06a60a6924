using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Pairings;
using Flipside.Features.Shared;
using Flipside.Features.Training;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Matching;

/// <summary>
/// Publishes the cohort's approved pairs: each becomes active and both people get an email introducing the other.
/// Publishing again after more approvals publishes only the new pairs. The introductions are written in the same
/// save as the change, and every pair's version is checked, so two publishes at once make one set of emails.
/// </summary>
public static class PublishPairings
{
    public sealed record Published(int Pairs, int Emails);

    public static async Task<Outcome<Published>> Handle(Guid cohortId, Viewer viewer, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var cohort = await viewer.ManagedCohorts.Include(c => c.Program).FirstOrDefaultAsync(c => c.Id == cohortId, ct);
        if (cohort is null) return Outcome.NotFound;
        if (RunMatching.CanMatch(cohort) is { } refusal) return refusal;
        var approved = await db.Pairings.Where(p => p.CohortId == cohortId && p.Status == PairingStatus.Approved)
            .Include(p => p.MentorEnrollment).ThenInclude(e => e.Person).Include(p => p.MenteeEnrollment).ThenInclude(e => e.Person)
            .OrderBy(p => p.CreatedAt).ToListAsync(ct);
        if (approved.Count == 0)
            return Outcome.Conflict("No pair is approved and waiting to be published. Approve the pairs you want on the board first.");
        var left = approved.Where(p => p.MentorEnrollment.Person.Status == PersonStatus.Left || p.MenteeEnrollment.Person.Status == PersonStatus.Left).ToList();
        if (left.Count > 0)
            return Outcome.Conflict($"Someone in {Words.Count(left.Count, "approved pair")} has left the organisation: reject those pairs first.");

        var gone = approved.Where(p => p.MentorEnrollment.Status != EnrollmentStatus.Enrolled || p.MenteeEnrollment.Status != EnrollmentStatus.Enrolled).ToList();
        if (gone.Count > 0)
            return Outcome.Conflict($"Someone in {Words.Count(gone.Count, "approved pair")} is no longer enrolled in the cohort: reject those pairs first.");

        if (await InsideALine(approved, db, ct) is { } inLine) return inLine;
        if (await TrainingGate.Check(approved, cohort.ProgramId, db, ct) is { } untrained) return untrained;

        var now = clock.GetUtcNow();
        foreach (var pairing in approved)
        {
            pairing.Publish(now);
            var mentor = new PairingEmails.Side(pairing.MentorEnrollment.Person, pairing.MentorReasons);
            var mentee = new PairingEmails.Side(pairing.MenteeEnrollment.Person, pairing.MenteeReasons);
            db.Outbox.Add(PairingEmails.Introduction(pairing, cohort.Program, cohort, mentor, mentee, ParticipantRole.Mentor, baseUrl, now));
            db.Outbox.Add(PairingEmails.Introduction(pairing, cohort.Program, cohort, mentee, mentor, ParticipantRole.Mentee, baseUrl, now));
        }
        if (cohort.Status == CohortStatus.Matching)
            cohort.MoveTo(CohortStatus.Active, approved.Count);
        cohort.Version++;
        db.Record(viewer, now, "matching.published", "Cohort", cohort.Id, $"{cohort.Program.Name}, {cohort.Name}: {Words.Count(approved.Count, "pair")} published");
        var publishedBefore = await db.Pairings.CountAsync(p => p.CohortId == cohortId && p.PublishedAt != null, ct);
        await Chat.ChatAnnouncements.PairsPublished(db, cohort.Program, cohort, approved.Count, publishedBefore + approved.Count, now, ct);
        await db.SaveChangesAsync(ct);
        return new Published(approved.Count, approved.Count * 2);
    }

    // The directory may have moved since the pair was approved: the rule is checked against today's lines, not the run's.
    private static async Task<Problem?> InsideALine(List<Pairing> approved, FlipsideDb db, CancellationToken ct)
    {
        var chains = await ReportingLines.ChainsAsync(db,
            [.. approved.SelectMany(p => new[] { p.MentorEnrollment.PersonId, p.MenteeEnrollment.PersonId }).Distinct()], ct);
        var inside = approved.Select(p => (Pairing: p, Line: ReportingLineMoves.Between(p.MentorEnrollment.PersonId, p.MenteeEnrollment.PersonId, chains)))
            .Where(x => x.Line is not null).ToList();
        if (inside.Count == 0) return null;
        var (first, line) = (inside[0].Pairing, inside[0].Line!.Value);
        var words = ReportingLineMoves.Describe(first.MentorEnrollment.Person.Name, first.MenteeEnrollment.Person.Name, line.Above, line.Levels);
        return Outcome.Conflict($"Nothing was published: {words}, and a pair is never made inside a reporting line" +
            (inside.Count > 1 ? $" ({Words.Count(inside.Count, "approved pair")} are now inside one)" : "") +
            ". Reject those pairs on the board first.");
    }
}
