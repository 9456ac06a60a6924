using System.Security.Claims;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flipside.Features.Enrollment;

public static class EnrollmentApi
{
    public sealed record InviteRequest(ParticipantRole? Role, string[]? EmployeeIds, InviteToCohort.Filter? Filter);
    public sealed record Roster(CohortRoster.Readiness Readiness, IReadOnlyList<CohortRoster.Row> Enrollments);
    public sealed record ApplyRequest(ParticipantRole? Role, string? Motivation);
    public sealed record DecisionRequest(bool? Accept);
    public sealed record ApprovalRequest(string? Token, bool? Approve);
    public sealed record Reminded(int Sent);

    public static void MapEnrollmentApi(this RouteGroupBuilder api)
    {
        // Program staff endpoints check the policy first and then that the cohort is theirs (404 otherwise).
        var cohorts = api.MapGroup("/cohorts/{cohortId:guid}").WithTags("Enrollment").RequireAuthorization(Policies.ProgramStaff);
        cohorts.MapGet("/enrollments", async Task<Results<Ok<Roster>, NotFound>> (Guid cohortId, ClaimsPrincipal user, FlipsideDb db, CancellationToken ct) =>
        {
            if (await EnrollmentAccess.ManagedCohort(db, user, cohortId, ct) is null) return TypedResults.NotFound();
            var rows = await CohortRoster.List(cohortId, db, ct);
            return TypedResults.Ok(new Roster(CohortRoster.ReadinessOf(rows), rows));
        });
        cohorts.MapPost("/enrollments", async Task<Results<Ok<InviteToCohort.Result>, ValidationProblem, NotFound>> (Guid cohortId, InviteRequest r, ClaimsPrincipal user, HttpRequest http,
            IConfiguration config, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
        {
            if (await EnrollmentAccess.ManagedCohort(db, user, cohortId, ct) is not { } cohort) return TypedResults.NotFound();
            if (r.Role is not { } role) return RoleMissing();
            var request = new InviteToCohort.Request(role, r.EmployeeIds, r.Filter);
            if (InviteToCohort.Check(request) is { Count: > 0 } errors) return TypedResults.ValidationProblem(errors.ToDictionary());
            return TypedResults.Ok(await InviteToCohort.Handle(request, cohort, EnrollmentAccess.UserId(user), PublicUrl.Of(http, config), db, clock, ct));
        });
        cohorts.MapPost("/reminders", async Task<Results<Ok<Reminded>, NotFound>> (Guid cohortId, ClaimsPrincipal user, HttpRequest http, IConfiguration config,
            FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            await EnrollmentAccess.ManagedCohort(db, user, cohortId, ct) is { } cohort
                ? TypedResults.Ok(new Reminded(await SendProfileReminders.Handle(cohort, PublicUrl.Of(http, config), db, clock, ct)))
                : TypedResults.NotFound());
        api.MapPost("/cohorts/{cohortId:guid}/applications", async Task<Results<Created<MyEnrollments.Item>, ValidationProblem, NotFound>> (Guid cohortId, ApplyRequest r, ClaimsPrincipal user,
            FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
        {
            if (await EnrollmentAccess.PersonOf(db, user, ct) is not { } person) return TypedResults.NotFound();
            if (r.Role is not { } role) return RoleMissing();
            var (enrollment, errors) = await ApplyToCohort.Handle(new(cohortId, role, r.Motivation), person, db, clock, ct);
            if (enrollment is null) return TypedResults.ValidationProblem(errors.ToDictionary());
            var item = (await MyEnrollments.List(person.Id, db, ct)).Single(i => i.EnrollmentId == enrollment.Id);
            return TypedResults.Created($"/api/v1/enrollments/{enrollment.Id}", item);
        }).WithTags("Enrollment").RequireAuthorization();

        var mine = api.MapGroup("/enrollments").WithTags("Enrollment").RequireAuthorization();
        mine.MapGet("/mine", async (ClaimsPrincipal user, FlipsideDb db, CancellationToken ct) =>
            await EnrollmentAccess.PersonOf(db, user, ct) is { } person ? await MyEnrollments.List(person.Id, db, ct) : []);
        mine.MapPost("/{id:guid}/accept", (Guid id, ClaimsPrincipal user, HttpRequest http, IConfiguration config, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            Own(id, user, db, e => AnswerInvitation.Accept(e, PublicUrl.Of(http, config), db, clock, ct), ct));
        mine.MapPost("/{id:guid}/decline", (Guid id, ClaimsPrincipal user, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            Own(id, user, db, e => AnswerInvitation.Decline(e, db, clock, ct), ct));
        mine.MapPost("/{id:guid}/withdraw", (Guid id, ClaimsPrincipal user, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            Own(id, user, db, e => AnswerInvitation.Withdraw(e, db, clock, ct), ct));
        mine.MapGet("/{id:guid}/profile", async Task<Results<Ok<ProfileView>, NotFound>> (Guid id, ClaimsPrincipal user, FlipsideDb db, CancellationToken ct) =>
            await EnrollmentAccess.OwnEnrollment(db, user, id, ct) is { } e ? TypedResults.Ok(ProfileView.Of(e)) : TypedResults.NotFound());
        mine.MapPut("/{id:guid}/profile", async Task<Results<NoContent, ValidationProblem, NotFound>> (Guid id, SaveProfile.Request r, ClaimsPrincipal user,
            FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
        {
            if (await EnrollmentAccess.OwnEnrollment(db, user, id, ct) is not { } e) return TypedResults.NotFound();
            var errors = await SaveProfile.Handle(r, e, db, clock, ct);
            return errors.Count == 0 ? TypedResults.NoContent() : TypedResults.ValidationProblem(errors.ToDictionary());
        });
        mine.MapPost("/{id:guid}/decision", async Task<Results<NoContent, ValidationProblem, NotFound>> (Guid id, DecisionRequest r, ClaimsPrincipal user, HttpRequest http,
            IConfiguration config, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
        {
            if (await EnrollmentAccess.ManagedEnrollment(db, user, id, ct) is not { } e) return TypedResults.NotFound();
            if (r.Accept is not { } accept) return Missing("accept", "Say true to take the volunteer in, or false to decline.");
            await AnswerInvitation.DecideApplication(e, accept, PublicUrl.Of(http, config), db, clock, ct);
            return TypedResults.NoContent();
        }).RequireAuthorization(Policies.ProgramStaff);

        api.MapPost("/enrollment-approvals", async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> (ApprovalRequest r, HttpRequest http, IConfiguration config,
            FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
        {
            if (r.Approve is not { } approve) return Missing("approve", "Say true to approve, or false to decline.");
            return await LineManagerApproval.Handle(new(r.Token, approve), PublicUrl.Of(http, config), db, clock, ct)
                ? TypedResults.NoContent()
                : TypedResults.Problem("This approval link is not valid or was already answered.", statusCode: StatusCodes.Status410Gone);
        }).WithTags("Enrollment").AllowAnonymous();
    }

    // Required choices are nullable in the requests so that a missing one is refused, not read as the type's default
    // (Mentor for a role, false, i.e. "decline", for a decision).
    private static ValidationProblem Missing(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    private static ValidationProblem RoleMissing() => Missing("role", "Say which role: Mentor or Mentee.");

    private static async Task<Results<NoContent, NotFound>> Own(Guid id, ClaimsPrincipal user, FlipsideDb db, Func<Domain.Enrollment, Task> change, CancellationToken ct)
    {
        if (await EnrollmentAccess.OwnEnrollment(db, user, id, ct) is not { } e) return TypedResults.NotFound();
        await change(e);
        return TypedResults.NoContent();
    }
}
