using Flipside.Data;
using Flipside.Features.Shared;

namespace Flipside.Features.Pairings;

public static class RankedChoiceApi
{
    public sealed record RankingBody(IReadOnlyList<SaveRanking.Entry>? Ranking);

    public static void MapRankedChoiceApi(this RouteGroupBuilder api)
    {
        // Participants only: each finds only their own enrolment and ranking (404 otherwise).
        var mine = api.MapGroup("/ranked-choice").WithTags("Ranked choice").RequireAuthorization();
        mine.MapGet("/cohorts/{cohortId:guid}/ranking", (Guid cohortId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            MyRanking.Handle(cohortId, viewer, db, clock, ct).ToHttp(view => TypedResults.Ok(view)))
            .Produces<MyRanking.View>().ProducesRefusals();
        // PUT: saving replaces the whole ranking; an empty list clears it.
        mine.MapPut("/cohorts/{cohortId:guid}/ranking", (Guid cohortId, RankingBody body, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            body.Ranking is { } ranking
                ? SaveRanking.Handle(new(cohortId, ranking), viewer, db, clock, ct).ToHttp(saved => TypedResults.Ok(saved))
                : Task.FromResult(Outcome.Invalid("ranking", "Send the ranking: a list of { personId, rank }, 1 first.").ToHttp()))
            .Produces<SaveRanking.Saved>().ProducesRefusals();
    }
}
