using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Health;

/// <summary>A program's health: for its managers with the at-risk pairs by name, for its sponsors as aggregates only.</summary>
public sealed class ProgramModel(Viewer viewer, FlipsideDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public HealthReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await Outcome.Of(ProgramHealth.ForProgram(Id, viewer, db, clock, ct));
        if (!outcome.IsOk) return outcome.Problem!.Refusal == Refusal.Forbidden ? Forbid() : NotFound();
        Report = outcome.Value;
        return Page();
    }
}
