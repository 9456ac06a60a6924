using System.Security.Claims;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Flipside.Features.Account;

/// <summary>
/// The second step of a sign-in, after the right password: a code from the authenticator app or a recovery code. Checked
/// here rather than by SignInManager's two-factor methods so that the page (which remembers the person in Identity's
/// short-lived two-factor cookie) and the API (which sends everything in one request) share it, and so that a wrong
/// recovery code counts toward the lockout as a wrong authenticator code does.
/// </summary>
public static class SignInWithCode
{
    public const string Method = "mfa";

    /// <summary>For the API, where password and code arrive together.</summary>
    public const string Failed = "Email, password or code is incorrect.";

    public static async Task<SignInResult> Handle(SignInManager<FlipsideUser> signIn, FlipsideUser user, string code)
    {
        var users = signIn.UserManager;
        var db = signIn.Context.RequestServices.GetRequiredService<FlipsideDb>();
        var now = signIn.Context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (!await signIn.CanSignInAsync(user)) return await Refused(db, now, user, SignInResult.NotAllowed, "the account may not sign in (deactivated)");
        if (await users.IsLockedOutAsync(user)) return await Refused(db, now, user, SignInResult.LockedOut, "the account is locked after repeated failures");

        var digits = Authenticator.AuthenticatorCode(code);
        if (!await Authenticator.Accepts(users, user, code))
        {
            await users.AccessFailedAsync(user);
            return await Refused(db, now, user, await users.IsLockedOutAsync(user) ? SignInResult.LockedOut : SignInResult.Failed,
                digits is null ? "wrong recovery code" : "wrong authenticator code");
        }

        await users.ResetAccessFailedCountAsync(user);
        await signIn.Context.SignOutAsync(IdentityConstants.TwoFactorUserIdScheme);
        // The amr claim is what SignInManager's own two-factor sign-in adds; the server-side session is made here as at any sign-in.
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, [new Claim("amr", Method)]);
        db.Record(user.Id, now, "account.signed-in", "Account", user.Id,
            $"{user.Email} with a password and {(digits is null ? "a recovery code" : "an authenticator code")}");
        if (digits is null)
            db.Record(user.Id, now, "account.recovery-code-used", "Account", user.Id,
                $"{user.Email} signed in with a recovery code; {Words.Count(await users.CountRecoveryCodesAsync(user), "code")} left");
        await db.SaveChangesAsync();
        return SignInResult.Success;
    }

    private static async Task<SignInResult> Refused(FlipsideDb db, DateTimeOffset now, FlipsideUser user, SignInResult result, string why)
    {
        db.Record(user.Id, now, "account.sign-in-refused", "Email", user.Email ?? user.Id, $"{user.Email}: {why} at the code step");
        await db.SaveChangesAsync();
        return result;
    }
}
