using Flipside.Data;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;

namespace Flipside.Features.Goals;

public static class GoalsApi
{
    public sealed record GoalBody(string? Title, string? Description, Guid? ObjectiveId, int? Version);
    public sealed record TitleBody(string? Title);
    public sealed record MarkBody(bool? Done);
    public sealed record ProgressBody(string? Text);
    public sealed record Created(Guid Id);

    public static void MapGoalsApi(this RouteGroupBuilder api)
    {
        // A pairing's goals: its two people only; anyone else, whatever their role, finds nothing (404).
        var goals = api.MapGroup("/pairings/{pairingId:guid}/goals").WithTags("Goals").RequireAuthorization();
        goals.MapGet("", (Guid pairingId, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            PairGoals.Handle(pairingId, viewer, db, ct).ToHttp(view => TypedResults.Ok(view)))
            .Produces<PairGoals.View>().ProducesRefusals();
        goals.MapPost("", (Guid pairingId, GoalBody body, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            SetGoal.Add(new(pairingId, body.Title, body.Description, body.ObjectiveId), viewer, db, clock, ct)
                .ToHttp(id => TypedResults.Created($"/api/v1/pairings/{pairingId}/goals", new Created(id))))
            .Produces<Created>(StatusCodes.Status201Created).ProducesRefusals();
        goals.MapPut("/{goalId:guid}", (Guid pairingId, Guid goalId, GoalBody body, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            SetGoal.Change(goalId, body.Version, new(pairingId, body.Title, body.Description, body.ObjectiveId), viewer, db, clock, ct).ToHttp())
            .ProducesRefusals();
        goals.MapDelete("/{goalId:guid}", (Guid pairingId, Guid goalId, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            SetGoal.Remove(pairingId, goalId, viewer, db, ct).ToHttp())
            .ProducesRefusals();
        goals.MapPost("/{goalId:guid}/milestones", (Guid pairingId, Guid goalId, TitleBody body, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            Milestones.Add(pairingId, goalId, body.Title, viewer, db, clock, ct)
                .ToHttp(id => TypedResults.Created($"/api/v1/pairings/{pairingId}/goals", new Created(id))))
            .Produces<Created>(StatusCodes.Status201Created).ProducesRefusals();
        goals.MapPut("/{goalId:guid}/milestones/{milestoneId:guid}", (Guid pairingId, Guid goalId, Guid milestoneId, MarkBody body, Viewer viewer, FlipsideDb db,
            TimeProvider clock, CancellationToken ct) =>
            Milestones.Mark(pairingId, goalId, milestoneId, body.Done, viewer, db, clock, ct).ToHttp())
            .ProducesRefusals();
        goals.MapDelete("/{goalId:guid}/milestones/{milestoneId:guid}", (Guid pairingId, Guid goalId, Guid milestoneId, Viewer viewer, FlipsideDb db,
            CancellationToken ct) =>
            Milestones.Remove(pairingId, goalId, milestoneId, viewer, db, ct).ToHttp())
            .ProducesRefusals();
        goals.MapPost("/{goalId:guid}/progress", (Guid pairingId, Guid goalId, ProgressBody body, Viewer viewer, FlipsideDb db, TimeProvider clock,
            CancellationToken ct) =>
            AddProgress.Handle(pairingId, goalId, body.Text, viewer, db, clock, ct)
                .ToHttp(id => TypedResults.Created($"/api/v1/pairings/{pairingId}/goals", new Created(id))))
            .Produces<Created>(StatusCodes.Status201Created).ProducesRefusals();

        // Program staff: counts and percentages per pairing of their cohort; never a goal's text.
        api.MapGet("/cohorts/{cohortId:guid}/goals", (Guid cohortId, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            GoalSummary.OfCohort(cohortId, viewer, db, ct).ToHttp(rows => TypedResults.Ok(rows)))
            .WithTags("Goals").RequireAuthorization(Policies.ProgramStaff)
            .Produces<IReadOnlyList<GoalSummary.Row>>().ProducesRefusals();
    }
}
