using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Celebration;

/// <summary>A program's showcase of approved success stories; its managers also approve or send back the stories waiting for them.</summary>
public sealed class ShowcaseModel(Viewer viewer, FlipsideDb db, PublicUrl url, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid ProgramId { get; set; }
    public Showcase.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ?? Page();

    public Task<IActionResult> OnPostApproveAsync(Guid storyId, CancellationToken ct) =>
        Handle(ReviewStory.Approve(storyId, viewer, url.Base, db, clock, ct), "The story is approved and on the showcase.", storyId, ct);

    public Task<IActionResult> OnPostRejectAsync(Guid storyId, string? reason, CancellationToken ct) =>
        Handle(ReviewStory.Reject(storyId, reason, viewer, url.Base, db, clock, ct), "The story went back to the pair with your note.", storyId, ct);

    private Task<IActionResult> Handle<T>(Task<Outcome<T>> change, string done, Guid storyId, CancellationToken ct) =>
        this.ApplyAndRedirect(change, done, () => RedirectToPage(new { ProgramId }), async () =>
        {
            db.ChangeTracker.Clear();
            return await Load(ct) ?? Page();
        }, field: $"reason-{storyId}");

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        var view = await Showcase.Handle(ProgramId, viewer, db, ct);
        if (!view.IsOk) return NotFound();
        View = view.Value;
        return null;
    }
}
