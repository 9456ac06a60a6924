using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Health;

/// <summary>One pair's metadata, opened from program health by its managers.</summary>
public sealed class PairModel(Viewer viewer, FlipsideDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public PairHealth.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await Outcome.Of(PairHealth.Handle(Id, viewer, db, clock, ct));
        if (!outcome.IsOk) return outcome.Problem!.Refusal == Refusal.Forbidden ? Forbid() : NotFound();
        View = outcome.Value;
        return Page();
    }
}
