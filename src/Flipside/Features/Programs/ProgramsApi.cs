using Flipside.Data;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;

namespace Flipside.Features.Programs;

/// <summary>
/// /api/v1/programs, their cohorts, managers and sponsors, and /api/v1/program-templates. Program staff only; a
/// program manager reaches only programs they manage (others are 404, as if they did not exist).
/// </summary>
public static class ProgramsApi
{
    public sealed record TemplateView(string Key, string Name, string Summary, ProgramInput Program);
    public sealed record AccountRequest(string? Email);
    public sealed record MoveRequest(string? Status);

    public static IEndpointRouteBuilder MapProgramsApi(this IEndpointRouteBuilder api)
    {
        // One group without a prefix, so that list and create sit at /programs rather than /programs/.
        var programs = api.MapGroup("").WithTags("Programs").RequireAuthorization(Policies.ProgramStaff);
        programs.MapGet("/program-templates", () => TypedResults.Ok(ProgramTemplates.All.Select(t => new TemplateView(t.Key, t.Name, t.Summary, t.Build())).ToList()));

        programs.MapGet("/programs", (Viewer viewer, CancellationToken ct) => ProgramQueries.List(viewer, ct));

        programs.MapGet("/programs/{id:guid}", async (Guid id, Viewer viewer, FlipsideDb db, HttpResponse response, CancellationToken ct) =>
        {
            if (await ProgramQueries.Get(id, viewer, db, ct) is not { } p) return Outcome.NotFound.ToHttp();
            response.Headers.ETag = $"\"{p.Version}\"";
            return TypedResults.Ok(p);
        }).Produces<ProgramQueries.ProgramDetails>().ProducesRefusals();

        // Without a body, ?template=KEY creates the template as written; with one, the body is the program.
        programs.MapPost("/programs", (string? template, ProgramInput? program, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
        {
            var fromTemplate = ProgramTemplates.Find(template);
            if (template is not null && fromTemplate is null)
                return Task.FromResult(Outcome.Invalid("template", $"Choose one of: {string.Join(", ", ProgramTemplates.All.Select(t => t.Key))}.").ToHttp());
            if ((program ?? fromTemplate?.Build()) is not { } input)
                return Task.FromResult(Outcome.Invalid("", "Send the program as JSON, or name a template with ?template=KEY.").ToHttp());
            return CreateProgram.Handle(input, viewer, db, clock, ct).ToHttp(async id =>
                TypedResults.Created($"/api/v1/programs/{id}", await ProgramQueries.Get(id, viewer, db, ct)));
        }).Produces<ProgramQueries.ProgramDetails>(StatusCodes.Status201Created).ProducesRefusals();

        // If-Match with the version from GET (its ETag) refuses the save when someone else changed the program since.
        programs.MapPut("/programs/{id:guid}", (Guid id, ProgramInput program, HttpRequest request, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            ReadIfMatch(request, out var version)
                ? UpdateProgram.Handle(id, program, version, viewer, db, clock, ct).ToHttp()
                : Task.FromResult(Outcome.Invalid("If-Match", "Send If-Match as the program's ETag, e.g. \"3\".").ToHttp()))
            .ProducesRefusals();

        programs.MapPost("/programs/{id:guid}/archive", (Guid id, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            ArchiveProgram.Handle(new(id, true), viewer, db, clock, ct).ToHttp()).ProducesRefusals();
        programs.MapPost("/programs/{id:guid}/restore", (Guid id, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            ArchiveProgram.Handle(new(id, false), viewer, db, clock, ct).ToHttp()).ProducesRefusals();

        programs.MapPost("/programs/{id:guid}/managers", (Guid id, AccountRequest r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            AddProgramManager.Handle(id, r.Email ?? "", viewer, db, clock, ct).ToHttp())
            .RequireAuthorization(Policies.Administrator).ProducesRefusals();
        programs.MapDelete("/programs/{id:guid}/managers/{userId}", (Guid id, string userId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            RemoveProgramManager.Handle(id, userId, viewer, db, clock, ct).ToHttp())
            .RequireAuthorization(Policies.Administrator).ProducesRefusals();

        programs.MapPost("/programs/{id:guid}/sponsors", (Guid id, AccountRequest r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            ProgramSponsors.Add(id, r.Email ?? "", viewer, db, clock, ct).ToHttp()).ProducesRefusals();
        programs.MapDelete("/programs/{id:guid}/sponsors/{userId}", (Guid id, string userId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            ProgramSponsors.Remove(id, userId, viewer, db, clock, ct).ToHttp()).ProducesRefusals();

        programs.MapCohortsApi();
        return api;
    }

    private static bool ReadIfMatch(HttpRequest request, out int? version)
    {
        version = null;
        var header = request.Headers.IfMatch.ToString().Trim();
        if (header.Length == 0 || header == "*") return true;
        if (!int.TryParse(header.Trim('"'), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v)) return false;
        version = v;
        return true;
    }

    private static void MapCohortsApi(this RouteGroupBuilder programs)
    {
        programs.MapGet("/programs/{id:guid}/cohorts", async (Guid id, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            await ProgramQueries.Get(id, viewer, db, ct) is { } p ? TypedResults.Ok(p.Cohorts) : Outcome.NotFound.ToHttp())
            .Produces<IReadOnlyList<ProgramQueries.CohortRow>>().ProducesRefusals();

        programs.MapPost("/programs/{id:guid}/cohorts", (Guid id, CohortInput cohort, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            SaveCohort.Handle(new(id, null, cohort), viewer, db, clock, ct).ToHttp(async cohortId =>
            {
                var c = (await ProgramQueries.Cohort(id, cohortId, viewer, ct))!;
                return TypedResults.Created($"/api/v1/programs/{id}/cohorts/{c.Id}", ProgramQueries.CohortRow.Of(c));
            })).Produces<ProgramQueries.CohortRow>(StatusCodes.Status201Created).ProducesRefusals();

        // If-Match with the cohort's version (its ETag from GET .../cohorts/{cohortId}) refuses a save over someone else's change.
        programs.MapGet("/programs/{id:guid}/cohorts/{cohortId:guid}", async (Guid id, Guid cohortId, Viewer viewer, HttpResponse response, CancellationToken ct) =>
        {
            if (await ProgramQueries.Cohort(id, cohortId, viewer, ct) is not { } c) return Outcome.NotFound.ToHttp();
            response.Headers.ETag = $"\"{c.Version}\"";
            return TypedResults.Ok(ProgramQueries.CohortRow.Of(c));
        }).Produces<ProgramQueries.CohortRow>().ProducesRefusals();
        programs.MapPut("/programs/{id:guid}/cohorts/{cohortId:guid}", (Guid id, Guid cohortId, CohortInput cohort, HttpRequest request, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            ReadIfMatch(request, out var version)
                ? SaveCohort.Handle(new(id, cohortId, cohort, version), viewer, db, clock, ct).ToHttp(_ => TypedResults.NoContent())
                : Task.FromResult(Outcome.Invalid("If-Match", "Send If-Match as the cohort's ETag, e.g. \"3\".").ToHttp()))
            .ProducesRefusals();

        programs.MapPost("/programs/{id:guid}/cohorts/{cohortId:guid}/status", (Guid id, Guid cohortId, MoveRequest r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            MoveCohort.TryParse(r.Status, out var next)
                ? MoveCohort.Handle(new(id, cohortId, next), viewer, db, clock, ct).ToHttp()
                : Task.FromResult(Outcome.Invalid("status", "Choose one of: planning, enrolling, matching, active, closed.").ToHttp()))
            .ProducesRefusals();
    }
}
