using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Programs;

public sealed class IndexModel(Viewer viewer) : PageModel
{
    public IReadOnlyList<ProgramQueries.ProgramRow> Programs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Programs = await ProgramQueries.List(viewer, ct);
}
