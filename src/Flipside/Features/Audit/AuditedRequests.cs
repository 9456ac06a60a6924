using System.Text.RegularExpressions;
using Flipside.Data;
using Flipside.Features.Shared;

namespace Flipside.Features.Audit;

/// <summary>
/// Audits, in one place for every page and endpoint, two things no use case sees whole: a signed-in person refused a
/// record (the 404 of a record out of their scope, the 403 of a role that may not, a page's redirect to "access
/// denied"), and a file downloaded (an export: CSV, or anything sent as an attachment). Only requests naming a record
/// by id count as refused access, so a mistyped address is not an incident. The entry holds the method, the path and
/// the status, never the query or the body, which may carry what someone searched for or wrote.
/// </summary>
public static partial class AuditedRequests
{
    public static void UseAuditedRequests(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        await next(context);
        if (context.User.Identity?.IsAuthenticated != true) return;
        var response = context.Response;
        var refused = response.StatusCode is StatusCodes.Status403Forbidden or StatusCodes.Status404NotFound
            || (response.StatusCode == StatusCodes.Status302Found && response.Headers.Location.ToString().Contains("/Account/AccessDenied", StringComparison.Ordinal));
        var exported = response.StatusCode == StatusCodes.Status200OK && IsDownload(response);
        if (!refused && !exported) return;
        var id = refused ? RecordId(context.Request) : null;
        if (refused && id is null) return;
        await Record(context, refused ? "access.refused" : "export.downloaded", id ?? context.Request.Path.Value ?? "",
            refused ? $"{context.Request.Method} {context.Request.Path} refused ({Status(response)})" : $"{context.Request.Method} {context.Request.Path} ({response.ContentType})");
    });

    private static bool IsDownload(HttpResponse response) =>
        response.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true
        || response.Headers.ContentDisposition.ToString().StartsWith("attachment", StringComparison.OrdinalIgnoreCase);

    private static string Status(HttpResponse response) => response.StatusCode == StatusCodes.Status302Found ? "access denied page" : response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The first id in the path or the query: a GUID, or a number (audit entries, imports).</summary>
    private static string? RecordId(HttpRequest request)
    {
        foreach (var segment in (request.Path.Value ?? "").Split('/'))
            if (LooksLikeId(segment)) return segment;
        foreach (var (_, values) in request.Query)
            foreach (var value in values)
                if (value is not null && LooksLikeId(value)) return value;
        return null;
    }

    private static bool LooksLikeId(string text) => Guid.TryParse(text, out _) || Number().IsMatch(text);

    [GeneratedRegex("^[0-9]{1,19}$")]
    private static partial Regex Number();

    /// <summary>In a scope of its own: the request's unit of work may hold whatever the refused use case left in it.</summary>
    private static async Task Record(HttpContext context, string action, string recordId, string summary)
    {
        await using var scope = context.RequestServices.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlipsideDb>();
        var viewer = Viewer.Of(context.User, db);
        db.Record(viewer, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow(), action, "Request", recordId, summary);
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
