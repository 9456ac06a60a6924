using System.Security.Claims;
using Flipside.Data;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Flipside.Features.Programs;

/// <summary>
/// /api/v1/programs, their cohorts and managers, and /api/v1/program-templates. Program staff only; a program
/// manager reaches only programs they manage (others are 404, as if they did not exist).
/// </summary>
public static class ProgramsApi
{
    public sealed record TemplateView(string Key, string Name, string Summary, ProgramInput Program);
    public sealed record ManagerRequest(string? Email);
    public sealed record MoveRequest(string? Status);

    public static IEndpointRouteBuilder MapProgramsApi(this IEndpointRouteBuilder api)
    {
        // One group without a prefix, so that list and create sit at /programs rather than /programs/.
        var programs = api.MapGroup("").WithTags("Programs").RequireAuthorization(Policies.ProgramStaff);
        programs.MapGet("/program-templates", () => TypedResults.Ok(ProgramTemplates.All.Select(t => new TemplateView(t.Key, t.Name, t.Summary, t.Build())).ToList()));

        programs.MapGet("/programs", (ClaimsPrincipal me, FlipsideDb db, CancellationToken ct) => ProgramQueries.List(ProgramViewer.Of(me), db, ct));

        programs.MapGet("/programs/{id:guid}", async Task<Results<Ok<ProgramQueries.ProgramDetails>, NotFound>> (Guid id, ClaimsPrincipal me, FlipsideDb db, CancellationToken ct) =>
            await ProgramQueries.Get(id, ProgramViewer.Of(me), db, ct) is { } p ? TypedResults.Ok(p) : TypedResults.NotFound());

        // Without a body, ?template=KEY creates the template as written; with one, the body is the program.
        programs.MapPost("/programs", async Task<Results<Created<ProgramQueries.ProgramDetails>, ValidationProblem>> (
            string? template, ProgramInput? program, ClaimsPrincipal me, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var fromTemplate = ProgramTemplates.Find(template);
            if (template is not null && fromTemplate is null)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["template"] = [$"Choose one of: {string.Join(", ", ProgramTemplates.All.Select(t => t.Key))}."] });
            var input = program ?? fromTemplate?.Build();
            if (input is null)
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["request"] = ["Send the program as JSON, or name a template with ?template=KEY."] });
            var viewer = ProgramViewer.Of(me);
            var result = await CreateProgram.Handle(input, viewer, db, clock, ct);
            if (result.Errors.Count > 0) return TypedResults.ValidationProblem(result.Errors.ToDictionary());
            return TypedResults.Created($"/api/v1/programs/{result.ProgramId}", await ProgramQueries.Get(result.ProgramId!.Value, viewer, db, ct));
        });

        programs.MapPut("/programs/{id:guid}", async Task<Results<NoContent, NotFound, ValidationProblem>> (Guid id, ProgramInput program, ClaimsPrincipal me, FlipsideDb db, CancellationToken ct) =>
        {
            var result = await UpdateProgram.Handle(id, program, ProgramViewer.Of(me), db, ct);
            if (!result.Found) return TypedResults.NotFound();
            return result.Errors.Count > 0 ? TypedResults.ValidationProblem(result.Errors.ToDictionary()) : TypedResults.NoContent();
        });

        programs.MapPost("/programs/{id:guid}/archive", (Guid id, ClaimsPrincipal me, FlipsideDb db, TimeProvider clock, CancellationToken ct) => Archive(id, true, me, db, clock, ct));
        programs.MapPost("/programs/{id:guid}/restore", (Guid id, ClaimsPrincipal me, FlipsideDb db, TimeProvider clock, CancellationToken ct) => Archive(id, false, me, db, clock, ct));

        programs.MapPost("/programs/{id:guid}/managers", async Task<Results<NoContent, NotFound, ValidationProblem>> (Guid id, ManagerRequest r, FlipsideDb db, CancellationToken ct) =>
        {
            var result = await AddProgramManager.Handle(id, r.Email ?? "", db, ct);
            if (!result.Found) return TypedResults.NotFound();
            return result.Errors.Count > 0 ? TypedResults.ValidationProblem(result.Errors.ToDictionary()) : TypedResults.NoContent();
        }).RequireAuthorization(Policies.Administrator);

        programs.MapDelete("/programs/{id:guid}/managers/{userId}", async Task<Results<NoContent, NotFound>> (Guid id, string userId, FlipsideDb db, CancellationToken ct) =>
            await RemoveProgramManager.Handle(id, userId, db, ct) ? TypedResults.NoContent() : TypedResults.NotFound())
            .RequireAuthorization(Policies.Administrator);

        programs.MapCohortsApi();
        return api;
    }

    private static async Task<Results<NoContent, NotFound>> Archive(Guid id, bool archive, ClaimsPrincipal me, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
        await ArchiveProgram.Handle(new(id, archive), ProgramViewer.Of(me), db, clock, ct) ? TypedResults.NoContent() : TypedResults.NotFound();

    private static void MapCohortsApi(this RouteGroupBuilder programs)
    {
        programs.MapGet("/programs/{id:guid}/cohorts", async Task<Results<Ok<IReadOnlyList<ProgramQueries.CohortRow>>, NotFound>> (Guid id, ClaimsPrincipal me, FlipsideDb db, CancellationToken ct) =>
            await ProgramQueries.Get(id, ProgramViewer.Of(me), db, ct) is { } p ? TypedResults.Ok(p.Cohorts) : TypedResults.NotFound());

        programs.MapPost("/programs/{id:guid}/cohorts", async Task<Results<Created<ProgramQueries.CohortRow>, NotFound, ValidationProblem>> (
            Guid id, CohortInput cohort, ClaimsPrincipal me, FlipsideDb db, CancellationToken ct) =>
        {
            var viewer = ProgramViewer.Of(me);
            var result = await SaveCohort.Handle(new(id, null, cohort), viewer, db, ct);
            if (!result.Found) return TypedResults.NotFound();
            if (result.Errors.Count > 0) return TypedResults.ValidationProblem(result.Errors.ToDictionary());
            var c = (await ProgramQueries.Cohort(id, result.CohortId!.Value, viewer, db, ct))!;
            return TypedResults.Created($"/api/v1/programs/{id}/cohorts/{c.Id}", ProgramQueries.CohortRow.Of(c));
        });

        programs.MapPut("/programs/{id:guid}/cohorts/{cohortId:guid}", async Task<Results<NoContent, NotFound, ValidationProblem>> (
            Guid id, Guid cohortId, CohortInput cohort, ClaimsPrincipal me, FlipsideDb db, CancellationToken ct) =>
        {
            var result = await SaveCohort.Handle(new(id, cohortId, cohort), ProgramViewer.Of(me), db, ct);
            if (!result.Found) return TypedResults.NotFound();
            return result.Errors.Count > 0 ? TypedResults.ValidationProblem(result.Errors.ToDictionary()) : TypedResults.NoContent();
        });

        // A backwards move throws the cohort's DomainException, which becomes 409 with its reason.
        programs.MapPost("/programs/{id:guid}/cohorts/{cohortId:guid}/status", async Task<Results<NoContent, NotFound, ValidationProblem>> (
            Guid id, Guid cohortId, MoveRequest r, ClaimsPrincipal me, FlipsideDb db, CancellationToken ct) =>
        {
            if (!MoveCohort.TryParse(r.Status, out var next))
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["status"] = ["Choose one of: planning, enrolling, matching, active, closed."] });
            return await MoveCohort.Handle(new(id, cohortId, next), ProgramViewer.Of(me), db, ct) ? TypedResults.NoContent() : TypedResults.NotFound();
        });
    }
}
