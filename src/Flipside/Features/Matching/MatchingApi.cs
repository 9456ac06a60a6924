using Flipside.Data;
using Flipside.Features.Pairings;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.Extensions.Caching.Memory;

namespace Flipside.Features.Matching;

public static class MatchingApi
{
    public sealed record RunBody(string? Objective, string? Preset, int? Complementarity, int? SharedInterests, int? StyleFit, int? AvailabilityOverlap,
        int? SharedLanguage, int? CrossDepartment)
    {
        public Outcome<RunMatching.Request> ToRequest(Guid cohortId)
        {
            if (!WeightPresets.TryParseObjective(Objective, out var objective))
                return Outcome.Invalid("objective", "The objective is 'pairs' (as many pairs as possible, then the score) or 'score' (the highest total score).");
            var weights = new WeightPresets.Input(Preset, Complementarity, SharedInterests, StyleFit, AvailabilityOverlap, SharedLanguage, CrossDepartment).ToWeights();
            return weights.IsOk ? new RunMatching.Request(cohortId, weights.Value, objective) : weights.Problem!;
        }
    }

    public sealed record ByHandBody(Guid? MenteePersonId, Guid? MentorPersonId);
    public sealed record DecisionBody(string? Decision, int? Version);
    public sealed record ExitBody(string? Action, string? Reason);
    public sealed record RematchBody(Guid? PersonId);
    public sealed record KeepBody(string? Reason, int? Version);

    private static readonly Problem ExitMissing = Outcome.Invalid("action", "Say what to do: pause, resume, end or newMatch.");

    public static void MapMatchingApi(this RouteGroupBuilder api)
    {
        // Program staff endpoints check the policy first and then that the cohort is theirs (404 otherwise).
        var cohort = api.MapGroup("/cohorts/{cohortId:guid}").WithTags("Matching").RequireAuthorization(Policies.ProgramStaff);
        cohort.MapGet("/matching", async (Guid cohortId, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            await MatchingBoard.Handle(cohortId, viewer, db, ct) is { } board ? TypedResults.Ok(board) : Outcome.NotFound.ToHttp())
            .Produces<MatchingBoard.Board>().ProducesRefusals();
        cohort.MapPost("/matching/runs", (Guid cohortId, RunBody body, Viewer viewer, FlipsideDb db, TimeProvider clock, IMemoryCache cache, CancellationToken ct) =>
            body.ToRequest(cohortId) is { IsOk: true } request
                ? RunMatching.Handle(request.Value, viewer, db, clock, ct, cache).ToHttp(run => TypedResults.Created($"/api/v1/cohorts/{cohortId}/matching/runs/{run.RunId}", run))
                : Task.FromResult(body.ToRequest(cohortId).Problem!.ToHttp()))
            .Produces<RunMatching.Summary>(StatusCodes.Status201Created).ProducesRefusals();
        cohort.MapGet("/matching/runs/{runId:guid}", async (Guid cohortId, Guid runId, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            await MatchRunDetail.Handle(cohortId, runId, viewer, db, ct) is { } run ? TypedResults.Ok(run) : Outcome.NotFound.ToHttp())
            .Produces<MatchRunDetail.Run>().ProducesRefusals();
        cohort.MapPost("/matching/preview", (Guid cohortId, RunBody body, Viewer viewer, FlipsideDb db, IMemoryCache cache, CancellationToken ct) =>
            body.ToRequest(cohortId) is { IsOk: true } request
                ? PreviewMatching.Handle(request.Value, viewer, db, ct, cache).ToHttp(preview => TypedResults.Ok(preview))
                : Task.FromResult(body.ToRequest(cohortId).Problem!.ToHttp()))
            .Produces<PreviewMatching.Preview>().ProducesRefusals();
        cohort.MapPost("/matching/publish", (Guid cohortId, Viewer viewer, PublicUrl url, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            PublishPairings.Handle(cohortId, viewer, url.Base, db, clock, ct).ToHttp(published => TypedResults.Ok(published)))
            .Produces<PublishPairings.Published>().ProducesRefusals();
        cohort.MapPost("/pairings", (Guid cohortId, ByHandBody body, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            body is { MenteePersonId: { } mentee, MentorPersonId: { } mentor }
                ? PairByHand.Handle(new(cohortId, mentee, mentor), viewer, db, clock, ct)
                    .ToHttp(made => TypedResults.Created($"/api/v1/cohorts/{cohortId}/matching", made))
                : Task.FromResult(Outcome.Invalid(body.MenteePersonId is null ? "menteePersonId" : "mentorPersonId", "Name both people: menteePersonId and mentorPersonId.").ToHttp()))
            .Produces<PairByHand.Made>(StatusCodes.Status201Created).ProducesRefusals();
        cohort.MapPost("/pairings/{pairingId:guid}/decision", (Guid cohortId, Guid pairingId, DecisionBody body, Viewer viewer, FlipsideDb db, TimeProvider clock,
            CancellationToken ct) =>
            DecidePairing.TryParse(body.Decision, out var decision)
                ? DecidePairing.Handle(new(cohortId, pairingId, decision, body.Version), viewer, db, clock, ct).ToHttp()
                : Task.FromResult(Outcome.Invalid("decision", "The decision is approve, reject, lock or unlock.").ToHttp()))
            .ProducesRefusals();
        cohort.MapPost("/pairings/{pairingId:guid}/exit", (Guid cohortId, Guid pairingId, ExitBody body, Viewer viewer, PublicUrl url, FlipsideDb db,
            TimeProvider clock, CancellationToken ct) =>
            LeavePairing.TryParse(body.Action, out var action)
                ? LeavePairing.AsManager(cohortId, new(pairingId, action, body.Reason), viewer, url.Base, db, clock, ct).ToHttp()
                : Task.FromResult(ExitMissing.ToHttp()))
            .ProducesRefusals();

        cohort.MapPost("/matching/rematch", (Guid cohortId, RematchBody body, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            body.PersonId is { } person
                ? ProposeRematch.Handle(new(cohortId, person), viewer, db, clock, ct).ToHttp(made => TypedResults.Created($"/api/v1/cohorts/{cohortId}/matching", made))
                : Task.FromResult(Outcome.Invalid("personId", "Name the person to rematch: personId.").ToHttp()))
            .Produces<ProposeRematch.Proposed>(StatusCodes.Status201Created).ProducesRefusals();
        cohort.MapPost("/pairings/{pairingId:guid}/keep", (Guid cohortId, Guid pairingId, KeepBody body, Viewer viewer, FlipsideDb db, TimeProvider clock,
            CancellationToken ct) => KeepInReportingLine.Handle(new(cohortId, pairingId, body.Reason, body.Version), viewer, db, clock, ct).ToHttp())
            .ProducesRefusals();

        // A participant's own pairings, for whoever is signed in.
        var mine = api.MapGroup("/pairings").WithTags("Pairings").RequireAuthorization();
        mine.MapGet("/mine", async (Viewer viewer, FlipsideDb db, CancellationToken ct) => TypedResults.Ok(await MyPairings.List(viewer, db, ct)))
            .Produces<IReadOnlyList<MyPairings.Item>>();
        mine.MapPost("/{pairingId:guid}/exit", (Guid pairingId, ExitBody body, Viewer viewer, PublicUrl url, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            LeavePairing.TryParse(body.Action, out var action)
                ? LeavePairing.AsPartner(new(pairingId, action, body.Reason), viewer, url.Base, db, clock, ct).ToHttp()
                : Task.FromResult(ExitMissing.ToHttp()))
            .ProducesRefusals();
    }
}
