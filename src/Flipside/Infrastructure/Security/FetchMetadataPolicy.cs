namespace Flipside.Infrastructure.Security;

/// <summary>
/// The API is signed in by cookie, and a POST without a body (accept, withdraw, deactivate…) is a "simple"
/// request a page on another site, or on a sibling subdomain that SameSite=Lax trusts, could send in the
/// person's name. Browsers say where a request comes from in <c>Sec-Fetch-Site</c>; an API change that a
/// browser reports as coming from anywhere but this origin is refused. Clients that are not browsers send
/// no such header and are unaffected; pages keep their antiforgery tokens.
/// </summary>
public static class FetchMetadataPolicy
{
    public static IApplicationBuilder UseFetchMetadataPolicy(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (request.Path.StartsWithSegments("/api") && !HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method)
            && !HttpMethods.IsOptions(request.Method)
            && request.Headers["Sec-Fetch-Site"].ToString() is "cross-site" or "same-site")
        {
            await Results.Problem("This request came from another site. Use Flipside's own pages, or call the API from outside a browser.",
                statusCode: StatusCodes.Status403Forbidden, title: "Refused: cross-site request").ExecuteAsync(context);
            return;
        }
        await next(context);
    });
}
