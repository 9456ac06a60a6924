using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Pairings;

/// <summary>Ranked choice, either side's page: rank up to five of the people suggested, until ranking closes.</summary>
public sealed class RankModel(Viewer viewer, FlipsideDb db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid CohortId { get; set; }
    public MyRanking.View? View { get; private set; }
    /// <summary>Why there is nothing to rank, when the cohort or program does not allow ranking now.</summary>
    public string? Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ?? Page();

    /// <summary>The form sends every suggested person with a rank or none; the unranked ones are left out.</summary>
    public Task<IActionResult> OnPostSaveAsync(List<Guid> people, List<int?> ranks, CancellationToken ct)
    {
        var ranking = people.Select((id, i) => new SaveRanking.Entry(id, i < ranks.Count ? ranks[i] : null)).Where(e => e.Rank is not null).ToList();
        return this.ApplyAndRedirect(SaveRanking.Handle(new(CohortId, ranking), viewer, db, clock, ct),
            ranking.Count == 0 ? "Your ranking is cleared." : "Your ranking is saved. You can change it until ranking closes.",
            () => RedirectToPage(new { CohortId }), async () =>
            {
                db.ChangeTracker.Clear();
                return await Load(ct) ?? Page();
            }, prefix: "");
    }

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        var outcome = await MyRanking.Handle(CohortId, viewer, db, clock, ct);
        if (outcome.Problem is { Refusal: Refusal.NotFound }) return NotFound();
        if (outcome.Problem is { } problem) Closed = problem.Reason;
        else View = outcome.Value;
        return null;
    }
}
