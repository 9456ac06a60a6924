using System.Security.Claims;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Account;

/// <summary>
/// Who the identity provider vouched for becomes a Flipside account: found by the verified email, made on first sign-in
/// for an active directory person, refused (with why) for a stranger, a leaver or a deactivated account (0021).
/// </summary>
public static class SignInWithSso
{
    /// <summary>What the provider said, read from the external sign-in's claims; Issuer and Subject together name the person for good.</summary>
    public sealed record Identity(string Email, bool? EmailVerified, IReadOnlyList<string> Groups, string Issuer = "", string Subject = "");

    public const string Actor = "single sign-on";

    public static Identity Read(ClaimsPrincipal external, SsoSettings settings) => new(
        external.FindFirstValue(settings.EmailClaim)?.Trim() ?? "",
        external.FindFirstValue("email_verified") is { } verified ? bool.TryParse(verified, out var v) && v : null,
        [.. external.FindAll(settings.GroupsClaim).Select(c => c.Value)],
        external.FindFirstValue("iss") ?? external.FindFirst("sub")?.Issuer ?? "",
        external.FindFirstValue("sub") ?? "");

    public static async Task<Outcome<FlipsideUser>> Handle(Identity who, SsoSettings settings, FlipsideDb db, UserManager<FlipsideUser> users,
        TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var email = who.Email.ToLowerInvariant();
        var login = who.Subject.Length > 0 && who.Issuer.Length > 0 ? new UserLoginInfo(who.Issuer, who.Subject, settings.DisplayName) : null;
        // The subject is the provider's lasting name for the person; an email can change or pass to someone else.
        if (login is not null && await users.FindByLoginAsync(login.LoginProvider, login.ProviderKey) is { } linked)
            return await SignInLinked(linked, who, settings, db, users, now, ct);
        if (!FieldErrors.IsEmail(email))
            return await Refuse(db, now, email, "no-email",
                $"Your sign-in with {settings.DisplayName} did not say which email address is yours, so Flipside cannot tell who you are.", ct);
        // An unverified address could be anyone's: a provider that lets people type their own would let them pick an account.
        // A provider that says nothing has vouched for nothing, unless an administrator knows it issues only verified
        // addresses (Entra ID, which never sends the claim, for a single-tenant app): Sso:TrustEmailWithoutVerifiedClaim.
        if (who.EmailVerified == false)
            return await Refuse(db, now, email, "unverified", $"{settings.DisplayName} has not verified your email address {email}, so Flipside cannot rely on it.", ct);
        if (who.EmailVerified is null && !settings.TrustEmailWithoutVerifiedClaim)
            return await Refuse(db, now, email, "unverified",
                $"{settings.DisplayName} did not say whether your email address {email} is verified, so Flipside cannot rely on it.", ct);

        var account = await users.FindByEmailAsync(email);
        if (account is { IsActive: false })
            return await Refuse(db, now, email, "deactivated", $"Your Flipside account ({email}) is deactivated.", ct);
        var people = await db.People.Where(p => p.Email == email).OrderBy(p => p.EmployeeId).Take(2).Select(p => new { p.Name, p.Status }).ToListAsync(ct);
        if (people.Count > 1)
            return await Refuse(db, now, email, "ambiguous", $"More than one person in Flipside's directory has the email address {email}.", ct);
        var person = people.SingleOrDefault();
        if (person?.Status == PersonStatus.Left)
            return await Refuse(db, now, email, "left", $"Flipside's directory lists {email} as someone who has left the organisation.", ct);
        // An account an administrator made on purpose (by invitation, or at setup) needs no directory entry; a new one does.
        // With single sign-on an invitation is taken up here, at the first sign-in, rather than by choosing a password.
        var invitation = account is null
            ? (await db.Invitations.Where(i => i.Email == email && i.UsedAt == null && i.RevokedAt == null).ToListAsync(ct))
                .Where(i => i.IsOpen(now)).OrderByDescending(i => i.CreatedAt).FirstOrDefault()
            : null;
        if (account is null && person is null && invitation is null)
            return await Refuse(db, now, email, "not-in-directory", $"Nobody with the email address {email} is in Flipside's directory of people.", ct);

        // An account already tied to another subject of this provider belongs to whoever had the address before.
        if (account is not null && login is not null
            && (await users.GetLoginsAsync(account)).Any(l => l.LoginProvider == login.LoginProvider && l.ProviderKey != login.ProviderKey))
            return await Refuse(db, now, email, "other-subject",
                $"The Flipside account for {email} belongs to another person at {settings.DisplayName}; the address may have passed to you from someone else.", ct);

        // Identity saves each step itself; one transaction makes the account, its roles and their audit entries stand together.
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (account is null)
        {
            account = new FlipsideUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = person?.Name ?? invitation!.DisplayName, CreatedAt = now };
            if (Failed(await users.CreateAsync(account)) is { } notCreated) return notCreated;
            string[] roles = [.. new[] { person is null ? null : Roles.Participant, invitation?.Role }.OfType<string>().Distinct()];
            if (Failed(await users.AddToRolesAsync(account, roles)) is { } noRole) return noRole;
            invitation?.MarkUsed(now);
            db.Record(Viewer.System(db, Actor), now, "account.created", "Account", account.Id,
                $"{email} at first sign-in with {settings.DisplayName}" + (invitation is null ? "" : $", by invitation as {invitation.Role}"));
        }
        if (login is not null)
        {
            if (Failed(await users.AddLoginAsync(account, login)) is { } notLinked) return notLinked;
            db.Record(Viewer.System(db, Actor), now, "account.linked", "Account", account.Id, $"{email} to its subject at {settings.DisplayName}");
        }
        return await Finish(account, who, settings, db, users, now, transaction, ct);
    }

    /// <summary>A later sign-in, found by subject: the account's own email decides the directory checks, not what the provider says now.</summary>
    private static async Task<Outcome<FlipsideUser>> SignInLinked(FlipsideUser account, Identity who, SsoSettings settings, FlipsideDb db,
        UserManager<FlipsideUser> users, DateTimeOffset now, CancellationToken ct)
    {
        var email = account.Email ?? "";
        if (!account.IsActive) return await Refuse(db, now, email, "deactivated", $"Your Flipside account ({email}) is deactivated.", ct);
        if (await db.People.AnyAsync(p => p.Email == email && p.Status == PersonStatus.Left, ct))
            return await Refuse(db, now, email, "left", $"Flipside's directory lists {email} as someone who has left the organisation.", ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        return await Finish(account, who, settings, db, users, now, transaction, ct);
    }

    private static async Task<Outcome<FlipsideUser>> Finish(FlipsideUser account, Identity who, SsoSettings settings, FlipsideDb db,
        UserManager<FlipsideUser> users, DateTimeOffset now, Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction transaction, CancellationToken ct)
    {
        var email = account.Email ?? "";
        var sync = await SyncGroupRoles(account, who, settings, users);
        if (sync.Failed is { } notSynced) return notSynced;
        if (sync.Summary.Length > 0)
            db.Record(Viewer.System(db, Actor), now, "account.roles-changed", "Account", account.Id, $"{email}: {sync.Summary} (groups at {settings.DisplayName})");
        db.Record(Viewer.System(db, Actor), now, "account.signed-in", "Account", account.Id, $"{email} with {settings.DisplayName}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return account;
    }

    private sealed record RoleSync(Problem? Failed, string Summary);

    /// <summary>Groups decide the roles named in Sso:GroupRoles, and only those; roles given by hand stay as they are.</summary>
    private static async Task<RoleSync> SyncGroupRoles(FlipsideUser account, Identity who, SsoSettings settings, UserManager<FlipsideUser> users)
    {
        if (settings.GroupRoles.Count == 0) return new(null, "");
        var granted = who.Groups.Where(settings.GroupRoles.ContainsKey).Select(g => settings.GroupRoles[g]).ToHashSet(StringComparer.Ordinal);
        var current = await users.GetRolesAsync(account);
        var added = granted.Except(current).Order(StringComparer.Ordinal).ToList();
        // The break-glass administrator is the way in when the provider is wrong: its groups never take a role from it.
        var removed = string.Equals(account.Email, settings.BreakGlassEmail, StringComparison.OrdinalIgnoreCase) ? []
            : current.Where(r => settings.MappedRoles.Contains(r) && !granted.Contains(r)).Order(StringComparer.Ordinal).ToList();
        if (added.Count + removed.Count == 0) return new(null, "");
        var problem = Failed(await users.AddToRolesAsync(account, added)) ?? Failed(await users.RemoveFromRolesAsync(account, removed));
        var summary = string.Join("; ", new[] { added.Count > 0 ? "added " + string.Join(", ", added) : "", removed.Count > 0 ? "removed " + string.Join(", ", removed) : "" }
            .Where(s => s.Length > 0));
        return new(problem, summary);
    }

    private static async Task<Problem> Refuse(FlipsideDb db, DateTimeOffset now, string email, string why, string reason, CancellationToken ct)
    {
        db.Record(Viewer.System(db, Actor), now, "account.sign-in-refused", "Email", email.Length > 0 ? email : "(none)", $"{why} at single sign-on");
        await db.SaveChangesAsync(ct);
        return Outcome.Forbidden(reason);
    }

    private static Problem? Failed(IdentityResult r) => r.Succeeded ? null : Outcome.Conflict(string.Join(" ", r.Errors.Select(e => e.Description)));
}
