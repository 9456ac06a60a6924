using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Programs;

/// <summary>Saves the whole program form. An archived program is read-only until it is restored.</summary>
public static class UpdateProgram
{
    public sealed record Result(bool Found, IReadOnlyList<FieldError> Errors);

    public static async Task<Result> Handle(Guid programId, ProgramInput input, ProgramViewer viewer, FlipsideDb db, CancellationToken ct)
    {
        var program = await viewer.Programs(db).Include(p => p.Objectives).ThenInclude(o => o.Measures)
            .FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return new(false, FieldErrors.None);
        if (program.Status == ProgramStatus.Archived) throw new DomainException("This program is archived. Restore it before changing it.");
        var errors = input.Normalise();
        if (errors.Count > 0) return new(true, errors);
        // New objectives and measures are added explicitly: their ids are set in code, so EF would otherwise take them for existing rows.
        input.ApplyTo(program, added => db.Add(added));
        await db.SaveChangesAsync(ct);
        return new(true, FieldErrors.None);
    }
}
