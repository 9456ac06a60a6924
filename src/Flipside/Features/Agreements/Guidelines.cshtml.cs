using Flipside.Data;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Agreements;

/// <summary>Program staff edit the program's communication guidelines; a change asks every participant to acknowledge again.</summary>
[Authorize(Policy = Policies.ProgramStaff)]
public sealed class GuidelinesModel(Viewer viewer, FlipsideDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid ProgramId { get; set; }
    [BindProperty] public string Text { get; set; } = "";
    [BindProperty] public int TextVersion { get; set; }
    public Guidelines.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await Load(ct) is { } missing) return missing;
        (Text, TextVersion) = (View.Text, View.TextVersion);
        return Page();
    }

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        this.ApplyAndRedirect(SaveGuidelines.Handle(new(ProgramId, Text, TextVersion), viewer, db, clock, ct),
            "The guidelines are saved. Participants are asked to acknowledge the new text.", () => RedirectToPage(new { ProgramId }),
            async () => await Load(ct) ?? Page(), prefix: "");

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        var view = await Guidelines.Handle(ProgramId, viewer, db, ct);
        if (!view.IsOk || !view.Value.CanEdit) return NotFound();
        View = view.Value;
        return null;
    }
}
