using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace Flipside.Features.Impact;

/// <summary>
/// The printable impact report: Kirkpatrick's four levels for the program, the waves side by side, and (for its
/// managers) a form to record a measure's value. Sponsors see the same report and no form.
/// </summary>
public sealed class ReportModel(FlipsideDb db, Viewer viewer, TimeProvider clock, IMemoryCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid ProgramId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid? Cohort { get; set; }
    [BindProperty] public RecordMeasureValue.Request Input { get; set; } = new(null, null, null);
    public ImpactView Report { get; private set; } = null!;
    public bool CanRecord => viewer.IsProgramStaff;
    public string? Refused { get; private set; }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => Show(ct);

    public Task<IActionResult> OnPostRecordAsync(Guid measureId, CancellationToken ct) =>
        this.ApplyAndRedirect(RecordMeasureValue.Handle(ProgramId, measureId, Input, viewer, db, clock, ct), "The value is recorded.",
            () => RedirectToPage(new { ProgramId }), () => Show(ct), field: "");

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        var outcome = await Outcome.Of(ImpactReport.Handle(ProgramId, Cohort, viewer, db, clock, ct, cache));
        if (outcome.IsOk)
        {
            Report = outcome.Value;
            return Page();
        }
        if (outcome.Problem!.Refusal == Refusal.Forbidden) return Forbid();
        if (outcome.Problem.Refusal != Refusal.Conflict) return NotFound();
        // A wave too small to show alone: say so above the whole program's report.
        Refused = outcome.Problem.Reason;
        Cohort = null;
        return await Show(ct);
    }
}
