using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Identity;

namespace Flipside.Features.Account;

/// <summary>
/// Turns two-step sign-in off, given a current code or the password: a session left open on a shared computer is not
/// enough. Wrong answers count toward the lockout as at sign-in, so the page cannot be used to guess the password.
/// </summary>
public static class TurnOffAuthenticator
{
    public static async Task<Outcome<Done>> Handle(FlipsideUser user, string? code, string? password, SignInManager<FlipsideUser> signIn,
        FlipsideDb db, TimeProvider clock)
    {
        var users = signIn.UserManager;
        if (!user.TwoFactorEnabled) return Outcome.Conflict("Two-step sign-in is already off.");
        if (await users.IsLockedOutAsync(user)) return Outcome.Conflict("Too many wrong codes or passwords: wait five minutes, then try again.");
        bool proven;
        if (!string.IsNullOrWhiteSpace(code))
            proven = await Authenticator.Accepts(users, user, code);
        else if (!string.IsNullOrEmpty(password)) proven = await users.CheckPasswordAsync(user, password);
        else return Outcome.Invalid("Code", "Enter a code from your authenticator app, or your password.");
        if (!proven)
        {
            await users.AccessFailedAsync(user);
            return Outcome.Invalid("Code", "That code or password is not right.");
        }

        await users.ResetAccessFailedCountAsync(user);
        await users.SetTwoFactorEnabledAsync(user, false);
        // The key and codes go, so the app that held the key can never complete a sign-in if two-step sign-in is turned on again.
        await users.RemoveAuthenticationTokenAsync(user, Authenticator.StoreProvider, "AuthenticatorKey");
        await users.RemoveAuthenticationTokenAsync(user, Authenticator.StoreProvider, "RecoveryCodes");
        await signIn.RefreshSignInAsync(user);
        db.Record(user.Id, clock.GetUtcNow(), "account.two-step-off", "Account", user.Id,
            $"{user.Email} turned two-step sign-in off, proven with {(string.IsNullOrWhiteSpace(code) ? "the password" : "a code")}");
        await db.SaveChangesAsync();
        return Outcome.Ok;
    }
}
