using System.Globalization;
using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.People;

/// <summary>
/// The mapping screen: pairs each Flipside field with a column of a kept HR file, previews what the file would do
/// through that mapping, saves it under a name, and applies the file once the preview is confirmed.
/// </summary>
public sealed class ImportMappingModel(FlipsideDb db, Viewer viewer, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid UploadId { get; set; }
    /// <summary>A saved mapping to start from instead of the suggestion.</summary>
    [BindProperty(SupportsGet = true)] public string? Saved { get; set; }
    [BindProperty] public Dictionary<string, string> Columns { get; set; } = [];
    [BindProperty] public NameForm NameForm { get; set; }
    [BindProperty] public DateFormat DateFormat { get; set; }
    [BindProperty] public ManagerBy ManagerBy { get; set; }
    [BindProperty] public string? ExternalManagers { get; set; }
    [BindProperty] public string? LeftValues { get; set; }
    [BindProperty] public string? OnLeaveValues { get; set; }
    [BindProperty] public string? Grades { get; set; }
    [BindProperty] public string? TimeZones { get; set; }
    /// <summary>Set, the mapping is saved under this name when previewed.</summary>
    [BindProperty] public string? SaveAs { get; set; }
    /// <summary>The file lists everyone: people missing from it are marked left (administrators only, as on the import page).</summary>
    [BindProperty(SupportsGet = true)] public bool MarkMissingAsLeft { get; set; }
    [BindProperty(SupportsGet = true)] public bool SameSourceOnly { get; set; }
    [BindProperty] public bool Confirmed { get; set; }
    [BindProperty] public string? PreviewStamp { get; set; }

    public SourceTable? Table { get; private set; }
    public string SourceName { get; private set; } = "";
    public IReadOnlyList<string> SavedNames { get; private set; } = [];
    public ImportPeople.Report? Preview { get; private set; }
    public IReadOnlyList<ProblemGroup> Groups { get; private set; } = [];
    public Viewer Viewer => viewer;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await Load(ct) is { } gone) return gone;
        var mapping = MappingSuggestion.For(Table!);
        if (!string.IsNullOrWhiteSpace(Saved))
        {
            var found = await SaveImportMapping.Find(Saved, viewer, db, ct);
            if (found.IsOk) (mapping, SaveAs) = (found.Value.Mapping, found.Value.Name);
            else ModelState.AddModelError(nameof(Saved), $"No mapping is saved under the name \"{Saved}\".");
        }
        Show(mapping);
        return Page();
    }

    /// <summary>Saves the mapping if named, and shows what the file would do through it; nothing is written to the directory.</summary>
    public async Task<IActionResult> OnPostPreviewAsync(CancellationToken ct)
    {
        if (await Load(ct) is { } gone) return gone;
        var mapping = Mapping();
        // A table line that could not be read is not dropped: the form comes back naming it, nothing saved or previewed.
        if (!ModelState.IsValid) return Page();
        if (!string.IsNullOrWhiteSpace(SaveAs))
        {
            var saved = await SaveImportMapping.Handle(SaveAs, mapping, viewer, db, clock, ct);
            if (!saved.IsOk)
            {
                foreach (var e in saved.Problem!.Errors) ModelState.AddModelError(e.Field == SaveImportMapping.NameField ? nameof(SaveAs) : e.Field, e.Message);
                return Page();
            }
        }
        return await Previewed(mapping, ct);
    }

    public async Task<IActionResult> OnPostApplyAsync(CancellationToken ct)
    {
        if (await Load(ct) is { } gone) return gone;
        var mapping = Mapping();
        if (!ModelState.IsValid) return Page();
        if (!Confirmed)
        {
            ModelState.AddModelError(nameof(Confirmed), "Tick the box to confirm these changes, or change the mapping and preview again.");
            return await Previewed(mapping, ct);
        }
        var now = await Outcome.Of(ImportMapped.Handle(MappedRequest(mapping, dryRun: true), viewer, db, clock, ct));
        if (now.IsOk && now.Value.Problems.Count == 0 && ImportModel.Stamp(now.Value) != PreviewStamp)
        {
            ModelState.AddModelError(nameof(Confirmed), "The mapping or the directory has changed since the preview, so the changes below are what the file would do now. Check them and confirm again.");
            return Shown(now.Value);
        }
        return await this.Apply(ImportMapped.Handle(MappedRequest(mapping, dryRun: false), viewer, db, clock, ct), async report =>
        {
            if (!report.Applied) return Shown(report);
            await KeptUploads.Forget(UploadId, db, ct);
            TempData["Status"] = report.Summary;
            return RedirectToPage("/People/Index");
        }, () => Task.FromResult<IActionResult>(Page()), prefix: "");
    }

    private async Task<IActionResult> Previewed(ImportMapping mapping, CancellationToken ct) =>
        await this.Apply(ImportMapped.Handle(MappedRequest(mapping, dryRun: true), viewer, db, clock, ct), report => Task.FromResult(Shown(report)),
            () => Task.FromResult<IActionResult>(Page()), prefix: "");

    private IActionResult Shown(ImportPeople.Report report)
    {
        (Preview, Groups, PreviewStamp) = (report, ProblemGroup.Of(report.Problems), report.Problems.Count == 0 ? ImportModel.Stamp(report) : null);
        return Page();
    }

    private ImportMapped.Request MappedRequest(ImportMapping mapping, bool dryRun) =>
        new(_bytes, SourceName, mapping, string.IsNullOrWhiteSpace(SaveAs) ? null : SaveAs.Trim(), MarkMissingAsLeft, dryRun, SourceName,
            MarkMissingAsLeft && SameSourceOnly);

    private byte[] _bytes = [];

    /// <summary>The kept file and the saved mappings; a file no longer kept sends the user back to choose it again.</summary>
    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        if (!viewer.IsProgramStaff) return Forbid();
        if (await KeptUploads.Find(UploadId, viewer, db, clock, ct) is not { } kept)
        {
            TempData["Status"] = "The file is no longer kept (files are kept for an hour, and only until applied). Choose it again.";
            return RedirectToPage("/People/Import");
        }
        (_bytes, SourceName) = (kept.Bytes, kept.SourceName);
        var problems = new List<ImportProblem>();
        Table = HrFile.Read(kept.Bytes, kept.SourceName, problems);
        if (Table is null) Shown(new(problems, 0, 0, 0, 0, 0));
        var names = await SaveImportMapping.List(viewer, db, ct);
        SavedNames = names.IsOk ? [.. names.Value.Select(m => m.Name)] : [];
        return null;
    }

    private void Show(ImportMapping m)
    {
        (Columns, NameForm, DateFormat, ManagerBy) = (new(m.Columns), m.NameForm, m.DateFormat, m.ManagerBy);
        (ExternalManagers, LeftValues, OnLeaveValues) = (Lines(m.ExternalManagers), Lines(m.LeftValues), Lines(m.OnLeaveValues));
        Grades = string.Join('\n', m.Grades.Select(g => $"{g.Key} = {g.Value.ToString(CultureInfo.InvariantCulture)}"));
        TimeZones = string.Join('\n', m.TimeZones.Select(z => $"{z.Key} = {z.Value}"));
    }

    private static string Lines(IEnumerable<string> values) => string.Join('\n', values);

    /// <summary>The form as a mapping; a table line that is not "value = result" is a field error, not a silent skip.</summary>
    private ImportMapping Mapping()
    {
        var grades = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (line, value, result) in Pairs(Grades, nameof(Grades)))
            if (int.TryParse(result, NumberStyles.None, CultureInfo.InvariantCulture, out var g) && g is >= 1 and <= 10) grades[value] = g;
            else ModelState.AddModelError(nameof(Grades), $"Line {line}: \"{result}\" for \"{value}\" is not a grade: write a whole number from 1 to 10.");
        return new()
        {
            Columns = Columns.Where(c => !string.IsNullOrWhiteSpace(c.Value)).ToDictionary(c => c.Key, c => c.Value.Trim()),
            NameForm = NameForm,
            DateFormat = DateFormat,
            ManagerBy = ManagerBy,
            ExternalManagers = Split(ExternalManagers),
            LeftValues = Split(LeftValues),
            OnLeaveValues = Split(OnLeaveValues),
            Grades = grades,
            TimeZones = Pairs(TimeZones, nameof(TimeZones)).GroupBy(p => p.Value, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.Last().Result),
        };
    }

    private static List<string> Split(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];

    /// <summary>The "value = result" lines of a table, numbered as the person sees them (blank lines count).</summary>
    private List<(int Line, string Value, string Result)> Pairs(string? text, string field)
    {
        var pairs = new List<(int, string, string)>();
        var lines = (text ?? "").Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            var at = line.LastIndexOf('=');
            if (at <= 0 || at == line.Length - 1 || line[..at].Trim().Length == 0 || line[(at + 1)..].Trim().Length == 0)
                ModelState.AddModelError(field, $"Line {i + 1}: \"{line}\" is not a pair: write one per line as value = result.");
            else pairs.Add((i + 1, line[..at].Trim(), line[(at + 1)..].Trim()));
        }
        return pairs;
    }
}
