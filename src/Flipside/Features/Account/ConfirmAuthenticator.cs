using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Identity;

namespace Flipside.Features.Account;

/// <summary>Turns two-step sign-in on once a code from the new key checks out, and hands out the recovery codes, once.</summary>
public static class ConfirmAuthenticator
{
    public static async Task<Outcome<IReadOnlyList<string>>> Handle(FlipsideUser user, string? code, SignInManager<FlipsideUser> signIn,
        FlipsideDb db, TimeProvider clock)
    {
        var users = signIn.UserManager;
        if (user.TwoFactorEnabled) return Outcome.Conflict("Two-step sign-in is already on.");
        if (await users.GetAuthenticatorKeyAsync(user) is null) return Outcome.Conflict("Start the set-up first: Flipside has no key for your app yet.");
        if (Authenticator.AuthenticatorCode(code ?? "") is not { } digits)
            return Outcome.Invalid("Code", "Enter the 6-digit code your authenticator app shows for Flipside.");
        if (!await Authenticator.Verify(users, user, digits))
            return Outcome.Invalid("Code", "That code is not right. Check that your phone's clock is right, then enter the code it shows now.");

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, Authenticator.RecoveryCodeCount);
        // The session's claims say two-step sign-in is on (the administrators' gate reads them) and carry the new stamp.
        await signIn.RefreshSignInAsync(user);
        db.Record(user.Id, clock.GetUtcNow(), "account.two-step-on", "Account", user.Id, $"{user.Email} set up two-step sign-in with an authenticator app");
        await db.SaveChangesAsync();
        return codes is null ? Outcome.Conflict("Flipside could not make recovery codes. Try again.") : codes.ToList();
    }
}
