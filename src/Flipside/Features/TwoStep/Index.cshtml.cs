using Flipside.Data;
using Flipside.Features.Account;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.TwoStep;

/// <summary>
/// Everyone's two-step sign-in: set up with an authenticator app, confirm with a code, recovery codes shown once (the page
/// answers the post itself rather than redirecting, so they never ride in a cookie or a URL), new codes, turning off.
/// </summary>
/// <remarks>Outside the Account folder, which is open to visitors: this page is each signed-in person's own.</remarks>
public sealed class IndexModel(SignInManager<FlipsideUser> signIn, FlipsideDb db, TimeProvider clock, IConfiguration config) : PageModel
{
    public bool IsOn { get; private set; }
    /// <summary>The key and its link while set-up waits for a code; null otherwise.</summary>
    public string? Key { get; private set; }
    public string? SetUpUri { get; private set; }
    public int CodesLeft { get; private set; }
    public IReadOnlyList<string>? NewCodes { get; private set; }
    public bool Required { get; private set; }

    [BindProperty] public string? Code { get; set; }
    [BindProperty] public string? Password { get; set; }

    public Task<IActionResult> OnGetAsync() => Load();

    public async Task<IActionResult> OnPostStartAsync() =>
        await this.Apply(StartAuthenticator.Handle(await Me(), signIn), _ => RedirectToPage(), () => Load(), field: nameof(Code));

    public async Task<IActionResult> OnPostConfirmAsync() =>
        await this.Apply(ConfirmAuthenticator.Handle(await Me(), Code, signIn, db, clock), codes =>
        {
            NewCodes = codes;
            return Load("Two-step sign-in is on. Flipside will ask for a code from your app each time you sign in with your password.");
        }, () => Load(), field: nameof(Code));

    public async Task<IActionResult> OnPostRecoveryCodesAsync() =>
        await this.Apply(NewRecoveryCodes.Handle(await Me(), signIn.UserManager, db, clock), codes =>
        {
            NewCodes = codes;
            return Load();
        }, () => Load(), field: nameof(Code));

    public async Task<IActionResult> OnPostTurnOffAsync() =>
        await this.ApplyAndRedirect(TurnOffAuthenticator.Handle(await Me(), Code, Password, signIn, db, clock),
            "Two-step sign-in is off. Your password alone now signs you in.", () => RedirectToPage(), () => Load(), field: nameof(Code));

    private async Task<FlipsideUser> Me() =>
        await signIn.UserManager.GetUserAsync(User) ?? throw new InvalidOperationException("A signed-in request without its account.");

    private async Task<IActionResult> Load(string? status = null)
    {
        var users = signIn.UserManager;
        var me = await Me();
        IsOn = me.TwoFactorEnabled;
        Required = User.IsInRole(Domain.Roles.Administrator) && config.GetValue("Security:RequireMfaForAdministrators", false);
        if (IsOn) CodesLeft = await users.CountRecoveryCodesAsync(me);
        else if (await users.GetAuthenticatorKeyAsync(me) is { } key)
        {
            Key = Authenticator.Readable(key);
            SetUpUri = Authenticator.Uri(me.Email!, key);
        }
        if (status is not null) ViewData["Done"] = status;
        Code = null;
        Password = null;
        return Page();
    }
}
