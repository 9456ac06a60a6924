using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Health;

/// <summary>One cohort's health: its managers also see every pair with its days since the last meeting.</summary>
public sealed class CohortModel(Viewer viewer, FlipsideDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public HealthReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await Outcome.Of(ProgramHealth.ForCohort(Id, viewer, db, clock, ct));
        if (!outcome.IsOk) return outcome.Problem!.Refusal == Refusal.Forbidden ? Forbid() : NotFound();
        Report = outcome.Value;
        return Page();
    }
}
