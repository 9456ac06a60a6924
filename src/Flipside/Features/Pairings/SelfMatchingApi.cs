using Flipside.Data;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;

namespace Flipside.Features.Pairings;

public static class SelfMatchingApi
{
    public sealed record RequestBody(Guid? MentorPersonId);
    public sealed record AnswerBody(string? Answer);

    public static void MapSelfMatchingApi(this RouteGroupBuilder api)
    {
        // Participants: each finds only their own enrolment, requests and answers (404 otherwise).
        var mine = api.MapGroup("/self-matching").WithTags("Self-matching").RequireAuthorization();
        mine.MapGet("/cohorts/{cohortId:guid}/suggestions", (Guid cohortId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            MentorSuggestions.Handle(cohortId, viewer, db, clock, ct).ToHttp(view => TypedResults.Ok(view)))
            .Produces<MentorSuggestions.View>().ProducesRefusals();
        mine.MapPost("/cohorts/{cohortId:guid}/requests", (Guid cohortId, RequestBody body, Viewer viewer, PublicUrl url, FlipsideDb db, TimeProvider clock,
            CancellationToken ct) =>
            body.MentorPersonId is { } mentor
                ? RequestMentor.Handle(new(cohortId, mentor), viewer, url.Base, db, clock, ct)
                    .ToHttp(asked => TypedResults.Created($"/api/v1/self-matching/cohorts/{cohortId}/suggestions", asked))
                : Task.FromResult(Outcome.Invalid("mentorPersonId", "Name the mentor you are asking: mentorPersonId.").ToHttp()))
            .Produces<RequestMentor.Asked>(StatusCodes.Status201Created).ProducesRefusals();
        mine.MapGet("/requests", async (Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            TypedResults.Ok(await MentorRequests.Mine(viewer, db, clock, ct)))
            .Produces<IReadOnlyList<MentorRequests.ToMe>>();
        mine.MapPost("/requests/{requestId:guid}/answer", (Guid requestId, AnswerBody body, Viewer viewer, PublicUrl url, FlipsideDb db, TimeProvider clock,
            CancellationToken ct) =>
            AnswerMentorRequest.TryParse(body.Answer, out var accept)
                ? AnswerMentorRequest.Handle(new(requestId, accept), viewer, url.Base, db, clock, ct).ToHttp(answered => TypedResults.Ok(answered))
                : Task.FromResult(Outcome.Invalid("answer", "The answer is accept or decline.").ToHttp()))
            .Produces<AnswerMentorRequest.Answered>().ProducesRefusals();

        // Program staff: the requests of their own cohorts.
        api.MapGet("/cohorts/{cohortId:guid}/mentor-requests", async (Guid cohortId, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            await MentorRequests.OfCohort(cohortId, viewer, db, ct) is { } rows ? TypedResults.Ok(rows) : Outcome.NotFound.ToHttp())
            .WithTags("Self-matching").RequireAuthorization(Policies.ProgramStaff)
            .Produces<IReadOnlyList<MentorRequests.Row>>().ProducesRefusals();
    }
}
