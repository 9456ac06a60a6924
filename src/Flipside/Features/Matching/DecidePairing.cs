using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Matching;

/// <summary>What a program manager does with a proposed pair on the review board.</summary>
public enum PairingDecision { Approve, Reject, Lock, Unlock }

/// <summary>
/// Approves, rejects, locks or unlocks one proposed pair. The board sends the version it showed, so that of two
/// managers deciding the same pair at once, the second is told instead of silently undoing the first.
/// </summary>
public static class DecidePairing
{
    public sealed record Request(Guid CohortId, Guid PairingId, PairingDecision Decision, int? Version);

    public static async Task<Outcome<Done>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var pairing = await viewer.ManagedPairings.Include(p => p.Cohort).ThenInclude(c => c.Program)
            .Include(p => p.MentorEnrollment).ThenInclude(e => e.Person).Include(p => p.MenteeEnrollment).ThenInclude(e => e.Person)
            .FirstOrDefaultAsync(p => p.Id == r.PairingId && p.CohortId == r.CohortId, ct);
        if (pairing is null) return Outcome.NotFound;
        if (r.Version is { } version && version != pairing.Version) return Outcome.Conflict(Outcome.ChangedMeanwhile);
        pairing.Cohort.Program.EnsureChangeable("deciding its pairs");
        var now = clock.GetUtcNow();
        switch (r.Decision)
        {
            case PairingDecision.Approve: pairing.Approve(viewer.UserId, now); break;
            case PairingDecision.Reject: pairing.Reject(viewer.UserId, now); break;
            case PairingDecision.Lock: pairing.Lock(true); break;
            case PairingDecision.Unlock: pairing.Lock(false); break;
        }
        // A run reads the locks and approvals when it starts: moving the cohort's version refuses a run that overlaps
        // this decision ("someone else changed this") instead of saving its answer over the new decision.
        pairing.Cohort.Version++;
        db.Record(viewer, now, "pairing." + r.Decision.ToString().ToLowerInvariant(), "Pairing", pairing.Id,
            $"{pairing.MenteeEnrollment.Person.Name} with {pairing.MentorEnrollment.Person.Name}");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }

    /// <summary>Approves every proposal still open, for a manager who has reviewed the board and agrees with the rest.</summary>
    public static async Task<Outcome<int>> ApproveAll(Guid cohortId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var cohort = await viewer.ManagedCohorts.Include(c => c.Program).FirstOrDefaultAsync(c => c.Id == cohortId, ct);
        if (cohort is null) return Outcome.NotFound;
        cohort.Program.EnsureChangeable("deciding its pairs");
        var open = await db.Pairings.Where(p => p.CohortId == cohortId && p.Status == PairingStatus.Proposed).ToListAsync(ct);
        var now = clock.GetUtcNow();
        foreach (var pairing in open)
            pairing.Approve(viewer.UserId, now);
        cohort.Version++;
        db.Record(viewer, now, "pairing.approve-all", "Cohort", cohortId, $"{cohort.Program.Name}, {cohort.Name}: {Words.Count(open.Count, "pair")} approved");
        await db.SaveChangesAsync(ct);
        return open.Count;
    }

    public static bool TryParse(string? value, out PairingDecision decision) =>
        Enum.TryParse(value, ignoreCase: true, out decision) && !int.TryParse(value, out _) && Enum.IsDefined(decision);
}
