using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Matching;

public sealed class PairModel(Viewer viewer, FlipsideDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid CohortId { get; set; }
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public PairProfiles.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await PairProfiles.Handle(CohortId, Id, viewer, db, ct) is not { } view) return NotFound();
        View = view;
        return Page();
    }
}
