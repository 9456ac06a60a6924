using Flipside.Data;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;

namespace Flipside.Features.Celebration;

/// <summary>
/// Kudos, milestones, the certificate and success stories. A pairing's own endpoints answer its two partners only
/// (everyone else gets 404); approving and sending back a story is for program staff; the showcase answers the
/// program's managers, sponsors and participants.
/// </summary>
public static class CelebrationApi
{
    public sealed record KudosBody(string? Text, string? FocusArea);
    public sealed record StoryBody(string? Title, string? Text, IReadOnlyList<string>? FocusAreas, int? Version);
    public sealed record ConsentBody(bool Named, int? Version);
    public sealed record RejectBody(string? Reason);

    public static void MapCelebrationApi(this RouteGroupBuilder api)
    {
        var pair = api.MapGroup("/pairings/{pairingId:guid}").WithTags("Celebration").RequireAuthorization();
        pair.MapGet("/kudos", (Guid pairingId, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            PairRecognition.Handle(pairingId, viewer, db, ct).ToHttp(view => TypedResults.Ok(view.Kudos)))
            .Produces<IReadOnlyList<SendKudos.Item>>().ProducesRefusals();
        pair.MapPost("/kudos", (Guid pairingId, KudosBody body, Viewer viewer, PublicUrl url, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            SendKudos.Handle(new(pairingId, body.Text, body.FocusArea), viewer, url.Base, db, clock, ct)
                .ToHttp(k => TypedResults.Created($"/api/v1/pairings/{pairingId}/kudos", k)))
            .Produces<SendKudos.Item>(StatusCodes.Status201Created).ProducesRefusals();
        pair.MapGet("/milestones", (Guid pairingId, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            PairRecognition.Handle(pairingId, viewer, db, ct).ToHttp(view => TypedResults.Ok(view.Milestones)))
            .Produces<IReadOnlyList<PairRecognition.Milestone>>().ProducesRefusals();
        pair.MapGet("/certificate", (Guid pairingId, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            Certificate.Handle(pairingId, viewer, db, ct).ToHttp(c => TypedResults.Ok(c)))
            .Produces<Certificate.View>().ProducesRefusals();
        pair.MapGet("/stories", (Guid pairingId, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            PairStory.Of(pairingId, viewer, db, ct).ToHttp(s => TypedResults.Ok(s is null ? [] : new[] { s })))
            .Produces<IReadOnlyList<PairStory.Item>>().ProducesRefusals();
        pair.MapPost("/stories", (Guid pairingId, StoryBody body, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            WriteStory.Handle(new(pairingId, new(body.Title, body.Text, body.FocusAreas)), viewer, db, clock, ct)
                .ToHttp(s => TypedResults.Created($"/api/v1/stories/{s.Id}", s)))
            .Produces<PairStory.Item>(StatusCodes.Status201Created).ProducesRefusals();

        var stories = api.MapGroup("/stories/{storyId:guid}").WithTags("Celebration").RequireAuthorization();
        stories.MapPut("", (Guid storyId, StoryBody body, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            WriteStory.Edit(new(storyId, new(body.Title, body.Text, body.FocusAreas), body.Version), viewer, db, clock, ct).ToHttp(s => TypedResults.Ok(s)))
            .Produces<PairStory.Item>().ProducesRefusals();
        stories.MapPost("/consent", (Guid storyId, ConsentBody body, Viewer viewer, PublicUrl url, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            StoryConsent.Give(new(storyId, body.Named, body.Version), viewer, url.Base, db, clock, ct).ToHttp(s => TypedResults.Ok(s)))
            .Produces<PairStory.Item>().ProducesRefusals();
        stories.MapPost("/withdraw", (Guid storyId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            StoryConsent.Withdraw(storyId, viewer, db, clock, ct).ToHttp(s => TypedResults.Ok(s)))
            .Produces<PairStory.Item>().ProducesRefusals();
        stories.MapPost("/approve", (Guid storyId, Viewer viewer, PublicUrl url, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            ReviewStory.Approve(storyId, viewer, url.Base, db, clock, ct).ToHttp(s => TypedResults.Ok(s)))
            .RequireAuthorization(Policies.ProgramStaff).Produces<ReviewStory.Reviewed>().ProducesRefusals();
        stories.MapPost("/reject", (Guid storyId, RejectBody body, Viewer viewer, PublicUrl url, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            ReviewStory.Reject(storyId, body.Reason, viewer, url.Base, db, clock, ct).ToHttp(s => TypedResults.Ok(s)))
            .RequireAuthorization(Policies.ProgramStaff).Produces<ReviewStory.Reviewed>().ProducesRefusals();

        api.MapGet("/programs/{programId:guid}/showcase", (Guid programId, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            Showcase.Handle(programId, viewer, db, ct).ToHttp(v => TypedResults.Ok(v)))
            .WithTags("Celebration").RequireAuthorization().Produces<Showcase.View>().ProducesRefusals();
    }
}
