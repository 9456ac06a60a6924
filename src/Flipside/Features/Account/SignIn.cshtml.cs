using System.ComponentModel.DataAnnotations;
using Flipside.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using SignInResult = Microsoft.AspNetCore.Identity.SignInResult;

namespace Flipside.Features.Account;

public sealed class SignInModel(SignInManager<FlipsideUser> signIn) : PageModel
{
    /// <summary>The same words for a wrong password, an unknown email, a locked or deactivated account: nothing to probe.</summary>
    public const string Failed = "Email or password is incorrect.";

    [BindProperty] public InputModel Input { get; set; } = new();
    [BindProperty(SupportsGet = true)] public string? ReturnUrl { get; set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email address."), EmailAddress(ErrorMessage = "Enter an email address such as name@example.com.")]
        public string Email { get; set; } = "";
        [Required(ErrorMessage = "Enter your password."), DataType(DataType.Password)]
        public string Password { get; set; } = "";
    }

    public void OnGet(string? email)
    {
        if (email is not null) Input.Email = email;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (!ModelState.IsValid) return Page();
        var result = await SignInAs(signIn, Input.Email, Input.Password);
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", Failed);
            return Page();
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }

    public static async Task<SignInResult> SignInAs(SignInManager<FlipsideUser> signIn, string email, string password)
    {
        var user = await signIn.UserManager.FindByEmailAsync(email.Trim());
        return user is null ? SignInResult.Failed : await signIn.PasswordSignInAsync(user, password, isPersistent: false, lockoutOnFailure: true);
    }
}
