using Flipside.Data;
using Flipside.Features.Shared;

namespace Flipside.Features.Sponsors;

public static class SponsorsApi
{
    public static void MapSponsorsApi(this RouteGroupBuilder api)
    {
        // Any signed-in account may ask: the list is the programs that name it as sponsor, empty for anyone else, and one
        // program's summary is for whoever may read its aggregates (404 otherwise).
        var sponsor = api.MapGroup("/sponsor/programs").WithTags("Sponsors").RequireAuthorization();
        sponsor.MapGet("", async (Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(await SponsorOverview.Mine(viewer, db, clock, ct)))
            .Produces<IReadOnlyList<SponsorOverview.Summary>>();
        sponsor.MapGet("/{programId:guid}", (Guid programId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            SponsorOverview.One(programId, viewer, db, clock, ct).ToHttp(summary => TypedResults.Ok(summary)))
            .Produces<SponsorOverview.Summary>().ProducesRefusals();
    }
}
