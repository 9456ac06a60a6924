using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Programs;

/// <summary>
/// Moves a cohort along planning → enrolling → matching → active → closed. Going back is refused by the
/// cohort itself with its reason (a <see cref="DomainException"/>). Returns false when the viewer cannot see it.
/// </summary>
public static class MoveCohort
{
    public sealed record Request(Guid ProgramId, Guid CohortId, CohortStatus Next);

    public static async Task<bool> Handle(Request r, ProgramViewer viewer, FlipsideDb db, CancellationToken ct)
    {
        var program = await viewer.Programs(db).FirstOrDefaultAsync(p => p.Id == r.ProgramId, ct);
        var cohort = program is null ? null : await db.Cohorts.FirstOrDefaultAsync(c => c.Id == r.CohortId && c.ProgramId == program.Id, ct);
        if (program is null || cohort is null) return false;
        if (program.Status == ProgramStatus.Archived) throw new DomainException("This program is archived. Restore it before moving its cohorts.");
        cohort.MoveTo(r.Next);
        await db.SaveChangesAsync(ct);
        return true;
    }

    /// <summary>Reads "enrolling" or "Enrolling"; numbers are refused so a typo cannot skip a step.</summary>
    public static bool TryParse(string? value, out CohortStatus status) =>
        Enum.TryParse(value, ignoreCase: true, out status) && !int.TryParse(value, out _) && Enum.IsDefined(status);
}
