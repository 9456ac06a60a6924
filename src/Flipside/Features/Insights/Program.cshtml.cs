using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Insights;

/// <summary>A program's insights for its managers, sponsors and administrators, without authors, with a response form on each.</summary>
public sealed class ProgramModel(Viewer viewer, FlipsideDb db, PublicUrl url, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid ProgramId { get; set; }
    [BindProperty(SupportsGet = true)] public string? FocusArea { get; set; }
    [BindProperty(SupportsGet = true)] public InsightStatus? Status { get; set; }
    public LeadershipInsights.View View { get; private set; } = null!;
    /// <summary>The insight whose response was refused, to show the form's errors beside it.</summary>
    public Guid? Answering { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Show(ct);

    public Task<IActionResult> OnPostRespondAsync(Guid insightId, string? answer, string? response, int? version, CancellationToken ct)
    {
        Answering = insightId;
        return this.ApplyAndRedirect(RespondToInsight.Handle(new(insightId, answer, response, version), viewer, url.Base, db, clock, ct),
            "Your response is saved and on its way to the pair.", () => RedirectToPage(new { ProgramId, FocusArea, Status }), () => Show(ct), prefix: "");
    }

    public IEnumerable<string> ErrorsFor(string field) =>
        ModelState.Where(e => string.Equals(e.Key, field, StringComparison.OrdinalIgnoreCase)).SelectMany(e => e.Value!.Errors).Select(e => e.ErrorMessage);

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        var view = await LeadershipInsights.Handle(ProgramId, new(FocusArea, Status), viewer, db, ct);
        if (!view.IsOk) return view.Problem!.Refusal == Refusal.Forbidden ? Forbid() : NotFound();
        View = view.Value;
        return Page();
    }
}
