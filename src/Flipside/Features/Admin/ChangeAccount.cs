using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Identity;

namespace Flipside.Features.Admin;

/// <summary>Administrators assign roles and deactivate accounts; nobody can lock themselves out.</summary>
public static class ChangeAccount
{
    public sealed record AccountRow(string Id, string Email, string Name, bool IsActive, IReadOnlyList<string> Roles);

    public static async Task<Outcome<Done>> SetRoles(string userId, IReadOnlyCollection<string> roles, Viewer viewer, UserManager<FlipsideUser> users,
        FlipsideDb db, TimeProvider clock)
    {
        if (viewer.RequireAdministrator("change roles") is { } refused) return refused;
        if (roles.FirstOrDefault(r => !Roles.IsKnown(r)) is { } unknown)
            return Outcome.Invalid("Roles", $"Unknown role '{unknown}'; use {string.Join(", ", Roles.All)}.");
        if (string.IsNullOrEmpty(userId) || await users.FindByIdAsync(userId) is not { } user) return Outcome.NotFound;
        if (userId == viewer.UserId && !roles.Contains(Roles.Administrator))
            return Outcome.Conflict("You cannot remove your own administrator role; ask another administrator.");
        var current = await users.GetRolesAsync(user);
        var (removed, added) = (current.Except(roles).ToList(), roles.Except(current).ToList());
        if (removed.Count + added.Count == 0) return Outcome.Ok;
        // Identity saves each step itself; one transaction makes the steps and their audit entry stand or fall together.
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Record(viewer, clock.GetUtcNow(), "account.roles-changed", "Account", user.Id,
            $"{user.Email}: {string.Join(", ", roles.Order())}" + (removed.Count > 0 ? $" (removed {string.Join(", ", removed)})" : ""));
        if ((Failed(await users.RemoveFromRolesAsync(user, removed)) ?? Failed(await users.AddToRolesAsync(user, added))) is { } problem) return problem;
        await transaction.CommitAsync();
        return Outcome.Ok;
    }

    /// <summary>Deactivation ends the person's browser sessions and changes the security stamp, which every other check sees.</summary>
    public static async Task<Outcome<Done>> SetActive(string userId, bool active, Viewer viewer, UserManager<FlipsideUser> users, FlipsideDb db, TimeProvider clock)
    {
        if (viewer.RequireAdministrator("deactivate or reactivate accounts") is { } refused) return refused;
        if (userId == viewer.UserId && !active) return Outcome.Conflict("You cannot deactivate your own account.");
        if (string.IsNullOrEmpty(userId) || await users.FindByIdAsync(userId) is not { } user) return Outcome.NotFound;
        if (user.IsActive == active) return Outcome.Ok;
        await using var transaction = await db.Database.BeginTransactionAsync();
        user.IsActive = active;
        db.Record(viewer, clock.GetUtcNow(), active ? "account.reactivated" : "account.deactivated", "Account", user.Id, user.Email ?? "");
        if ((Failed(await users.UpdateAsync(user)) ?? Failed(await users.UpdateSecurityStampAsync(user))) is { } problem) return problem;
        // The browser sessions end now rather than at the next stamp check.
        if (!active) await Infrastructure.Security.SessionTicketStore.EndAll(db, user.Id, CancellationToken.None);
        await transaction.CommitAsync();
        return Outcome.Ok;
    }

    private static Problem? Failed(IdentityResult r) => r.Succeeded ? null : Outcome.Conflict(string.Join(" ", r.Errors.Select(e => e.Description)));
}
