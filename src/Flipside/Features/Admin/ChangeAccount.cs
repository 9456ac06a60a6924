using Flipside.Data;
using Flipside.Domain;
using Microsoft.AspNetCore.Identity;

namespace Flipside.Features.Admin;

/// <summary>Administrators assign roles and deactivate accounts; nobody can lock themselves out.</summary>
public static class ChangeAccount
{
    public sealed record AccountRow(string Id, string Email, string Name, bool IsActive, IReadOnlyList<string> Roles);

    public static async Task SetRoles(string userId, IReadOnlyCollection<string> roles, string actingUserId, UserManager<FlipsideUser> users)
    {
        var unknown = roles.Where(r => !Roles.IsKnown(r)).ToList();
        if (unknown.Count > 0) throw new DomainException($"Unknown role '{unknown[0]}'; use {string.Join(", ", Roles.All)}.");
        var user = await Find(userId, users);
        if (userId == actingUserId && !roles.Contains(Roles.Administrator))
            throw new DomainException("You cannot remove your own administrator role; ask another administrator.");
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current.Except(roles)));
        Check(await users.AddToRolesAsync(user, roles.Except(current)));
    }

    /// <summary>Deactivation changes the security stamp, which ends the person's sessions at the next check (within a minute).</summary>
    public static async Task SetActive(string userId, bool active, string actingUserId, UserManager<FlipsideUser> users)
    {
        if (userId == actingUserId && !active) throw new DomainException("You cannot deactivate your own account.");
        var user = await Find(userId, users);
        if (user.IsActive == active) return;
        user.IsActive = active;
        Check(await users.UpdateAsync(user));
        Check(await users.UpdateSecurityStampAsync(user));
    }

    private static async Task<FlipsideUser> Find(string userId, UserManager<FlipsideUser> users) =>
        await users.FindByIdAsync(userId) ?? throw new KeyNotFoundException($"No account with id {userId}.");

    private static void Check(IdentityResult r)
    {
        if (!r.Succeeded) throw new DomainException(string.Join(" ", r.Errors.Select(e => e.Description)));
    }
}
