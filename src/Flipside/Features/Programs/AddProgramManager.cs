using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Programs;

/// <summary>An administrator hands a program to another program manager, by the email of their account.</summary>
public static class AddProgramManager
{
    public static async Task<Outcome<Done>> Handle(Guid programId, string email, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (viewer.RequireAdministrator("choose who manages a program") is { } refused) return refused;
        var program = await db.Programs.Include(p => p.Managers).FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return Outcome.NotFound;
        var account = await ProgramAccounts.Find(db, email, Roles.ProgramManager, ct);
        if (account is null) return Outcome.Invalid("Email", "No account has this email. Invite the person as a program manager first.");
        if (!account.HasRole) return Outcome.Invalid("Email", "This account is not a program manager. Give it that role under Accounts first.");
        if (!program.IsManagedBy(account.Id))
        {
            db.ProgramManagers.Add(new ProgramManagerAssignment(program.Id, account.Id));
            db.Record(viewer, clock.GetUtcNow(), "program.manager-added", "Program", program.Id, $"{account.Email} manages {program.Name}");
            await db.SaveChangesAsync(ct);
        }
        return Outcome.Ok;
    }
}

/// <summary>Finds an account by email for a program role, and says whether it holds the role.</summary>
internal static class ProgramAccounts
{
    public sealed record Account(string Id, string Email, bool HasRole);

    public static async Task<Account?> Find(FlipsideDb db, string? email, string role, CancellationToken ct)
    {
        var normalised = (email ?? "").Trim().ToUpperInvariant();
        var account = await db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => new { u.Id, u.Email }).FirstOrDefaultAsync(ct);
        if (account is null) return null;
        var hasRole = await (from ur in db.UserRoles
                             join r in db.Roles on ur.RoleId equals r.Id
                             where ur.UserId == account.Id && r.Name == role
                             select ur).AnyAsync(ct);
        return new(account.Id, account.Email ?? "", hasRole);
    }
}
