using Flipside.Data;
using Flipside.Features.Shared;

namespace Flipside.Features.People;

/// <summary>Saved import mappings under /api/v1/people/import/mappings, and the import of any HR export through one.</summary>
public static class ImportMappingsApi
{
    public static RouteGroupBuilder MapImportMappingsApi(this RouteGroupBuilder group)
    {
        group.MapGet("/import/mappings", (Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            SaveImportMapping.List(viewer, db, ct).ToHttp(rows => TypedResults.Ok(rows)))
            .Produces<IReadOnlyList<SaveImportMapping.Saved>>().ProducesRefusals();

        group.MapGet("/import/mappings/{name}", (string name, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
            SaveImportMapping.Find(name, viewer, db, ct).ToHttp(m => TypedResults.Ok(m)))
            .Produces<SaveImportMapping.Saved>().ProducesRefusals();

        group.MapPut("/import/mappings/{name}", (string name, ImportMapping mapping, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            SaveImportMapping.Handle(name, mapping, viewer, db, clock, ct).ToHttp(m => TypedResults.Ok(m)))
            .Produces<SaveImportMapping.Saved>().ProducesRefusals()
            .WithDescription("Saves a mapping of an HR export's columns to Flipside's fields under a name, replacing the one saved under it. "
                + "400 names every required field the mapping leaves without a column.");
        return group;
    }

    internal static async Task<IResult> ImportThroughMapping(HttpRequest request, string mapping, bool? markMissingAsLeft, bool? dryRun, string? source,
        bool? sameSourceOnly, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        byte[]? bytes = null;
        var (markMissing, sameSource, fileName) = (markMissingAsLeft ?? false, sameSourceOnly ?? false, "");
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(ct);
            if (form.Files.GetFile("file") is { } file)
            {
                bytes = await Bytes(file.OpenReadStream(), ct);
                fileName = file.FileName;
            }
            markMissing |= bool.TryParse(form["markMissingAsLeft"], out var m) && m;
            sameSource |= bool.TryParse(form["sameSourceOnly"], out var only) && only;
            source ??= form["source"].FirstOrDefault() ?? fileName;
        }
        else if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            bytes = await Bytes(request.Body, ct);
            fileName = request.ContentType?.StartsWith(HrFile.WorkbookType, StringComparison.OrdinalIgnoreCase) == true ? "upload.xlsx" : "";
        }
        if (bytes is null || bytes.Length == 0)
            return Outcome.Invalid("file", "Send the HR file as a multipart/form-data field named file, or as the request body (text/csv or an .xlsx workbook).").ToHttp();
        var named = string.IsNullOrWhiteSpace(source) ? PeopleApi.DefaultSource : source;
        return await Outcome.Of(ImportMapped.Handle(new(bytes, fileName, null, mapping, markMissing, dryRun ?? false, named, sameSource), viewer, db, clock, ct))
            .ToHttp(PeopleApi.Answer);
    }

    private static async Task<byte[]> Bytes(Stream stream, CancellationToken ct)
    {
        await using (stream)
        {
            using var buffer = new MemoryStream();
            await stream.CopyToAsync(buffer, ct);
            return buffer.ToArray();
        }
    }
}
