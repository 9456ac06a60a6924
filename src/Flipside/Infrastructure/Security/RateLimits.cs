using System.Globalization;
using System.Threading.RateLimiting;

namespace Flipside.Infrastructure.Security;

/// <summary>Sign-in attempts are limited per client address, on top of the per-account lockout.</summary>
public static class RateLimits
{
    public static void AddFlipsideRateLimits(this IServiceCollection services, IConfiguration config)
    {
        var permits = config.GetValue("Security:SignInAttemptsPerMinute", 10);
        services.AddRateLimiter(o =>
        {
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(ctx => IsSignInAttempt(ctx.Request)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    "sign-in:" + (ctx.Connection.RemoteIpAddress?.ToString() ?? "local"),
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter("none"));
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = async (ctx, ct) =>
            {
                var retry = ctx.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                ctx.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(retry.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                const string message = "Too many sign-in attempts. Wait a minute and try again.";
                // API clients read errors as ProblemDetails everywhere else, so a 429 is one too; people get a sentence.
                if (ctx.HttpContext.Request.Path.StartsWithSegments("/api"))
                    await ctx.HttpContext.Response.WriteAsJsonAsync(
                        new Microsoft.AspNetCore.Mvc.ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = message },
                        (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
                else await ctx.HttpContext.Response.WriteAsync(message, ct);
            };
        });
    }

    /// <summary>Routing also takes a trailing slash, so the limit must too.</summary>
    private static bool IsSignInAttempt(HttpRequest r)
    {
        if (!HttpMethods.IsPost(r.Method)) return false;
        var path = (r.Path.Value ?? "").TrimEnd('/');
        return path.Equals("/Account/SignIn", StringComparison.OrdinalIgnoreCase) || path.Equals("/api/v1/account/sign-in", StringComparison.OrdinalIgnoreCase);
    }
}
