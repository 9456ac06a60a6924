using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Surveys;

/// <summary>The participant's surveys: open ones to answer, the rest to look back on.</summary>
public sealed class IndexModel(Viewer viewer, FlipsideDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<MySurveys.Item> Surveys { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Surveys = (await MySurveys.Handle(viewer, db, clock, ct)).Value;
        return Page();
    }
}
