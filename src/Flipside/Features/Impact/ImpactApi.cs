using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.Extensions.Caching.Memory;

namespace Flipside.Features.Impact;

public static class ImpactApi
{
    /// <summary>
    /// The report as JSON and CSV (managers, sponsors and administrators; the use case refuses everyone else), and a
    /// manager's recorded value of a measure. <c>?cohort=</c> narrows the report to one wave.
    /// </summary>
    public static void MapImpactApi(this RouteGroupBuilder api)
    {
        var program = api.MapGroup("/programs/{programId:guid}").WithTags("Impact").RequireAuthorization();
        program.MapGet("/impact", (Guid programId, Guid? cohort, Viewer viewer, FlipsideDb db, TimeProvider clock, IMemoryCache cache, CancellationToken ct) =>
            ImpactReport.Handle(programId, cohort, viewer, db, clock, ct, cache).ToHttp(view => TypedResults.Ok(view)))
            .Produces<ImpactView>().ProducesRefusals();
        program.MapGet("/impact.csv", (Guid programId, Guid? cohort, Viewer viewer, FlipsideDb db, TimeProvider clock, IMemoryCache cache, CancellationToken ct) =>
            ImpactReport.Handle(programId, cohort, viewer, db, clock, ct, cache).ToHttp(view =>
                TypedResults.Text(ImpactCsv.Write(view), "text/csv; charset=utf-8")))
            .RequireRateLimiting(Infrastructure.Security.RateLimits.Bulk)
            .Produces<string>(contentType: "text/csv").ProducesRefusals();
        program.MapPost("/measures/{measureId:guid}/values", (Guid programId, Guid measureId, RecordMeasureValue.Request body, Viewer viewer, FlipsideDb db,
                TimeProvider clock, CancellationToken ct) =>
            RecordMeasureValue.Handle(programId, measureId, body, viewer, db, clock, ct)
                .ToHttp(recorded => TypedResults.Created($"/api/v1/programs/{programId}/impact", recorded)))
            .Produces<RecordMeasureValue.Recorded>(StatusCodes.Status201Created).ProducesRefusals();
    }
}
