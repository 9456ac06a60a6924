using Flipside.Domain;

namespace Flipside.Features.ApiTokens;

/// <summary>
/// Which scope a token needs for each /api/v1 endpoint, by its route pattern: one table for the whole API, so an
/// endpoint a feature adds later falls under a rule instead of being open to every token. A token's account must
/// still pass the endpoint's own role and ownership checks: a scope only ever narrows.
/// </summary>
public static class ApiScopes
{
    /// <summary>What an endpoint asks of a token.</summary>
    public abstract record Need;
    /// <summary>Any valid token (who am I).</summary>
    public sealed record AnyScope : Need;
    /// <summary>A token with this scope.</summary>
    public sealed record Scope(ApiScope Value) : Need;
    /// <summary>Never a token: managing tokens needs a signed-in person, so a leaked token cannot mint more.</summary>
    public sealed record SignedInOnly : Need;

    public static readonly Need Any = new AnyScope();
    public static readonly Need NoToken = new SignedInOnly();

    public static string Name(ApiScope scope) => scope switch
    {
        ApiScope.ReadDirectory => "read directory",
        ApiScope.WriteDirectory => "write directory",
        ApiScope.Programs => "programs",
        _ => "reports",
    };

    /// <param name="method">The HTTP method.</param>
    /// <param name="pattern">The route pattern as mapped, e.g. "/api/v1/programs/{id:guid}/health".</param>
    public static Need For(string method, string pattern)
    {
        var path = "/" + pattern.Trim('/');
        path = path.StartsWith("/api/v1", StringComparison.OrdinalIgnoreCase) ? path["/api/v1".Length..] : path;
        var read = HttpMethods.IsGet(method) || HttpMethods.IsHead(method);
        if (Under(path, "/account/tokens")) return NoToken;
        if (Under(path, "/account/nudges")) return new Scope(ApiScope.Programs);
        if (Under(path, "/account")) return Any;
        if (Under(path, "/people") || Under(path, "/admin/users") || Under(path, "/admin/invitations"))
            return new Scope(read ? ApiScope.ReadDirectory : ApiScope.WriteDirectory);
        if (read && IsReport(path)) return new Scope(ApiScope.Reports);
        return new Scope(ApiScope.Programs);
    }

    /// <summary>Aggregates that leadership and reporting scripts read; never a pair's private content.</summary>
    private static bool IsReport(string path) =>
        path.EndsWith("/health", StringComparison.Ordinal) || path.EndsWith("/impact", StringComparison.Ordinal)
        || path.EndsWith("/impact.csv", StringComparison.Ordinal) || path.EndsWith("/results", StringComparison.Ordinal)
        || path.EndsWith("/results.csv", StringComparison.Ordinal) || path.EndsWith("/showcase", StringComparison.Ordinal)
        || Under(path, "/sponsor") || path == "/programs/{programId:guid}/insights";

    private static bool Under(string path, string prefix) =>
        path.Equals(prefix, StringComparison.OrdinalIgnoreCase) || path.StartsWith(prefix + "/", StringComparison.OrdinalIgnoreCase);
}
