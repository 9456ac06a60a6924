using System.ComponentModel.DataAnnotations;
using Flipside.Data;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Account;

public sealed class SignInModel(SignInManager<FlipsideUser> signIn, IServiceProvider services) : PageModel
{
    /// <summary>Single sign-on, when configured: the page offers it first, and with Sso:Only keeps the password form for the break-glass account.</summary>
    public SsoSettings? Sso { get; } = services.GetService<SsoSettings>();

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
        var result = await SignInWithPassword.Handle(signIn, Input.Email, Input.Password);
        if (result.RequiresTwoFactor) return RedirectToPage("/Account/SignInCode", new { ReturnUrl });
        if (!result.Succeeded)
        {
            ModelState.AddModelError("", SignInWithPassword.Failed);
            return Page();
        }
        return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
    }
}
