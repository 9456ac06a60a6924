using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Nudges;

/// <summary>A program's managers choose which reminders its participants cannot turn off.</summary>
[Authorize(Policy = Policies.ProgramStaff)]
public sealed class ProgramModel(Viewer viewer, FlipsideDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid ProgramId { get; set; }
    public RequiredNudges.View? View { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ?? Page();

    public Task<IActionResult> OnPostAsync(List<NudgeKind> required, int version, CancellationToken ct) =>
        this.ApplyAndRedirect(RequiredNudges.Save(ProgramId, required, version, viewer, db, clock, ct), "The program's required reminders are saved.",
            () => RedirectToPage(new { ProgramId }), async () => await Load(ct) ?? Page(), prefix: "");

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        var outcome = await RequiredNudges.Get(ProgramId, viewer, ct);
        if (!outcome.IsOk) return NotFound();
        View = outcome.Value;
        return null;
    }
}
