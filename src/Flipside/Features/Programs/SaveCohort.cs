using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Programs;

/// <summary>Creates a cohort of a program (no cohort id) or changes one; archived programs take no changes.</summary>
public static class SaveCohort
{
    /// <param name="StartedFrom">The cohort's version when the person started editing; a later change refuses the save.</param>
    public sealed record Request(Guid ProgramId, Guid? CohortId, CohortInput Input, int? StartedFrom = null);

    public static async Task<Outcome<Guid>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var program = await viewer.ManagedPrograms.FirstOrDefaultAsync(p => p.Id == r.ProgramId, ct);
        if (program is null) return Outcome.NotFound;
        var cohort = r.CohortId is { } id ? await db.Cohorts.FirstOrDefaultAsync(c => c.Id == id && c.ProgramId == program.Id, ct) : null;
        if (r.CohortId is not null && cohort is null) return Outcome.NotFound;
        program.EnsureChangeable("changing its cohorts");
        if (cohort is not null && r.StartedFrom is { } version && version != cohort.Version) return Outcome.Conflict(Outcome.ChangedMeanwhile);
        if (r.Input.Normalise() is { Count: > 0 } errors) return Outcome.Invalid(errors);
        if (cohort is null)
        {
            cohort = new Cohort(program.Id, r.Input.Name, r.Input.StartsOn!.Value, r.Input.EndsOn!.Value, r.Input.Capacity!.Value);
            db.Cohorts.Add(cohort);
        }
        r.Input.ApplyTo(cohort);
        await Chat.ChatAnnouncements.CohortOpens(db, program, cohort, clock.GetUtcNow(), ct);
        db.Record(viewer, clock.GetUtcNow(), r.CohortId is null ? "cohort.created" : "cohort.changed", "Cohort", cohort.Id, $"{program.Name}, {cohort.Name}");
        await db.SaveChangesAsync(ct);
        return cohort.Id;
    }
}
