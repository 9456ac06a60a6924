using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Audit;

public static class AuditApi
{
    /// <summary>GET /api/v1/audit (a page of 50, newest first) and /api/v1/audit.csv (everything the filter matches).</summary>
    public static void MapAuditApi(this RouteGroupBuilder api)
    {
        api.MapGet("/audit", (string? actor, string? action, string? recordType, string? from, string? to, string? page, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            ListAuditLog.Handle(new(actor, action, recordType, from, to, page), viewer, db, ct).ToHttp(p => TypedResults.Ok(p)))
            .WithTags("Audit").Produces<ListAuditLog.Page>().ProducesRefusals();

        api.MapGet("/audit.csv", (string? actor, string? action, string? recordType, string? from, string? to, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
        {
            var query = ListAuditLog.Query(new(actor, action, recordType, from, to, null), viewer, db);
            return query.IsOk
                ? TypedResults.Stream((stream) => AuditCsv.Write(query.Value.Rows.AsAsyncEnumerable(), stream, ct), AuditCsv.ContentType, "audit-log.csv")
                : query.Problem!.ToHttp();
        }).WithTags("Audit").Produces<string>(contentType: "text/csv").ProducesRefusals();
    }
}
