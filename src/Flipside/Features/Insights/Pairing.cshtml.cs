using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Insights;

/// <summary>A pair's insights for leadership: either partner raises one; both read leadership's responses.</summary>
public sealed class PairingModel(Viewer viewer, FlipsideDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid PairingId { get; set; }
    [BindProperty] public string? FocusArea { get; set; }
    [BindProperty] public string? Text { get; set; }
    public PairInsights.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ?? Page();

    public Task<IActionResult> OnPostAsync(CancellationToken ct) =>
        this.ApplyAndRedirect(RaiseInsight.Handle(new(PairingId, FocusArea, Text), viewer, db, clock, ct),
            "Your insight is raised. Leadership reads it without your names; their response will appear here.",
            () => RedirectToPage(new { PairingId }), async () => await Load(ct) ?? Page(), prefix: "");

    /// <summary>A field's errors, keyed as the use case names the field.</summary>
    public IEnumerable<string> ErrorsFor(string field) =>
        ModelState.Where(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage);

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        var view = await PairInsights.Handle(PairingId, viewer, db, ct);
        if (!view.IsOk) return NotFound();
        View = view.Value;
        return null;
    }
}
