using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Celebration;

/// <summary>A pairing's recognition, for its two partners: milestones, kudos between them, the certificate, and their success story.</summary>
public sealed class PairingModel(Viewer viewer, FlipsideDb db, PublicUrl url, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid PairingId { get; set; }
    [BindProperty] public KudosInput Kudos { get; set; } = new();
    [BindProperty] public StoryInput Story { get; set; } = new();
    public PairRecognition.View View { get; private set; } = null!;

    public sealed class KudosInput
    {
        public string? Text { get; set; }
        public string? FocusArea { get; set; }
    }

    public sealed class StoryInput
    {
        public string? Title { get; set; }
        public string? Text { get; set; }
        public List<string> FocusAreas { get; set; } = [];
        public int? Version { get; set; }
        public bool Named { get; set; }
    }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await Load(ct) is { } missing) return missing;
        if (View.Story is { } s) Story = new() { Title = s.Title, Text = s.Text, FocusAreas = [.. s.FocusAreas], Version = s.Version, Named = s.IChoseToBeNamed };
        return Page();
    }

    public Task<IActionResult> OnPostKudosAsync(CancellationToken ct) =>
        Handle(SendKudos.Handle(new(PairingId, Kudos.Text, Kudos.FocusArea), viewer, url.Base, db, clock, ct), "Your kudos are on their way.", "Kudos", ct);

    public Task<IActionResult> OnPostWriteAsync(CancellationToken ct) =>
        Handle(WriteStory.Handle(new(PairingId, Fields()), viewer, db, clock, ct), "Your story is saved as a draft. Agree to it when it reads right.", "Story", ct);

    public Task<IActionResult> OnPostEditAsync(Guid storyId, CancellationToken ct) =>
        Handle(WriteStory.Edit(new(storyId, Fields(), Story.Version), viewer, db, clock, ct), "Your changes are saved.", "Story", ct);

    public Task<IActionResult> OnPostConsentAsync(Guid storyId, CancellationToken ct) =>
        Handle(StoryConsent.Give(new(storyId, Story.Named, Story.Version), viewer, url.Base, db, clock, ct), "You agreed to share the story.", "Story", ct);

    public Task<IActionResult> OnPostWithdrawAsync(Guid storyId, CancellationToken ct) =>
        Handle(StoryConsent.Withdraw(storyId, viewer, db, clock, ct), "You withdrew your consent: the story is not shown.", "Story", ct);

    private PairStory.Fields Fields() => new(Story.Title, Story.Text, Story.FocusAreas);

    private Task<IActionResult> Handle<T>(Task<Outcome<T>> change, string done, string prefix, CancellationToken ct) =>
        this.ApplyAndRedirect(change, done, () => RedirectToPage(new { PairingId }), async () =>
        {
            db.ChangeTracker.Clear();
            return await Load(ct) ?? Page();
        }, prefix: prefix);

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        var view = await PairRecognition.Handle(PairingId, viewer, db, ct);
        if (!view.IsOk) return NotFound();
        View = view.Value;
        return null;
    }
}
