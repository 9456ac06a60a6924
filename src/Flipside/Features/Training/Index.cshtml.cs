using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Training;

/// <summary>A participant's training: for each open enrolment, the modules the program requires and which are done.</summary>
public sealed class IndexModel(Viewer viewer, FlipsideDb db, TimeProvider clock) : PageModel
{
    public IReadOnlyList<MyTraining.Enrolment> Enrolments { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Enrolments = await MyTraining.Handle(viewer, db, clock, ct);
}
