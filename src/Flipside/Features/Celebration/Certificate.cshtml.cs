using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Celebration;

/// <summary>The completion certificate, laid out for the browser's print (or save as PDF) by the site's print stylesheet.</summary>
public sealed class CertificateModel(Viewer viewer, FlipsideDb db) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid PairingId { get; set; }
    public Certificate.View? View { get; private set; }
    public string? NotYet { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var outcome = await Certificate.Handle(PairingId, viewer, db, ct);
        if (outcome.IsOk)
        {
            View = outcome.Value;
            return Page();
        }
        if (outcome.Problem!.Refusal != Refusal.Conflict) return NotFound();
        // Not yet earned: a page that says so, with the status an API client would get.
        NotYet = outcome.Problem.Reason;
        Response.StatusCode = StatusCodes.Status409Conflict;
        return Page();
    }
}
