using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Programs;

/// <summary>An administrator takes a program away from one of its managers; the last one stays.</summary>
public static class RemoveProgramManager
{
    public static async Task<bool> Handle(Guid programId, string userId, FlipsideDb db, CancellationToken ct)
    {
        var program = await db.Programs.Include(p => p.Managers).FirstOrDefaultAsync(p => p.Id == programId, ct);
        var assignment = program?.Managers.FirstOrDefault(m => m.UserId == userId);
        if (program is null || assignment is null) return false;
        // Someone must stay answerable for the people enrolled in it.
        if (program.Managers.Count == 1) throw new DomainException("A program keeps at least one manager. Add the new manager before removing this one.");
        program.Managers.Remove(assignment);
        await db.SaveChangesAsync(ct);
        return true;
    }
}
