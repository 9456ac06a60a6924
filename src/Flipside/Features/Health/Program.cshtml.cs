using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Caching.Memory;

namespace Flipside.Features.Health;

/// <summary>A program's health: for its managers with the at-risk pairs by name, for its sponsors as aggregates only.</summary>
public sealed class ProgramModel(Viewer viewer, FlipsideDb db, TimeProvider clock, IMemoryCache cache) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public HealthReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await Outcome.Of(ProgramHealth.ForProgram(Id, viewer, db, clock, ct, cache, PageNumber));
        if (!outcome.IsOk) return outcome.Problem!.Refusal switch { Refusal.Forbidden => Forbid(), Refusal.Invalid => BadRequest(), _ => NotFound() };
        Report = outcome.Value;
        return Page();
    }
}
