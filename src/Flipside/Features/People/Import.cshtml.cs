using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.People;

public sealed class ImportModel(FlipsideDb db, Viewer viewer, TimeProvider clock) : PageModel
{
    /// <summary>A report this long is still readable; the CSV download, the API and the command line list every problem.</summary>
    public const int ProblemsShown = 1000;

    public const string ProblemsFileName = "people-import-problems.csv";

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public bool MarkMissingAsLeft { get; set; }
    [BindProperty] public bool SameSourceOnly { get; set; }
    /// <summary>Where the file comes from; empty, the file's name stands for it.</summary>
    [BindProperty] public string? Source { get; set; }
    /// <summary>The kept file a preview asks to apply; set, the post applies it instead of reading a new one.</summary>
    [BindProperty] public Guid? UploadId { get; set; }
    [BindProperty] public bool Confirmed { get; set; }
    /// <summary>What the confirmed preview said, so that applying never does something other than what was shown.</summary>
    [BindProperty] public string? PreviewStamp { get; set; }
    public ImportPeople.Report? Report { get; private set; }
    public IReadOnlyList<ProblemGroup> Groups { get; private set; } = [];
    public ImportPeople.Report? Preview { get; private set; }
    public string? SourceName { get; private set; }
    public Viewer Viewer => viewer;
    public string? CheckedClean { get; private set; }

    public void OnGet() { }

    /// <summary>The sample that ships beside the binary, so a manager can start from a file that imports cleanly.</summary>
    public IActionResult OnGetSample() =>
        PhysicalFile(Path.Combine(AppContext.BaseDirectory, "samples", "people.csv"), "text/csv", "people.csv");

    /// <summary>
    /// Checks the file. A file that only adds people or changes details applies at once; one that renames, re-addresses
    /// or re-grades existing people, or marks anyone left, is kept and previewed, and applies on a confirmed second post.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (UploadId is { } id) return await ApplyKept(id, ct);
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose a CSV file to import.");
            return Page();
        }
        var bytes = await Read(Upload, ct);
        var source = string.IsNullOrWhiteSpace(Source) ? Upload.FileName : Source.Trim();
        // Any other export (a workbook, other headers, another encoding) goes to the mapping screen with the file kept.
        if (!HrFile.IsFlipsideCsv(bytes, Upload.FileName))
            return RedirectToPage("/People/ImportMapping", new
            {
                UploadId = await KeptUploads.Keep(viewer, bytes, source, db, clock, ct),
                MarkMissingAsLeft = MarkMissingAsLeft ? "true" : null,
                SameSourceOnly = MarkMissingAsLeft && SameSourceOnly ? "true" : null,
            });
        return await this.Apply(ImportPeople.Handle(ImportRequest(bytes, source, dryRun: true), viewer, db, clock, ct), async preview =>
        {
            if (preview.Problems.Count > 0)
            {
                var shown = Shown(preview);
                UploadId = await KeptUploads.Keep(viewer, bytes, source, db, clock, ct);
                return shown;
            }
            if (!NeedsConfirmation(preview)) return await Import(bytes, source, null, ct);
            UploadId = await KeptUploads.Keep(viewer, bytes, source, db, clock, ct);
            return Previewed(preview, source);
        }, () => Task.FromResult<IActionResult>(Page()), field: nameof(Source));
    }

    private async Task<IActionResult> ApplyKept(Guid id, CancellationToken ct)
    {
        if (await KeptUploads.Find(id, viewer, db, clock, ct) is not { } kept)
        {
            UploadId = null;
            ModelState.AddModelError(nameof(Upload), "The checked file is no longer kept (files are kept for an hour, and only until applied). Choose it again.");
            return Page();
        }
        if (!Confirmed)
        {
            ModelState.AddModelError(nameof(Confirmed), "Tick the box to confirm these changes, or choose another file.");
            return await this.Apply(ImportPeople.Handle(ImportRequest(kept.Bytes, kept.SourceName, dryRun: true), viewer, db, clock, ct),
                preview => Task.FromResult(preview.Problems.Count > 0 ? Shown(preview) : Previewed(preview, kept.SourceName)),
                () => Task.FromResult<IActionResult>(Page()), field: nameof(Source));
        }
        // The directory may have moved since the preview (another import, a change by hand): what the file would do now is
        // checked against what was confirmed, and shown again for a new confirmation when it differs.
        var now = await Outcome.Of(ImportPeople.Handle(ImportRequest(kept.Bytes, kept.SourceName, dryRun: true), viewer, db, clock, ct));
        if (now.IsOk && now.Value.Problems.Count == 0 && Stamp(now.Value) != PreviewStamp)
        {
            ModelState.AddModelError(nameof(Confirmed), "The directory has changed since you checked this file, so the changes below are what it would do now. Check them and confirm again.");
            return Previewed(now.Value, kept.SourceName);
        }
        return await Import(kept.Bytes, kept.SourceName, id, ct);
    }

    /// <summary>A digest of what a preview says would change: counts, who leaves and every changed field.</summary>
    public static string Stamp(ImportPeople.Report preview) => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(
        System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { preview.Created, preview.Updated, preview.Unchanged, preview.MarkedLeft, preview.Leaving, preview.Changes })));

    private ImportPeople.Request ImportRequest(byte[] bytes, string source, bool dryRun = false) =>
        new(new MemoryStream(bytes), MarkMissingAsLeft, dryRun, source, MarkMissingAsLeft && SameSourceOnly);

    private async Task<IActionResult> Import(byte[] bytes, string source, Guid? kept, CancellationToken ct) =>
        await this.Apply(ImportPeople.Handle(ImportRequest(bytes, source), viewer, db, clock, ct), async report =>
        {
            if (!report.Applied) return Shown(report);
            if (kept is { } id) await KeptUploads.Forget(id, db, ct);
            TempData["Status"] = report.Summary;
            return RedirectToPage("/People/Index");
        }, () => Task.FromResult<IActionResult>(Page()), field: nameof(Source));

    /// <summary>
    /// Changes that a person would notice or that cannot be taken back by importing the old file again: leaving ends
    /// enrolments, deactivates accounts and writes to program managers.
    /// </summary>
    public static bool NeedsConfirmation(ImportPeople.Report preview) =>
        preview.MarkedLeft > 0 || preview.Changes.Any(c => c.Fields.Any(f => f.Field is PeopleCsv.Name or PeopleCsv.Email or PeopleCsv.Grade
            || f.Field == PeopleCsv.Status && f.New == PersonStatusText.Slug(Domain.PersonStatus.Left)));

    private IActionResult Shown(ImportPeople.Report report)
    {
        (Report, Groups, UploadId) = (report, ProblemGroup.Of(report.Problems), null);
        return Page();
    }

    private IActionResult Previewed(ImportPeople.Report preview, string sourceName)
    {
        (Preview, SourceName, PreviewStamp) = (preview, sourceName, Stamp(preview));
        return Page();
    }

    private static async Task<byte[]> Read(IFormFile file, CancellationToken ct)
    {
        await using var stream = file.OpenReadStream();
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        return buffer.ToArray();
    }

    /// <summary>
    /// Checks the file again and answers with every problem as a CSV file, writing nothing: the file just checked (kept
    /// in the database, since any instance may answer this request) or a newly chosen one.
    /// </summary>
    public async Task<IActionResult> OnPostProblemsAsync(CancellationToken ct)
    {
        var kept = UploadId is { } id ? await KeptUploads.Find(id, viewer, db, clock, ct) : null;
        if (kept is null && (Upload is null || Upload.Length == 0))
        {
            ModelState.AddModelError(nameof(Upload), UploadId is null
                ? "Choose the CSV file to check."
                : "The checked file is no longer kept (files are kept for an hour). Choose it again.");
            UploadId = null;
            return Page();
        }
        await using var csv = kept is null ? Upload!.OpenReadStream() : new MemoryStream(kept.Bytes);
        var problems = await ImportPeople.Check(csv, db, clock, ct);
        if (problems.Count > 0) return File(PeopleCsv.ProblemsFile(problems), "text/csv; charset=utf-8", ProblemsFileName);
        UploadId = null;
        CheckedClean = $"{kept?.SourceName ?? Upload!.FileName} has no problems. Nothing was written: press Check and import to apply it.";
        return Page();
    }
}
