using System.Security.Claims;
using Flipside.Data;
using Flipside.Domain;

namespace Flipside.Features.Programs;

/// <summary>
/// Who is looking: administrators see every program, a program manager only those they manage. Every page and
/// endpoint of this feature reads programs through <see cref="Programs"/>, so another manager's program is
/// simply not found.
/// </summary>
public sealed record ProgramViewer(string UserId, bool IsAdministrator)
{
    public static ProgramViewer Of(ClaimsPrincipal user) =>
        new(user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", user.IsInRole(Roles.Administrator));

    public IQueryable<MentoringProgram> Programs(FlipsideDb db) =>
        IsAdministrator ? db.Programs : db.Programs.Where(p => p.Managers.Any(m => m.UserId == UserId));
}
