using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Account;

public enum InvitationState { Open, Unknown, Used, Expired, Withdrawn }

/// <summary>The invited person sets a password; the invitation is used up in the same transaction.</summary>
public static class AcceptInvitation
{
    public sealed record Request(string Token, string Password);

    public static async Task<(Invitation? Invitation, InvitationState State)> Find(string? token, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100) return (null, InvitationState.Unknown);
        var hash = Tokens.Hash(token);
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        var state = invitation switch
        {
            null => InvitationState.Unknown,
            { UsedAt: not null } => InvitationState.Used,
            { RevokedAt: not null } => InvitationState.Withdrawn,
            _ when !invitation.IsOpen(clock.GetUtcNow()) => InvitationState.Expired,
            _ => InvitationState.Open,
        };
        return (invitation, state);
    }

    /// <returns>The new account; not found (with the reason) when the link is unknown, used, expired or withdrawn.</returns>
    /// <param name="sso">With <c>Sso:Only</c>, a password is refused to all but the break-glass account, on the page and the API alike.</param>
    public static async Task<Outcome<FlipsideUser>> Handle(Request r, FlipsideDb db, UserManager<FlipsideUser> users, TimeProvider clock, CancellationToken ct,
        SsoSettings? sso = null)
    {
        var (invitation, state) = await Find(r.Token, db, clock, ct);
        if (invitation is null || state != InvitationState.Open)
            return Outcome.NotFound with { Reason = $"The invitation is {state.ToString().ToLowerInvariant()}; ask your administrator for a new one." };
        if (sso is not null && !sso.AllowsPassword(invitation.Email))
            return Outcome.Forbidden($"Flipside signs everyone in with {sso.DisplayName}, so this invitation takes no password: sign in with {sso.DisplayName} as {invitation.Email} instead.");

        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        invitation.MarkUsed(now);
        await db.SaveChangesAsync(ct);
        var user = new FlipsideUser { UserName = invitation.Email, Email = invitation.Email, EmailConfirmed = true, DisplayName = invitation.DisplayName, CreatedAt = now };
        var created = await users.CreateAsync(user, r.Password ?? "");
        if (!created.Succeeded) return Outcome.Invalid([.. FieldErrors.FromIdentity(created)]);
        var role = await users.AddToRoleAsync(user, invitation.Role);
        if (!role.Succeeded) return Outcome.Invalid([.. FieldErrors.FromIdentity(role)]);
        db.Record(user.Id, now, "account.created", "Account", user.Id, $"{user.Email} as {Roles.Describe(invitation.Role)}, by accepting an invitation");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user;
    }
}
