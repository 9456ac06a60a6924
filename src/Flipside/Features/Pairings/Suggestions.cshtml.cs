using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Pairings;

/// <summary>Self-matching, the leader's page: suggested mentors with reasons, and the request once made.</summary>
public sealed class SuggestionsModel(Viewer viewer, FlipsideDb db, PublicUrl url, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid CohortId { get; set; }
    public MentorSuggestions.View? View { get; private set; }
    /// <summary>Why there is nothing to choose from, when the cohort or program does not allow choosing now.</summary>
    public string? Closed { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await Load(ct) ?? Page();

    public Task<IActionResult> OnPostRequestAsync(Guid mentorPersonId, CancellationToken ct) =>
        this.ApplyAndRedirect(RequestMentor.Handle(new(CohortId, mentorPersonId), viewer, url.Base, db, clock, ct),
            "Your request is sent. You will hear by email when they answer.", () => RedirectToPage(new { CohortId }), async () =>
            {
                db.ChangeTracker.Clear();
                return await Load(ct) ?? Page();
            });

    private async Task<IActionResult?> Load(CancellationToken ct)
    {
        var outcome = await MentorSuggestions.Handle(CohortId, viewer, db, clock, ct);
        if (outcome.Problem is { Refusal: Refusal.NotFound }) return NotFound();
        if (outcome.Problem is { } problem) Closed = problem.Reason;
        else View = outcome.Value;
        return null;
    }
}
