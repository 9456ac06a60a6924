using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Pairings;

/// <summary>Self-matching, the mentor's page: requests from leaders, to accept or decline before they expire.</summary>
public sealed class RequestsModel(Viewer viewer, FlipsideDb db, PublicUrl url, TimeProvider clock) : PageModel
{
    public IReadOnlyList<MentorRequests.ToMe> Requests { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct) => Requests = await MentorRequests.Mine(viewer, db, clock, ct);

    public Task<IActionResult> OnPostAnswerAsync(Guid id, string? answer, CancellationToken ct) =>
        this.ApplyAndRedirect(AnswerMentorRequest.TryParse(answer, out var accept)
                ? AnswerMentorRequest.Handle(new(id, accept), viewer, url.Base, db, clock, ct)
                : Task.FromResult<Outcome<AnswerMentorRequest.Answered>>(Outcome.Invalid("answer", "Choose accept or decline.")),
            accept ? "You accepted. The program manager will publish the pairing and introduce you both." : "You declined. The leader is told kindly and will choose someone else.",
            () => RedirectToPage(), async () =>
            {
                db.ChangeTracker.Clear();
                await OnGetAsync(ct);
                return Page();
            });
}
