using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace Flipside.Features.Sessions;

/// <summary>A cohort's meetings for its program managers: counts per pairing, never what was said, learned or agreed.</summary>
public sealed class CohortModel(Viewer viewer, FlipsideDb db, TimeProvider clock, IMemoryCache cache) : PageModel
{
    public CohortMeetings.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid cohortId, int? page, string? sort, CancellationToken ct)
    {
        var view = await CohortMeetings.Handle(cohortId, page, sort, viewer, db, clock, ct, cache);
        if (!view.IsOk) return NotFound();
        View = view.Value;
        return Page();
    }
}
