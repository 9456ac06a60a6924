using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Goals;

/// <summary>A pairing's goals, for its two people: each sets their own, with milestones; either writes progress updates.</summary>
public sealed class PairingModel(Viewer viewer, FlipsideDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid PairingId { get; set; }
    public PairGoals.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ?? Page();

    public Task<IActionResult> OnPostAddAsync(string? title, string? description, Guid? objectiveId, CancellationToken ct) =>
        Handle(SetGoal.Add(new(PairingId, title, description, objectiveId), viewer, db, clock, ct), "Your goal is added. Add a milestone or two.", ct);

    public Task<IActionResult> OnPostRemoveAsync(Guid goalId, CancellationToken ct) =>
        Handle(SetGoal.Remove(PairingId, goalId, viewer, db, ct), "The goal is removed.", ct);

    public Task<IActionResult> OnPostMilestoneAsync(Guid goalId, string? title, CancellationToken ct) =>
        Handle(Milestones.Add(PairingId, goalId, title, viewer, db, clock, ct), "The milestone is added.", ct);

    public Task<IActionResult> OnPostMarkAsync(Guid goalId, Guid milestoneId, bool done, CancellationToken ct) =>
        Handle(Milestones.Mark(PairingId, goalId, milestoneId, done, viewer, db, clock, ct), done ? "Well done: the milestone is reached." : "The milestone is open again.", ct);

    public Task<IActionResult> OnPostProgressAsync(Guid goalId, string? text, CancellationToken ct) =>
        Handle(AddProgress.Handle(PairingId, goalId, text, viewer, db, clock, ct), "Your progress update is saved.", ct);

    private Task<IActionResult> Handle<T>(Task<Outcome<T>> change, string done, CancellationToken ct) =>
        this.ApplyAndRedirect(change, done, () => RedirectToPage(new { PairingId }), async () =>
        {
            db.ChangeTracker.Clear();
            return await Load(ct) ?? Page();
        }, prefix: "");

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        var view = await PairGoals.Handle(PairingId, viewer, db, ct);
        if (!view.IsOk) return NotFound();
        View = view.Value;
        return null;
    }
}
