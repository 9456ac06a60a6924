using Flipside.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.People;

public sealed class ImportModel(FlipsideDb db, TimeProvider clock) : PageModel
{
    /// <summary>A report this long is still readable; the API and the command line list every problem.</summary>
    public const int ProblemsShown = 1000;

    [BindProperty] public IFormFile? Upload { get; set; }
    [BindProperty] public bool MarkMissingAsLeft { get; set; }
    public ImportPeople.Report? Report { get; private set; }

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
        Report = await ImportPeople.Handle(new(csv, MarkMissingAsLeft), db, clock, ct);
        if (!Report.Applied) return Page();
        TempData["Status"] = Report.Summary;
        return RedirectToPage("/People/Index");
    }
}
