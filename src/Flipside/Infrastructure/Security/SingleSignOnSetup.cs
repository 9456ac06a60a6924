using Flipside.Features.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace Flipside.Infrastructure.Security;

/// <summary>
/// The OpenID Connect scheme: authorization code flow with PKCE, signing into Identity's external cookie, from which the
/// sign-in page's callback finds the directory person and signs into the app's own cookie (0021).
/// </summary>
public static class SingleSignOnSetup
{
    public static void AddFlipsideSingleSignOn(this IServiceCollection services, IConfiguration config)
    {
        var settings = SsoSettings.From(config);
        if (settings is null) return;
        services.AddSingleton(settings);
        services.AddAuthentication().AddOpenIdConnect(SsoSettings.Scheme, settings.DisplayName, o =>
        {
            o.Authority = settings.Authority.AbsoluteUri;
            o.RequireHttpsMetadata = !SsoSettings.IsLoopback(settings.Authority);
            o.ClientId = settings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            // The code comes back on a plain top-level GET, so the correlation cookie can stay SameSite=Lax like the app's
            // own; a form_post from the provider's site would need SameSite=None, which browsers accept only over https.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.Scope.Clear();
            foreach (var scope in settings.Scopes) o.Scope.Add(scope);
            o.CallbackPath = SsoSettings.CallbackPath;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            // Claims keep the names the provider gave them, so Sso:EmailClaim and Sso:GroupsClaim mean what the provider's
            // documentation says.
            o.MapInboundClaims = false;
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.TokenValidationParameters.NameClaimType = "name";
            // A provider that does not answer must not hold a sign-in page for the default minute.
            o.BackchannelTimeout = TimeSpan.FromSeconds(20);
            foreach (var cookie in new[] { o.CorrelationCookie, o.NonceCookie })
            {
                cookie.SameSite = SameSiteMode.Lax;
                cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            }
            o.Events.OnRedirectToIdentityProvider = UsePublicCallback;
            o.Events.OnRemoteFailure = ShowFailure;
        });
    }

    /// <summary>Behind a proxy the request's own address is not the one the provider knows: App:PublicUrl says it when set.</summary>
    private static Task UsePublicCallback(RedirectContext context)
    {
        if (context.HttpContext.RequestServices.GetRequiredService<IConfiguration>()["App:PublicUrl"] is { Length: > 0 })
            context.ProtocolMessage.RedirectUri = context.HttpContext.RequestServices.GetRequiredService<PublicUrl>().Link(SsoSettings.CallbackPath);
        return Task.CompletedTask;
    }

    /// <summary>
    /// Anything that stops the callback (the provider's error, a code it will not redeem, a token for someone else, a lost
    /// correlation cookie, a provider that stopped answering) ends on the sign-in page's explanation instead of an error page.
    /// </summary>
    private static Task ShowFailure(RemoteFailureContext context)
    {
        var reason = SsoFailureReasons.Classify(context.Failure, context.Request.Query["error"]);
        context.HttpContext.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(SingleSignOnSetup))
            .LogWarning(context.Failure, "Single sign-on did not complete ({Reason})", reason);
        context.Response.Redirect($"/Account/SingleSignOn?handler=Failed&reason={reason.ToString().ToLowerInvariant()}");
        context.HandleResponse();
        return Task.CompletedTask;
    }
}

public enum SsoFailure { Unavailable, Cancelled, Rejected }

public static class SsoFailureReasons
{
    /// <summary>Unreachable (the network said so), cancelled (the person or the provider's policy said no), or a reply Flipside refuses.</summary>
    public static SsoFailure Classify(Exception? failure, string? error)
    {
        for (var e = failure; e is not null; e = e.InnerException)
            if (e is HttpRequestException or TaskCanceledException or TimeoutException) return SsoFailure.Unavailable;
        return error is "access_denied" or "login_required" or "consent_required" or "interaction_required" ? SsoFailure.Cancelled : SsoFailure.Rejected;
    }
}
