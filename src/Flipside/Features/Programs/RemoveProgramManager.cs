using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Programs;

/// <summary>An administrator takes a program away from one of its managers; the last one stays.</summary>
public static class RemoveProgramManager
{
    public static async Task<Outcome<Done>> Handle(Guid programId, string userId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (viewer.RequireAdministrator("choose who manages a program") is { } refused) return refused;
        var program = await db.Programs.Include(p => p.Managers).FirstOrDefaultAsync(p => p.Id == programId, ct);
        var assignment = program?.Managers.FirstOrDefault(m => m.UserId == userId);
        if (program is null || assignment is null) return Outcome.NotFound;
        // Someone must stay answerable for the people enrolled in it.
        if (program.Managers.Count == 1) return Outcome.Conflict("A program keeps at least one manager. Add the new manager before removing this one.");
        program.Managers.Remove(assignment);
        db.Record(viewer, clock.GetUtcNow(), "program.manager-removed", "Program", program.Id, $"account {userId} no longer manages {program.Name}");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }
}
