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
                await ctx.HttpContext.Response.WriteAsync("Too many sign-in attempts. Wait a minute and try again.", ct);
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
