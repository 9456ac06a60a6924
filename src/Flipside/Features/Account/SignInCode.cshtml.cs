using System.ComponentModel.DataAnnotations;
using Flipside.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Account;

/// <summary>
/// The sign-in's second step. Who is signing in comes from Identity's two-factor cookie, set when the password was right
/// and good for five minutes; without it the person starts again from the password.
/// </summary>
public sealed class SignInCodeModel(SignInManager<FlipsideUser> signIn) : PageModel
{
    [BindProperty, Required(ErrorMessage = "Enter the code from your authenticator app, or a recovery code.")]
    [Display(Name = "Code")]
    public string Code { get; set; } = "";

    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public async Task<IActionResult> OnGetAsync() =>
        await signIn.GetTwoFactorAuthenticationUserAsync() is null ? StartAgain() : Page();

    public async Task<IActionResult> OnPostAsync()
    {
        if (await signIn.GetTwoFactorAuthenticationUserAsync() is not { } user) return StartAgain();
        if (!ModelState.IsValid) return Page();
        var result = await SignInWithCode.Handle(signIn, user, Code);
        if (result.Succeeded) return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        if (result.IsLockedOut) ModelState.AddModelError("", "Too many wrong codes: the account is locked for five minutes. Then sign in again.");
        else if (result.IsNotAllowed) return StartAgain();
        else ModelState.AddModelError(nameof(Code), Authenticator.WrongCode);
        Code = "";
        return Page();
    }

    private RedirectToPageResult StartAgain() => RedirectToPage("/Account/SignIn", new { ReturnUrl });
}
