using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Programs;

/// <summary>
/// Saves the whole program form. An archived program is read-only until it is restored. The version the person
/// started from, when given, must still be the program's: otherwise their save would undo someone else's.
/// </summary>
public static class UpdateProgram
{
    public static async Task<Outcome<Done>> Handle(Guid programId, ProgramInput input, int? startedFrom, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var program = await viewer.ManagedPrograms.Include(p => p.Objectives).ThenInclude(o => o.Measures)
            .FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return Outcome.NotFound;
        program.EnsureChangeable("changing it");
        if (startedFrom is { } version && version != program.Version) return Outcome.Conflict(Outcome.ChangedMeanwhile);
        if (input.Normalise() is { Count: > 0 } errors) return Outcome.Invalid(errors);
        if (await ProgramNames.Taken(input.Name, program.Id, db, ct) is { } taken) return taken;
        input.ApplyTo(program);
        // Objectives live in their own rows; saving them is still a change to the program.
        program.Version++;
        db.Record(viewer, clock.GetUtcNow(), "program.changed", "Program", program.Id, program.Name);
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }
}
