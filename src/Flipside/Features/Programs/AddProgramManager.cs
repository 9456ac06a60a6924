using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Programs;

/// <summary>An administrator hands a program to another program manager, by the email of their account.</summary>
public static class AddProgramManager
{
    public sealed record Result(bool Found, IReadOnlyList<FieldError> Errors);

    public static async Task<Result> Handle(Guid programId, string email, FlipsideDb db, CancellationToken ct)
    {
        var program = await db.Programs.Include(p => p.Managers).FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return new(false, FieldErrors.None);
        var normalised = (email ?? "").Trim().ToUpperInvariant();
        var account = await db.Users.Where(u => u.NormalizedEmail == normalised).Select(u => new { u.Id }).FirstOrDefaultAsync(ct);
        if (account is null) return new(true, [new("Email", "No account has this email. Invite the person as a program manager first.")]);
        var isManager = await (from ur in db.UserRoles
                               join r in db.Roles on ur.RoleId equals r.Id
                               where ur.UserId == account.Id && r.Name == Roles.ProgramManager
                               select ur).AnyAsync(ct);
        if (!isManager) return new(true, [new("Email", "This account is not a program manager. Give it that role under Accounts first.")]);
        if (!program.IsManagedBy(account.Id))
        {
            db.ProgramManagers.Add(new ProgramManagerAssignment(program.Id, account.Id));
            await db.SaveChangesAsync(ct);
        }
        return new(true, FieldErrors.None);
    }
}
