using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Programs;

/// <summary>
/// Archiving takes a finished program out of the way without losing its history; it is refused while a cohort
/// runs. Restoring brings it back. Returns false when the viewer cannot see the program.
/// </summary>
public static class ArchiveProgram
{
    public sealed record Request(Guid ProgramId, bool Archive);

    public static async Task<bool> Handle(Request r, ProgramViewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var program = await viewer.Programs(db).Include(p => p.Cohorts).FirstOrDefaultAsync(p => p.Id == r.ProgramId, ct);
        if (program is null) return false;
        if (r.Archive) program.Archive(clock.GetUtcNow());
        else if (program.Status == ProgramStatus.Archived) program.Restore();
        else throw new DomainException("This program is not archived.");
        await db.SaveChangesAsync(ct);
        return true;
    }
}
