using Flipside.Data;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.Extensions.Caching.Memory;

namespace Flipside.Features.Health;

public static class HealthApi
{
    public static void MapHealthApi(this RouteGroupBuilder api)
    {
        // Managers, sponsors and administrators: the use case refuses other roles (403) and programs outside the viewer's reach (404).
        var readers = api.MapGroup("").WithTags("Program health").RequireAuthorization();
        const string Paging = "The pairs at risk (and a cohort's pairs) come 50 at a time: page=1, 2, …; atRiskTotal and pairsTotal count them all.";
        readers.MapGet("/programs/{id:guid}/health", (Guid id, int? page, Viewer viewer, FlipsideDb db, TimeProvider clock, IMemoryCache cache, CancellationToken ct) =>
            ProgramHealth.ForProgram(id, viewer, db, clock, ct, cache, page ?? 1).ToHttp(report => TypedResults.Ok(report)))
            .Produces<HealthReport>().ProducesRefusals().WithDescription(Paging);
        readers.MapGet("/cohorts/{cohortId:guid}/health", (Guid cohortId, int? page, Viewer viewer, FlipsideDb db, TimeProvider clock, IMemoryCache cache, CancellationToken ct) =>
            ProgramHealth.ForCohort(cohortId, viewer, db, clock, ct, cache, page ?? 1).ToHttp(report => TypedResults.Ok(report)))
            .Produces<HealthReport>().ProducesRefusals().WithDescription(Paging);

        // The drill-down to one pair names people: program staff only, and only pairs of programs they manage.
        var staff = api.MapGroup("").WithTags("Program health").RequireAuthorization(Policies.ProgramStaff);
        staff.MapGet("/pairings/{pairingId:guid}/health", (Guid pairingId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            PairHealth.Handle(pairingId, viewer, db, clock, ct).ToHttp(view => TypedResults.Ok(view)))
            .Produces<PairHealth.View>().ProducesRefusals();
    }
}
