using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;

namespace Flipside.Features.Insights;

public static class InsightsApi
{
    public sealed record RaiseBody(string? FocusArea, string? Text);
    public sealed record ResponseBody(string? Status, string? Response, int? Version);
    public sealed record Created(Guid Id);

    public static void MapInsightsApi(this RouteGroupBuilder api)
    {
        // A pairing's own insights: its two people only; anyone else, whatever their role, finds nothing (404).
        var pair = api.MapGroup("/pairings/{pairingId:guid}/insights").WithTags("Insights").RequireAuthorization();
        pair.MapGet("", (Guid pairingId, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            PairInsights.Handle(pairingId, viewer, db, ct).ToHttp(view => TypedResults.Ok(view)))
            .Produces<PairInsights.View>().ProducesRefusals();
        pair.MapPost("", (Guid pairingId, RaiseBody body, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            RaiseInsight.Handle(new(pairingId, body.FocusArea, body.Text), viewer, db, clock, ct)
                .ToHttp(id => TypedResults.Created($"/api/v1/pairings/{pairingId}/insights", new Created(id))))
            .Produces<Created>(StatusCodes.Status201Created).ProducesRefusals();

        // Leadership: the program's managers and sponsors, and administrators. The use case decides (404 outside, 403 for
        // the program's own participants), since sponsors hold no staff policy.
        api.MapGet("/programs/{programId:guid}/insights", (Guid programId, string? focusArea, InsightStatus? status, Viewer viewer, FlipsideDb db,
            CancellationToken ct) =>
            LeadershipInsights.Handle(programId, new(focusArea, status), viewer, db, ct).ToHttp(view => TypedResults.Ok(view)))
            .WithTags("Insights").RequireAuthorization()
            .Produces<LeadershipInsights.View>().ProducesRefusals();
        api.MapPost("/insights/{insightId:guid}/response", (Guid insightId, ResponseBody body, Viewer viewer, PublicUrl url, FlipsideDb db, TimeProvider clock,
            CancellationToken ct) =>
            RespondToInsight.Handle(new(insightId, body.Status, body.Response, body.Version), viewer, url.Base, db, clock, ct).ToHttp())
            .WithTags("Insights").RequireAuthorization().ProducesRefusals();
    }
}
