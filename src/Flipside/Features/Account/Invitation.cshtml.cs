using System.ComponentModel.DataAnnotations;
using Flipside.Data;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Account;

public sealed class InvitationModel(FlipsideDb db, UserManager<FlipsideUser> users, TimeProvider clock, IServiceProvider services) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    [BindProperty] public InputModel Input { get; set; } = new();
    public InvitationState State { get; private set; }
    public string Email { get; private set; } = "";
    public string Name { get; private set; } = "";

    /// <summary>Set when Sso:Only refuses this person a password: they take the invitation up by signing in with the provider.</summary>
    public SsoSettings? SsoInstead { get; private set; }

    public sealed class InputModel
    {
        [Required(ErrorMessage = "Choose a password of at least 12 characters."), DataType(DataType.Password)]
        public string Password { get; set; } = "";
        [DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "The two passwords differ.")]
        public string ConfirmPassword { get; set; } = "";
    }

    public async Task OnGetAsync(CancellationToken ct) => await Load(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await Load(ct);
        if (State != InvitationState.Open || SsoInstead is not null || !ModelState.IsValid) return Page();
        return await this.Apply(AcceptInvitation.Handle(new(Token!, Input.Password), db, users, clock, ct, services.GetService<SsoSettings>()), user =>
        {
            TempData["Status"] = "Your account is ready. Sign in with your email and the password you chose.";
            return RedirectToPage("/Account/SignIn", new { email = user.Email });
        }, () => Task.FromResult<IActionResult>(Page())); // the link stays open: the refused account rolled its use back
    }

    private async Task Load(CancellationToken ct)
    {
        var (invitation, state) = await AcceptInvitation.Find(Token, db, clock, ct);
        State = state;
        Email = invitation?.Email ?? "";
        Name = invitation?.DisplayName ?? "";
        SsoInstead = services.GetService<SsoSettings>() is { Only: true } sso && !sso.AllowsPassword(Email) ? sso : null;
    }
}
