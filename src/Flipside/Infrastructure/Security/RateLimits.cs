using System.Globalization;
using System.Threading.RateLimiting;

namespace Flipside.Infrastructure.Security;

/// <summary>
/// Sign-in attempts are limited per client address, on top of the per-account lockout; exports and bulk requests
/// (imports, invitations, reminders to a cohort) per account, as each is costly and one account could repeat them.
/// </summary>
public static class RateLimits
{
    /// <summary>The policy an export or bulk endpoint names with RequireRateLimiting.</summary>
    public const string Bulk = "bulk";

    public static void AddFlipsideRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var permits = config.GetValue("Security:SignInAttemptsPerMinute", 10);
        var bulkPermits = config.GetValue("Security:BulkRequestsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx => IsSignInAttempt(ctx.Request)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    "sign-in:" + (ctx.Connection.RemoteIpAddress?.ToString() ?? "local"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : IsPageDownload(ctx.Request)
                    ? RateLimitPartition.GetFixedWindowLimiter("page-bulk:" + Account(ctx),
                        _ => new FixedWindowRateLimiterOptions { PermitLimit = bulkPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                    : RateLimitPartition.GetNoLimiter("none"));
            // Per account (cookie or API token alike): the limiter runs after authentication.
            o.AddPolicy(Bulk, ctx => RateLimitPartition.GetFixedWindowLimiter(
                "bulk:" + Account(ctx),
                _ => new FixedWindowRateLimiterOptions { PermitLimit = bulkPermits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                var retry = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                ctx.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                var message = IsSignInAttempt(ctx.HttpContext.Request)
                    ? "Too many sign-in attempts. Wait a minute and try again."
                    : "Too many exports or bulk requests from your account. Wait a minute and try again.";
                // API clients read errors as ProblemDetails everywhere else, so a 429 is one too; people get a sentence.
                if (ctx.HttpContext.Request.Path.StartsWithSegments("/api"))
                    await ctx.HttpContext.Response.WriteAsJsonAsync(
                        new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = message },
                        (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
                else await ctx.HttpContext.Response.WriteAsync(message, ct);
            };
        });
    }

    private static string Account(HttpContext ctx) =>
        ctx.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value ?? ctx.Connection.RemoteIpAddress?.ToString() ?? "local";

    /// <summary>
    /// The pages' own downloads, which are handlers of a page rather than endpoints: ASP.NET Core's rate limiting policies
    /// apply to a whole page, not to one handler, so they are picked out here and get the Bulk limit per account.
    /// </summary>
    private static readonly (string Method, string Path, string Handler)[] PageDownloads =
    [
        ("POST", "/People/Import", "Problems"),
        ("GET", "/People/Import", "Sample"),
    ];

    private static bool IsPageDownload(HttpRequest r)
    {
        var path = (r.Path.Value ?? "").TrimEnd('/');
        var handler = r.Query["handler"].ToString();
        return PageDownloads.Any(d => string.Equals(d.Method, r.Method, StringComparison.OrdinalIgnoreCase)
            && path.Equals(d.Path, StringComparison.OrdinalIgnoreCase) && handler.Equals(d.Handler, StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>Routing also takes a trailing slash, so the limit must too. The code step counts as an attempt (0028).</summary>
    private static bool IsSignInAttempt(HttpRequest r)
    {
        if (!HttpMethods.IsPost(r.Method)) return false;
        var path = (r.Path.Value ?? "").TrimEnd('/');
        return path.Equals("/Account/SignIn", StringComparison.OrdinalIgnoreCase) || path.Equals("/Account/SignInCode", StringComparison.OrdinalIgnoreCase)
            || path.Equals("/api/v1/account/sign-in", StringComparison.OrdinalIgnoreCase);
    }
}
