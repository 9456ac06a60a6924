using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;

namespace Flipside.Features.Enrollment;

public static class EnrollmentApi
{
    // A cohort is invited in batches of up to a thousand people; a filter reaches more.
    public sealed record InviteRequest(ParticipantRole? Role, [property: Shared.MaxItems(1000)] string[]? EmployeeIds, InviteToCohort.Filter? Filter);
    public sealed record Roster(CohortRoster.Readiness Readiness, IReadOnlyList<CohortRoster.Row> Enrollments);
    public sealed record ApplyRequest(ParticipantRole? Role, string? Motivation);
    public sealed record DecisionRequest(bool? Accept);
    public sealed record ApprovalRequest(string? Token, bool? Approve);
    public sealed record Reminded(int Sent);

    public static void MapEnrollmentApi(this RouteGroupBuilder api)
    {
        // Program staff endpoints check the policy first and then that the cohort is theirs (404 otherwise).
        var cohorts = api.MapGroup("/cohorts/{cohortId:guid}").WithTags("Enrollment").RequireAuthorization(Policies.ProgramStaff);
        cohorts.MapGet("/enrollments", async (Guid cohortId, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
        {
            if (await EnrollmentAccess.ManagedCohort(viewer, cohortId, ct) is null) return Outcome.NotFound.ToHttp();
            var rows = await CohortRoster.List(cohortId, db, ct);
            return TypedResults.Ok(new Roster(CohortRoster.ReadinessOf(rows), rows));
        }).Produces<Roster>().ProducesRefusals();
        cohorts.MapPost("/enrollments", (Guid cohortId, InviteRequest r, Viewer viewer, PublicUrl url, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            r.Role is { } role
                ? InviteToCohort.Handle(cohortId, new(role, r.EmployeeIds, r.Filter), viewer, url.Base, db, clock, ct).ToHttp(result => TypedResults.Ok(result))
                : Task.FromResult(RoleMissing.ToHttp()))
            .RequireRateLimiting(Infrastructure.Security.RateLimits.Bulk)
            .Produces<InviteToCohort.Result>().ProducesRefusals();
        cohorts.MapPost("/reminders", (Guid cohortId, Viewer viewer, PublicUrl url, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            SendProfileReminders.Handle(cohortId, viewer, url.Base, db, clock, ct).ToHttp(sent => TypedResults.Ok(new Reminded(sent))))
            .RequireRateLimiting(Infrastructure.Security.RateLimits.Bulk)
            .Produces<Reminded>().ProducesRefusals();
        api.MapPost("/cohorts/{cohortId:guid}/applications", (Guid cohortId, ApplyRequest r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            r.Role is { } role
                ? ApplyToCohort.Handle(new(cohortId, role, r.Motivation), viewer, db, clock, ct).ToHttp(async enrollment =>
                {
                    var item = (await MyEnrollments.List(enrollment.PersonId, db, ct)).Single(i => i.EnrollmentId == enrollment.Id);
                    return TypedResults.Created($"/api/v1/enrollments/{enrollment.Id}", item);
                })
                : Task.FromResult(RoleMissing.ToHttp()))
            .WithTags("Enrollment").RequireAuthorization().Produces<MyEnrollments.Item>(StatusCodes.Status201Created).ProducesRefusals();

        var mine = api.MapGroup("/enrollments").WithTags("Enrollment").RequireAuthorization();
        mine.MapGet("/mine", async (Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            await viewer.Person(ct) is { } person ? await MyEnrollments.List(person.Id, db, ct) : []);
        mine.MapPost("/{id:guid}/accept", (Guid id, Viewer viewer, PublicUrl url, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            AnswerInvitation.Accept(id, viewer, url.Base, db, clock, ct).ToHttp()).ProducesRefusals();
        mine.MapPost("/{id:guid}/decline", (Guid id, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            AnswerInvitation.Decline(id, viewer, db, clock, ct).ToHttp()).ProducesRefusals();
        mine.MapPost("/{id:guid}/withdraw", (Guid id, Viewer viewer, PublicUrl url, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            AnswerInvitation.Withdraw(id, viewer, url.Base, db, clock, ct).ToHttp()).ProducesRefusals();
        mine.MapGet("/{id:guid}/profile", async (Guid id, Viewer viewer, CancellationToken ct) =>
            await EnrollmentAccess.OwnEnrollment(viewer, id, ct) is { } e ? TypedResults.Ok(ProfileView.Of(e)) : Outcome.NotFound.ToHttp())
            .Produces<ProfileView>().ProducesRefusals();
        mine.MapPut("/{id:guid}/profile", (Guid id, SaveProfile.Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            SaveProfile.Handle(id, r, viewer, db, clock, ct).ToHttp()).ProducesRefusals();
        mine.MapPost("/{id:guid}/decision", (Guid id, DecisionRequest r, Viewer viewer, PublicUrl url, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            r.Accept is { } accept
                ? AnswerInvitation.DecideApplication(id, null, accept, viewer, url.Base, db, clock, ct).ToHttp(_ => TypedResults.NoContent())
                : Task.FromResult(Outcome.Invalid("accept", "Say true to take the volunteer in, or false to decline.").ToHttp()))
            .RequireAuthorization(Policies.ProgramStaff).ProducesRefusals();

        // The link is gone once answered (410), which the approval page words as "no longer valid".
        api.MapPost("/enrollment-approvals", async (ApprovalRequest r, PublicUrl url, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
        {
            if (r.Approve is not { } approve) return Outcome.Invalid("approve", "Say true to approve, or false to decline.").ToHttp();
            var outcome = await Outcome.Of(LineManagerApproval.Handle(new(r.Token, approve), url.Base, db, clock, ct));
            return outcome.Problem is { Refusal: Refusal.NotFound }
                ? TypedResults.Problem("This approval link is not valid or was already answered.", statusCode: StatusCodes.Status410Gone)
                : outcome.IsOk ? TypedResults.NoContent() : outcome.Problem!.ToHttp();
        }).WithTags("Enrollment").AllowAnonymous().ProducesRefusals().ProducesProblem(StatusCodes.Status410Gone);
    }

    // Required choices are nullable in the requests so that a missing one is refused, not read as the type's default
    // (Mentor for a role, false, i.e. "decline", for a decision).
    private static readonly Problem RoleMissing = Outcome.Invalid("role", "Say which role: Mentor or Mentee.");
}
