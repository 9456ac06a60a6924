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
        input.ApplyTo(program);
        await db.SaveChangesAsync(ct);
        return new(true, FieldErrors.None);
    }
}
