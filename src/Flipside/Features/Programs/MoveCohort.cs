using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Programs;

/// <summary>
/// Moves a cohort along planning → enrolling → matching → active → closed. Going back is refused by the
/// cohort itself with its reason.
/// </summary>
public static class MoveCohort
{
    public sealed record Request(Guid ProgramId, Guid CohortId, CohortStatus Next);

    public static async Task<Outcome<Done>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var cohort = await viewer.ManagedCohorts.Include(c => c.Program).FirstOrDefaultAsync(c => c.Id == r.CohortId && c.ProgramId == r.ProgramId, ct);
        if (cohort is null) return Outcome.NotFound;
        cohort.Program.EnsureChangeable("moving its cohorts");
        var from = cohort.Status;
        int ready = await db.Pairings.CountAsync(p => p.CohortId == cohort.Id && p.Status == PairingStatus.Active, ct);
        cohort.MoveTo(r.Next, ready, clock.GetUtcNow());
        if (from != cohort.Status)
            db.Record(viewer, clock.GetUtcNow(), "cohort.moved", "Cohort", cohort.Id, $"{cohort.Program.Name}, {cohort.Name}: {from} to {cohort.Status}");
        await Chat.ChatAnnouncements.CohortOpens(db, cohort.Program, cohort, clock.GetUtcNow(), ct);
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }

    /// <summary>Reads "enrolling" or "Enrolling"; numbers are refused so a typo cannot skip a step.</summary>
    public static bool TryParse(string? value, out CohortStatus status) =>
        Enum.TryParse(value, ignoreCase: true, out status) && !int.TryParse(value, out _) && Enum.IsDefined(status);
}
