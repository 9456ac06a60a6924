using Flipside.Data;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;

namespace Flipside.Features.Health;

public static class HealthApi
{
    public static void MapHealthApi(this RouteGroupBuilder api)
    {
        // Managers, sponsors and administrators: the use case refuses other roles (403) and programs outside the viewer's reach (404).
        var readers = api.MapGroup("").WithTags("Program health").RequireAuthorization();
        readers.MapGet("/programs/{id:guid}/health", (Guid id, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            ProgramHealth.ForProgram(id, viewer, db, clock, ct).ToHttp(report => TypedResults.Ok(report)))
            .Produces<HealthReport>().ProducesRefusals();
        readers.MapGet("/cohorts/{cohortId:guid}/health", (Guid cohortId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            ProgramHealth.ForCohort(cohortId, viewer, db, clock, ct).ToHttp(report => TypedResults.Ok(report)))
            .Produces<HealthReport>().ProducesRefusals();

        // The drill-down to one pair names people: program staff only, and only pairs of programs they manage.
        var staff = api.MapGroup("").WithTags("Program health").RequireAuthorization(Policies.ProgramStaff);
        staff.MapGet("/pairings/{pairingId:guid}/health", (Guid pairingId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            PairHealth.Handle(pairingId, viewer, db, clock, ct).ToHttp(view => TypedResults.Ok(view)))
            .Produces<PairHealth.View>().ProducesRefusals();
    }
}
