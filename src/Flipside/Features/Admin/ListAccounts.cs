using Flipside.Data;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Admin;

/// <summary>Every account with its roles, by name, for the accounts page and the API.</summary>
public static class ListAccounts
{
    public static async Task<IReadOnlyList<ChangeAccount.AccountRow>> Handle(FlipsideDb db, CancellationToken ct)
    {
        var roleNames = await db.Roles.ToDictionaryAsync(r => r.Id, r => r.Name!, ct);
        var userRoles = (await db.UserRoles.ToListAsync(ct)).ToLookup(ur => ur.UserId, ur => roleNames[ur.RoleId]);
        var accounts = await db.Users.OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.Email, u.DisplayName, u.IsActive }).ToListAsync(ct);
        return [.. accounts.Select(u => new ChangeAccount.AccountRow(u.Id, u.Email!, u.DisplayName, u.IsActive, [.. userRoles[u.Id].Order()]))];
    }
}
