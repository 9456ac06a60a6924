using System.Security.Claims;
using Flipside.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Account;

/// <summary>Signing out ends this session on the server; the page also offers to end every session of the account.</summary>
public sealed class SignOutModel(SignInManager<FlipsideUser> signIn, UserManager<FlipsideUser> users, FlipsideDb db) : PageModel
{
    public bool SignedIn => User.Identity?.IsAuthenticated == true;

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignIn");
    }

    public async Task<IActionResult> OnPostEverywhereAsync(CancellationToken ct)
    {
        if (User.FindFirstValue(ClaimTypes.NameIdentifier) is { } userId) await SignOutEverywhere.Handle(userId, users, db, ct);
        await signIn.SignOutAsync();
        return RedirectToPage("/Account/SignIn");
    }
}
