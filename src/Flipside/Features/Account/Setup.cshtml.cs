using System.ComponentModel.DataAnnotations;
using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Account;

/// <summary>First run: the visitor creates the first administrator. Gone for good once one exists.</summary>
public sealed class SetupModel(FlipsideDb db, SetupState state, UserManager<FlipsideUser> users, SignInManager<FlipsideUser> signIn, TimeProvider clock) : PageModel
{
    [BindProperty] public InputModel Input { get; set; } = new();

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your name."), StringLength(200)]
        public string Name { get; set; } = "";
        [Required(ErrorMessage = "Enter your email address.")]
        public string Email { get; set; } = "";
        [Required(ErrorMessage = "Choose a password of at least 12 characters."), DataType(DataType.Password)]
        public string Password { get; set; } = "";
        [DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
        [Display(Name = "Repeat the password")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) =>
        await state.IsCompletedAsync(db, ct) ? NotFound() : Page();

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (await state.IsCompletedAsync(db, ct)) return NotFound();
        if (!ModelState.IsValid) return Page();
        return await this.Apply(CreateFirstAdministrator.Handle(new(Input.Name, Input.Email, Input.Password), db, users, clock, ct), async user =>
        {
            await signIn.SignInAsync(user, isPersistent: false);
            TempData["Status"] = "Welcome! You are the administrator. Invite the people who will run your programs.";
            return (IActionResult)Redirect("/");
        }, () => Task.FromResult<IActionResult>(Page()));
    }
}
