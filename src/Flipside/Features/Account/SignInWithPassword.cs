using Flipside.Data;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Flipside.Features.Account;

/// <summary>Signs in with email and password, for the sign-in page and the API alike.</summary>
public static class SignInWithPassword
{
    /// <summary>The same words for a wrong password, an unknown email, a locked or deactivated account: nothing to probe.</summary>
    public const string Failed = "Email or password is incorrect.";

    /// <summary>
    /// With two-step sign-in on, a right password gives RequiresTwoFactor (and Identity's two-factor cookie, which the
    /// page's code step reads), unless the code comes along, as the API allows: then both steps run in this request.
    /// </summary>
    public static async Task<SignInResult> Handle(SignInManager<FlipsideUser> signIn, string email, string password, string? code = null)
    {
        // With Sso:Only the provider is the way in, and a password opens the break-glass administrator's account alone.
        var tried = email.Trim();
        if (signIn.Context.RequestServices.GetService<SsoSettings>() is { } sso && !sso.AllowsPassword(email))
            return await Audited(signIn, tried, null, SignInResult.Failed, "passwords are off: single sign-on only");
        var user = await signIn.UserManager.FindByEmailAsync(tried);
        if (user is null) return await Audited(signIn, tried, null, SignInResult.Failed, "no account has this email");
        var result = await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
        if (result.RequiresTwoFactor)
        {
            await Audited(signIn, tried, user, result, "");
            return string.IsNullOrWhiteSpace(code) ? result : await SignInWithCode.Handle(signIn, user, code);
        }
        return await Audited(signIn, tried, user, result, result.IsLockedOut ? "the account is locked after repeated failures"
            : result.IsNotAllowed ? "the account may not sign in (deactivated or unconfirmed)" : "wrong password");
    }

    /// <summary>
    /// Every attempt is audited with the email tried and why it failed, for the administrators' eyes only: the person
    /// is told the same words whatever the reason. The password is never written anywhere.
    /// </summary>
    private static async Task<SignInResult> Audited(SignInManager<FlipsideUser> signIn, string email, FlipsideUser? user, SignInResult result, string why)
    {
        var services = signIn.Context.RequestServices;
        var db = services.GetRequiredService<FlipsideDb>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var tried = email.Length > 200 ? email[..200] : email;
        if (result.Succeeded) db.Record(user!.Id, now, "account.signed-in", "Account", user.Id, $"{tried} with a password");
        else if (result.RequiresTwoFactor) db.Record(user!.Id, now, "account.password-accepted", "Account", user.Id, $"{tried}: right password, a code is asked next");
        else db.Record(user?.Id ?? "anonymous", now, "account.sign-in-refused", "Email", tried.Length > 0 ? tried : "(none)", $"{tried}: {why}");
        await db.SaveChangesAsync();
        return result;
    }
}
