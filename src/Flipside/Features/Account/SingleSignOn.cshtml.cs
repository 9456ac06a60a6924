using Flipside.Data;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Flipside.Features.Account;

public enum SsoPageState { Unavailable, Cancelled, Rejected, Refused }

/// <summary>
/// Starts a sign-in at the identity provider, finishes it when the provider sends the person back, and explains in plain
/// words whatever stopped it. Not found while single sign-on is off.
/// </summary>
public sealed class SingleSignOnModel(IServiceProvider services, FlipsideDb db, SignInManager<FlipsideUser> signIn, TimeProvider clock,
    ILogger<SingleSignOnModel> log) : PageModel
{
    public SsoSettings Sso { get; private set; } = null!;
    public SsoPageState State { get; private set; }
    public string Reason { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string? returnUrl, CancellationToken ct)
    {
        if (services.GetService<SsoSettings>() is not { } sso) return NotFound();
        Sso = sso;
        // The metadata is cached for hours, so a provider that has since gone down would only show up as the browser's own
        // error page at the provider's address. Asking the provider first (a fresh request, a short wait) turns that, and a
        // first fetch that fails, into this page's explanation.
        var options = services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(SsoSettings.Scheme);
        try
        {
            using var probe = CancellationTokenSource.CreateLinkedTokenSource(ct);
            probe.CancelAfter(TimeSpan.FromSeconds(10));
            using var answer = await options.Backchannel.GetAsync(options.MetadataAddress, HttpCompletionOption.ResponseHeadersRead, probe.Token);
            answer.EnsureSuccessStatusCode();
            await options.ConfigurationManager!.GetConfigurationAsync(ct);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            log.LogWarning(e, "The identity provider's metadata could not be read from {Authority}", sso.Authority);
            return Show(SsoPageState.Unavailable);
        }
        var callback = Url.Page("/Account/SingleSignOn", "Callback", new { returnUrl = Local(returnUrl) });
        return Challenge(new AuthenticationProperties { RedirectUri = callback }, SsoSettings.Scheme);
    }

    public async Task<IActionResult> OnGetCallbackAsync(string? returnUrl, CancellationToken ct)
    {
        if (services.GetService<SsoSettings>() is not { } sso) return NotFound();
        Sso = sso;
        var external = await HttpContext.AuthenticateAsync(IdentityConstants.ExternalScheme);
        // The provider's word is used once: whatever happens next, it is not kept in a cookie.
        await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        if (!external.Succeeded || external.Principal is null) return Show(SsoPageState.Rejected);

        var outcome = await Outcome.Of(SignInWithSso.Handle(SignInWithSso.Read(external.Principal, sso), sso, db, signIn.UserManager, clock, ct));
        if (outcome.IsOk)
        {
            await signIn.SignInAsync(outcome.Value, isPersistent: false, authenticationMethod: SsoSettings.Scheme);
            return LocalRedirect(Local(returnUrl));
        }
        // Whom to ask is Sso:HelpContact or words, never the administrators' addresses: a stranger learns no account to aim at.
        Reason = outcome.Problem!.Reason;
        return Show(SsoPageState.Refused);
    }

    /// <summary>Where the scheme's remote-failure event sends the browser (SingleSignOnSetup).</summary>
    public IActionResult OnGetFailed(string? reason)
    {
        if (services.GetService<SsoSettings>() is not { } sso) return NotFound();
        Sso = sso;
        return Show(Enum.TryParse<SsoFailure>(reason, ignoreCase: true, out var failure) ? failure switch
        {
            SsoFailure.Unavailable => SsoPageState.Unavailable,
            SsoFailure.Cancelled => SsoPageState.Cancelled,
            _ => SsoPageState.Rejected,
        } : SsoPageState.Rejected);
    }

    private PageResult Show(SsoPageState state)
    {
        State = state;
        var page = Page();
        page.StatusCode = state switch
        {
            SsoPageState.Unavailable => StatusCodes.Status503ServiceUnavailable,
            SsoPageState.Refused => StatusCodes.Status403Forbidden,
            _ => StatusCodes.Status400BadRequest,
        };
        return page;
    }

    private string Local(string? returnUrl) => Url.IsLocalUrl(returnUrl) ? returnUrl : "/";
}
