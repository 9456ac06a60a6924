using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Sponsors;

/// <summary>A sponsor's landing view: each program they back, with its numbers and the way to its reports.</summary>
public sealed class IndexModel(Viewer viewer, FlipsideDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<SponsorOverview.Summary> Programs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Programs = await SponsorOverview.Mine(viewer, db, clock, ct);
}
