using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Nudges;

/// <summary>Anyone signed in chooses which reminders they get; those a program requires stay on, saying which program.</summary>
public sealed class SettingsModel(Viewer viewer, FlipsideDb db, TimeProvider clock) : PageModel
{
    public NudgePreferences.View View { get; private set; } = new([]);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ?? Page();

    /// <summary>The form sends the kinds left ticked; every other kind is off.</summary>
    public Task<IActionResult> OnPostAsync(List<NudgeKind> on, CancellationToken ct)
    {
        var off = Enum.GetValues<NudgeKind>().Except(on).ToList();
        return this.ApplyAndRedirect(NudgePreferences.Save(off, viewer, db, clock, ct), "Your reminder settings are saved.",
            () => RedirectToPage(), async () => await Load(ct) ?? Page(), prefix: "");
    }

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        var outcome = await NudgePreferences.Get(viewer, db, ct);
        if (!outcome.IsOk) return NotFound();
        View = outcome.Value;
        return null;
    }
}
