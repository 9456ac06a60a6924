using Flipside.Data;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Surveys;

/// <summary>The two-question pulse after a meeting logged as held, for each partner once.</summary>
public sealed class PulseModel(Viewer viewer, FlipsideDb db, Pseudonyms pseudonyms, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid MeetingId { get; set; }
    public GivePulse.Status Status { get; private set; } = null!;
    [BindProperty] public int? Useful { get; set; }
    [BindProperty] public int? SpokeOpenly { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ? Page() : NotFound();

    private async Task<bool> Load(CancellationToken ct)
    {
        var status = await GivePulse.Check(MeetingId, viewer, db, ct);
        if (!status.IsOk) return false;
        Status = status.Value;
        return true;
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        this.Apply(GivePulse.Handle(new(MeetingId, Useful, SpokeOpenly), viewer, db, pseudonyms, clock, ct), _ =>
        {
            TempData["Status"] = "Thank you. Your pulse counts only in averages; nobody sees your answer.";
            return RedirectToPage(new { MeetingId });
        }, async () => await Load(ct) ? Page() : NotFound(), prefix: "");
}
