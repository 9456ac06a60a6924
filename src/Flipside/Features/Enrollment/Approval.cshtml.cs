using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Enrollment;

/// <summary>The line manager's page, reached from an emailed link; it needs no account.</summary>
public sealed class ApprovalModel(FlipsideDb db, PublicUrl url, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Token { get; set; }
    public Domain.Enrollment? Enrollment { get; private set; }
    public bool? Decided { get; private set; }
    /// <summary>Why an approval could not enrol the mentor (the cohort moved on, the program was archived, a rule changed).</summary>
    public string? Refused { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => Enrollment = await LineManagerApproval.Find(Token, db, ct);

    /// <summary>A missing answer is asked for again, never read as "decline".</summary>
    public async Task<IActionResult> OnPostAsync(bool? approve, CancellationToken ct)
    {
        Enrollment = await LineManagerApproval.Find(Token, db, ct);
        if (Enrollment is null) return Page();
        if (approve is not { } yes)
        {
            ModelState.AddModelError("", "Choose Approve or Decline.");
            return Page();
        }
        var outcome = await Outcome.Of(LineManagerApproval.Handle(new(Token, yes), url.Base, db, clock, ct));
        if (outcome.IsOk) Decided = yes;
        else Refused = outcome.Problem!.Reason;
        return Page();
    }
}
