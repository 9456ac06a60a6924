using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Programs;

/// <summary>Creates a cohort of a program (no cohort id) or changes one; archived programs take no changes.</summary>
public static class SaveCohort
{
    public sealed record Request(Guid ProgramId, Guid? CohortId, CohortInput Input);

    public sealed record Result(Guid? CohortId, IReadOnlyList<FieldError> Errors, bool Found = true)
    {
        public static readonly Result NotFound = new(null, FieldErrors.None, false);
    }

    public static async Task<Result> Handle(Request r, ProgramViewer viewer, FlipsideDb db, CancellationToken ct)
    {
        var program = await viewer.Programs(db).FirstOrDefaultAsync(p => p.Id == r.ProgramId, ct);
        if (program is null) return Result.NotFound;
        var cohort = r.CohortId is { } id ? await db.Cohorts.FirstOrDefaultAsync(c => c.Id == id && c.ProgramId == program.Id, ct) : null;
        if (r.CohortId is not null && cohort is null) return Result.NotFound;
        if (program.Status == ProgramStatus.Archived) throw new DomainException("This program is archived. Restore it before changing its cohorts.");
        var errors = r.Input.Normalise();
        if (errors.Count > 0) return new(cohort?.Id, errors);
        if (cohort is null)
        {
            cohort = new Cohort(program.Id, r.Input.Name, r.Input.StartsOn!.Value, r.Input.EndsOn!.Value, r.Input.Capacity!.Value);
            db.Cohorts.Add(cohort);
        }
        r.Input.ApplyTo(cohort);
        await db.SaveChangesAsync(ct);
        return new(cohort.Id, FieldErrors.None);
    }
}
