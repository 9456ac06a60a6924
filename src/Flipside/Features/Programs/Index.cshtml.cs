using Flipside.Data;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Programs;

public sealed class IndexModel(FlipsideDb db) : PageModel
{
    public IReadOnlyList<ProgramQueries.ProgramRow> Programs { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Programs = await ProgramQueries.List(ProgramViewer.Of(User), db, ct);
}
