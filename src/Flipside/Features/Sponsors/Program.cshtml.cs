using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Sponsors;

/// <summary>
/// A program read-only, for its sponsors (and its managers and administrators): what it is for, its objectives, cohorts
/// and aggregate figures. The managers' program page holds names and settings, so sponsors get this one instead.
/// </summary>
public sealed class ProgramModel(Viewer viewer, FlipsideDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid ProgramId { get; set; }
    public SponsorOverview.Summary Summary { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var summary = await SponsorOverview.One(ProgramId, viewer, db, clock, ct);
        if (!summary.IsOk) return NotFound();
        Summary = summary.Value;
        return Page();
    }
}
