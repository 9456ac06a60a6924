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
    public ImportPeople.Report? Report { get; private set; }
    public Viewer Viewer => viewer;
    public string? CheckedClean { get; private set; }

    public void OnGet() { }

    /// <summary>The sample that ships beside the binary, so a manager can start from a file that imports cleanly.</summary>
    public IActionResult OnGetSample() =>
        PhysicalFile(Path.Combine(AppContext.BaseDirectory, "samples", "people.csv"), "text/csv", "people.csv");

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose a CSV file to import.");
            return Page();
        }
        await using var csv = Upload.OpenReadStream();
        return await this.Apply(ImportPeople.Handle(new(csv, MarkMissingAsLeft), viewer, db, clock, ct), report =>
        {
            Report = report;
            if (!report.Applied) return Page();
            TempData["Status"] = report.Summary;
            return RedirectToPage("/People/Index");
        }, () => Task.FromResult<IActionResult>(Page()));
    }

    /// <summary>
    /// Checks the file again and answers with every problem as a CSV file, writing nothing. The page cannot keep a file
    /// between requests (any instance may answer the next one), so the manager chooses it again.
    /// </summary>
    public async Task<IActionResult> OnPostProblemsAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), "Choose the CSV file to check.");
            return Page();
        }
        await using var csv = Upload.OpenReadStream();
        var problems = await ImportPeople.Check(csv, db, clock, ct);
        if (problems.Count > 0) return File(PeopleCsv.ProblemsFile(problems), "text/csv; charset=utf-8", ProblemsFileName);
        CheckedClean = $"{Upload.FileName} has no problems. Nothing was written: press Check and import to apply it.";
        return Page();
    }
}
