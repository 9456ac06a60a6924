using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Programs;

/// <summary>
/// Two programs of one name are refused: people choose a program by its name in invitations, emails and their home
/// page, and two of them read as one. Checked across all programs, archived ones included (they can be restored).
/// </summary>
internal static class ProgramNames
{
    public static async Task<Problem?> Taken(string name, Guid? except, FlipsideDb db, CancellationToken ct)
    {
        var lower = name.ToLowerInvariant();
        return await db.Programs.AnyAsync(p => p.Name.ToLower() == lower && p.Id != except, ct)
            ? Outcome.Invalid("Name", $"Another program is already called \"{name}\". Choose a name that tells them apart, e.g. with the year or the audience.")
            : null;
    }
}
