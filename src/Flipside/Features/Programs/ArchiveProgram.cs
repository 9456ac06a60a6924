using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Programs;

/// <summary>
/// Archiving takes a finished program out of the way without losing its history; it is refused while a cohort
/// runs. Restoring brings it back.
/// </summary>
public static class ArchiveProgram
{
    public sealed record Request(Guid ProgramId, bool Archive);

    public static async Task<Outcome<Done>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var program = await viewer.ManagedPrograms.Include(p => p.Cohorts).FirstOrDefaultAsync(p => p.Id == r.ProgramId, ct);
        if (program is null) return Outcome.NotFound;
        var now = clock.GetUtcNow();
        if (r.Archive) program.Archive(now);
        else program.Restore();
        db.Record(viewer, now, r.Archive ? "program.archived" : "program.restored", "Program", program.Id, program.Name);
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }
}
