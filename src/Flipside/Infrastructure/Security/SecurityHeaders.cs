namespace Flipside.Infrastructure.Security;

public static class SecurityHeaders
{
    // Everything the app serves comes from itself: no inline scripts, no framing, no third parties.
    private const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var h = context.Response.Headers;
            h.ContentSecurityPolicy = ContentSecurityPolicy;
            h.XContentTypeOptions = "nosniff";
            h["Referrer-Policy"] = "no-referrer";
            h.XFrameOptions = "DENY";
            h["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            // Whatever a signed-in person is shown (their account, a pair's notes, survey answers, exports, API data
            // about people) stays out of shared and browser caches; static files set their own caching before this runs.
            if (context.User.Identity?.IsAuthenticated == true && !h.ContainsKey(Microsoft.Net.Http.Headers.HeaderNames.CacheControl))
            {
                h.CacheControl = "no-store";
                h.Pragma = "no-cache";
            }
            return Task.CompletedTask;
        });
        await next(context);
    });
}
