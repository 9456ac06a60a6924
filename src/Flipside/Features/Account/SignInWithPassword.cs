using Flipside.Data;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Flipside.Features.Account;

/// <summary>Signs in with email and password, for the sign-in page and the API alike.</summary>
public static class SignInWithPassword
{
    /// <summary>The same words for a wrong password, an unknown email, a locked or deactivated account: nothing to probe.</summary>
    public const string Failed = "Email or password is incorrect.";

    public static async Task<SignInResult> Handle(SignInManager<FlipsideUser> signIn, string email, string password)
    {
        // With Sso:Only the provider is the way in, and a password opens the break-glass administrator's account alone.
        if (signIn.Context.RequestServices.GetService<SsoSettings>() is { } sso && !sso.AllowsPassword(email)) return SignInResult.Failed;
        var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
        return user is null ? SignInResult.Failed : await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
    }
}
