using System.Security.Claims;
using Flipside.Domain;
using Flipside.Infrastructure.Security;

namespace Flipside.Features.Account;

/// <summary>
/// With Security:RequireMfaForAdministrators, an administrator whose account has no two-step sign-in is sent to set it
/// up before anything else: pages redirect to the set-up page, the API answers 403 saying why. Signing in with single
/// sign-on is exempt, since the identity provider decides how people prove who they are there (0028).
/// </summary>
public static class TwoStepGate
{
    public const string Refused = "Administrators must use two-step sign-in here. Set it up on the Two-step sign-in page (/TwoStep) first.";

    public static IApplicationBuilder UseTwoStepGate(IApplicationBuilder app, IConfiguration config)
    {
        if (!config.GetValue("Security:RequireMfaForAdministrators", false)) return app;
        return app.Use(async (ctx, next) =>
        {
            var user = ctx.User;
            if (user.Identity?.IsAuthenticated == true && user.IsInRole(Roles.Administrator) && !Authenticator.IsOn(user)
                && user.FindFirstValue(ClaimTypes.AuthenticationMethod) != SsoSettings.Scheme && !IsOnTheWayOut(ctx.Request.Path))
            {
                if (ctx.Request.Path.StartsWithSegments("/api"))
                {
                    ctx.Response.StatusCode = StatusCodes.Status403Forbidden;
                    await ctx.Response.WriteAsJsonAsync(new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = 403, Title = Refused },
                        (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ctx.RequestAborted);
                }
                else ctx.Response.Redirect("/TwoStep");
                return;
            }
            await next(ctx);
        });
    }

    /// <summary>The set-up page itself, signing out, and what any page needs to draw (styles, scripts, icons, error pages).</summary>
    private static bool IsOnTheWayOut(PathString path) =>
        path.StartsWithSegments("/TwoStep") || path.StartsWithSegments("/Account/SignOut") || path.StartsWithSegments("/api/v1/account/sign-out")
        || path.StartsWithSegments("/lib") || path.StartsWithSegments("/css") || path.StartsWithSegments("/js") || path.StartsWithSegments("/Shared")
        || path.StartsWithSegments("/favicon.svg");
}
