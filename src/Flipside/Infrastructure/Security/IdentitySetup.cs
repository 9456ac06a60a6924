using System.Security.Claims;
using Flipside.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Flipside.Infrastructure.Security;

public static class IdentitySetup
{
    public static void AddFlipsideIdentity(this IServiceCollection services, IConfiguration config)
    {
        services.AddIdentity<FlipsideUser, IdentityRole>(o =>
            {
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(5);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = true;
                o.SignIn.RequireConfirmedAccount = false;
            })
            .AddEntityFrameworkStores<FlipsideDb>()
            .AddSignInManager<FlipsideSignInManager>()
            .AddClaimsPrincipalFactory<FlipsideClaimsFactory>()
            .AddPasswordValidator<CommonPasswordValidator>()
            .AddPasswordValidator<PersonalPasswordValidator>()
            .AddDefaultTokenProviders();

        // Sessions live on the server, so signing out ends them at once (decision 0025). The stamp check below then only
        // has to catch changes made elsewhere (roles, deactivation by SCIM), at most this often: it rebuilds the claims.
        services.AddOptions<SecurityStampValidatorOptions>().Configure<TimeProvider>((o, clock) =>
        {
            o.ValidationInterval = config.GetValue("Security:SessionRecheck", TimeSpan.FromMinutes(1));
            o.TimeProvider = clock;
            // The recheck rebuilds the claims from the account and would drop how the person signed in (single sign-on, a
            // code), which the administrators' two-step gate reads (0028): carry those over.
            o.OnRefreshingPrincipal = ctx =>
            {
                var how = ctx.CurrentPrincipal?.Claims.Where(c => c.Type is "amr" or ClaimTypes.AuthenticationMethod).ToList() ?? [];
                if (ctx.NewPrincipal?.Identity is ClaimsIdentity identity)
                    identity.AddClaims(how.Where(c => !identity.HasClaim(c.Type, c.Value)).Select(c => new Claim(c.Type, c.Value)));
                return Task.CompletedTask;
            };
        });
        // Served over HTTPS, the cookies carry the __Host- prefix: the browser then refuses them unless Secure, for the
        // whole site and without a Domain, so a sibling subdomain or a plain-http page cannot plant or read them.
        // Decided by setting, defaulting to the public address's scheme; plain http (development, tests) keeps plain names.
        var https = config.GetValue("Security:HttpsCookies", config["App:PublicUrl"]?.Trim().StartsWith("https://", StringComparison.OrdinalIgnoreCase) == true);
        var prefix = https ? "__Host-" : "";
        var secure = https ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = prefix + "Flipside.Auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.Path = "/";
            o.LoginPath = "/Account/SignIn";
            o.LogoutPath = "/Account/SignOut";
            o.AccessDeniedPath = "/Account/AccessDenied";
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            o.Events.OnRedirectToLogin = ctx => ApiOrRedirect(ctx, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = ctx => ApiOrRedirect(ctx, StatusCodes.Status403Forbidden);
        });
        services.AddOptions<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme)
            .Configure<TimeProvider>((o, clock) => o.TimeProvider = clock);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = prefix + "Flipside.Antiforgery";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = secure;
            o.Cookie.Path = "/";
        });
        SessionTicketStore.Use(services);
        services.AddApiTokens();
        Policies.Add(services.AddAuthorizationBuilder());
    }

    private static Task ApiOrRedirect(RedirectContext<CookieAuthenticationOptions> ctx, int status)
    {
        if (ctx.Request.Path.StartsWithSegments("/api")) ctx.Response.StatusCode = status;
        else ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

/// <summary>Deactivated people can neither sign in nor keep a session.</summary>
public sealed class FlipsideSignInManager(
    UserManager<FlipsideUser> users, IHttpContextAccessor context, IUserClaimsPrincipalFactory<FlipsideUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<FlipsideUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<FlipsideUser> confirmation)
    : SignInManager<FlipsideUser>(users, context, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(FlipsideUser user) => user.IsActive && await base.CanSignInAsync(user);

    public override async Task<FlipsideUser?> ValidateSecurityStampAsync(ClaimsPrincipal? principal) =>
        await base.ValidateSecurityStampAsync(principal) is { IsActive: true } user ? user : null;
}

/// <summary>Puts the person's display name in the cookie so every page can greet them without a query.</summary>
public sealed class FlipsideClaimsFactory(UserManager<FlipsideUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<FlipsideUser, IdentityRole>(users, roles, options)
{
    public const string DisplayName = "flipside:display_name";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(FlipsideUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(DisplayName, user.DisplayName));
        // Read by the gate that sends administrators without two-step sign-in to set it up (0028); rebuilt with the stamp check.
        if (user.TwoFactorEnabled) identity.AddClaim(new Claim(Features.Account.Authenticator.Claim, "on"));
        return identity;
    }
}
