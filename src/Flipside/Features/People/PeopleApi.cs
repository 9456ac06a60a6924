using System.Globalization;
using Flipside.Data;
using Flipside.Features.Privacy;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Caching.Memory;

namespace Flipside.Features.People;

public static class PeopleApi
{
    public static RouteGroupBuilder MapPeopleApi(this RouteGroupBuilder group)
    {
        group.MapGet("/", async Task<Results<Ok<SearchPeople.Result>, ValidationProblem>> (
            string? search, string? department, string? location, string? grade, string? status, string? page, string? pageSize,
            string? withoutManager, FlipsideDb db, IMemoryCache cache, TimeProvider clock, CancellationToken ct) =>
        {
            var errors = new List<FieldError>();
            var noManager = false;
            if (withoutManager is not null && !bool.TryParse(withoutManager, out noManager))
                errors.Add(new("WithoutManager", "WithoutManager must be true or false."));
            var q = new SearchPeople.Query(search, department, location, Number(grade, "Grade", null, errors), status,
                Number(page, "Page", 1, errors) ?? 1, Number(pageSize, "PageSize", SearchPeople.DefaultPageSize, errors) ?? SearchPeople.DefaultPageSize, noManager);
            errors.AddRange(SearchPeople.Check(q));
            return errors.Count > 0 ? TypedResults.ValidationProblem(errors.ToDictionary()) : TypedResults.Ok(await SearchPeople.Handle(q, db, ct, cache, clock));
        });

        group.MapGet("/{id:guid}", async (Guid id, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            await ViewPerson.Handle(id, viewer, db, ct) is { } person ? TypedResults.Ok(person) : Outcome.NotFound.ToHttp())
            .Produces<ViewPerson.Details>().ProducesRefusals();

        group.MapPost("/{id:guid}/leave", (Guid id, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            MarkPersonLeft.Handle(id, viewer, db, clock, ct).ToHttp(r => TypedResults.Ok(r)))
            .Produces<MarkPersonLeft.Result>().ProducesRefusals()
            .WithDescription("Marks one person as left (administrators only): their account is deactivated, their open enrolments end and their programs' managers are told.");

        group.MapErasureApi();

        group.MapPut("/{id:guid}", (Guid id, PersonInput body, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            ChangePerson.Handle(body.ToRequest(id), viewer, db, clock, ct).ToHttp(r => TypedResults.Ok(r)))
            .Produces<ChangePerson.Result>().ProducesRefusals()
            .WithDescription("Changes one person (administrators only) with the import's checks: unique email, grade, time zone, a known manager and no "
                + "management cycle. status left makes them leave as an import does. version, when sent, refuses a change made against an older version.");

        group.MapGet("/imports", (Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            ImportHistoryList.Handle(viewer, db, ct).ToHttp(rows => TypedResults.Ok(rows)))
            .Produces<IReadOnlyList<ImportHistoryList.Row>>().ProducesRefusals();

        group.MapPost("/imports/{id:guid}/undo", (Guid id, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            UndoImport.Handle(id, viewer, db, clock, ct).ToHttp(r => TypedResults.Ok(r)))
            .Produces<UndoImport.Result>().ProducesRefusals()
            .WithDescription("Reverses one import in one transaction. 409 names the people and fields when a later import or change depends on it.");

        group.MapImportMappingsApi();

        group.MapPost("/import", Import)
            .RequireRateLimiting(Infrastructure.Security.RateLimits.Bulk)
            .Accepts<IFormFile>("multipart/form-data", "text/csv", HrFile.WorkbookType)
            .Produces<ImportPeople.Report>().ProducesRefusals()
            .WithDescription("Imports people from a CSV file, sent as a multipart field named file or as a text/csv body. "
                + "Nothing is written when the file has any problem; the ProblemDetails then lists every one. With dryRun=true "
                + "nothing is written either way: the report says what the import would do (counts, every updated person's changed fields, who would be marked left). "
                + "source names where the file comes from (kept in the import history); with sameSourceOnly=true, markMissingAsLeft reaches only people "
                + "that earlier imports from the same source created. With mapping=NAME the file is any HR export (CSV with commas, semicolons or tabs, "
                + "UTF-8 or Windows-1252, or an .xlsx workbook) read through the mapping saved under that name.");
        return group;
    }

    /// <summary>A person as PUT sends them; fields left out are empty, as an import's empty cells are.</summary>
    public sealed record PersonInput(string? Name, string? Email, int? Grade, string? Department, string? TimeZone, string? Title, string? Location,
        string? ManagerId, string? HireDate, int? BirthYear, IReadOnlyList<string>? Languages, string? Status, int? Version)
    {
        public ChangePerson.Request ToRequest(Guid id) => new(id, "", Name ?? "", Email ?? "", Grade?.ToString(CultureInfo.InvariantCulture) ?? "",
            Department ?? "", TimeZone ?? "", Title ?? "", Location ?? "", ManagerId ?? "", HireDate ?? "", BirthYear?.ToString(CultureInfo.InvariantCulture) ?? "",
            string.Join(',', Languages ?? []), Status ?? "active", Version);
    }

    /// <summary>What an import through the API is called in the history when the caller names no source.</summary>
    public const string DefaultSource = "API";

    private static async Task<IResult> Import(HttpRequest request, bool? markMissingAsLeft, bool? dryRun, string? source, bool? sameSourceOnly,
        string? mapping, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (mapping is not null) return await ImportMappingsApi.ImportThroughMapping(request, mapping, markMissingAsLeft, dryRun, source, sameSourceOnly, viewer, db, clock, ct);
        Stream? csv = null;
        var markMissing = markMissingAsLeft ?? false;
        var sameSource = sameSourceOnly ?? false;
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            csv = form.Files.GetFile("file")?.OpenReadStream();
            markMissing |= form["markMissingAsLeft"] is var v && bool.TryParse(v, out var m) && m;
            sameSource |= form["sameSourceOnly"] is var o && bool.TryParse(o, out var only) && only;
            source ??= form["source"].FirstOrDefault() ?? form.Files.GetFile("file")?.FileName;
        }
        else if (request.ContentType?.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) == true)
            csv = request.Body;
        if (csv is null)
            return Outcome.Invalid("file", "Send the CSV file as a multipart/form-data field named file, or as the request body with Content-Type text/csv.").ToHttp();
        await using (csv)
        {
            var named = string.IsNullOrWhiteSpace(source) ? DefaultSource : source;
            return await ImportPeople.Handle(new(csv, markMissing, dryRun ?? false, named, sameSource), viewer, db, clock, ct).ToHttp(Answer);
        }
    }

    internal static IResult Answer(ImportPeople.Report report) => report.Problems.Count == 0
        ? TypedResults.Ok(report)
        : TypedResults.Problem(report.Summary, statusCode: StatusCodes.Status400BadRequest, title: "The file was not imported.",
            extensions: new Dictionary<string, object?> { ["rows"] = report.Rows, ["problems"] = report.Problems });

    private static int? Number(string? text, string field, int? fallback, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) return n;
        errors.Add(new(field, $"{field} must be a whole number."));
        return fallback;
    }
}
