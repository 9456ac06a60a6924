using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Identity;

namespace Flipside.Features.Account;

/// <summary>
/// Makes a new authenticator key for the person to scan. Two-step sign-in stays off until they confirm a code made from
/// it, so a key scanned wrongly locks nobody out. Asked again, it makes another key and the first stops counting.
/// </summary>
public static class StartAuthenticator
{
    public static async Task<Outcome<Done>> Handle(FlipsideUser user, SignInManager<FlipsideUser> signIn)
    {
        if (user.TwoFactorEnabled) return Outcome.Conflict("Two-step sign-in is already on. Turn it off first to use another phone or app.");
        // Resetting the key changes the security stamp; the refresh gives this session the new stamp, so it is not ended.
        await signIn.UserManager.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
        return Outcome.Ok;
    }
}
