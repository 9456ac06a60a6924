using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Training;

/// <summary>A program's training, for its managers: the modules each role must finish, supervision circles, and the modules themselves.</summary>
public sealed class ProgramModel(Viewer viewer, FlipsideDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid Id { get; set; }
    public TrainingRequirements.Settings Settings { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ?? Page();

    public Task<IActionResult> OnPostAsync(List<string> forMentors, List<string> forMentees, bool supervisionCircles, CancellationToken ct) =>
        this.ApplyAndRedirect(TrainingRequirements.Save(new(Id, forMentors, forMentees, supervisionCircles), viewer, db, clock, ct),
            "The program's training is saved.", () => RedirectToPage(new { Id }), async () =>
            {
                db.ChangeTracker.Clear();
                return await Load(ct) ?? Page();
            }, prefix: "");

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        var outcome = await TrainingRequirements.Get(Id, viewer, db, ct);
        if (!outcome.IsOk) return NotFound();
        Settings = outcome.Value;
        return null;
    }
}
