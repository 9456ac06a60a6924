using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Sessions;

/// <summary>The person's private calendar feed: make (or renew) the address, shown once, or revoke it.</summary>
public sealed class CalendarModel(Viewer viewer, FlipsideDb db, PublicUrl url, TimeProvider clock) : PageModel
{
    public CalendarFeeds.Status? Feed { get; private set; }
    public string? NewAddress { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var status = await CalendarFeeds.Mine(viewer, db, ct);
        Feed = status.IsOk ? status.Value : null;
        NewAddress = TempData["FeedAddress"] as string;
    }

    public Task<IActionResult> OnPostRenewAsync(CancellationToken ct) =>
        this.Apply(CalendarFeeds.Renew(viewer, url.Base, db, clock, ct), address =>
        {
            // Shown once, on the next page only: the address itself is not stored.
            TempData["FeedAddress"] = address.Url;
            TempData["Status"] = "Your new calendar address is below. Any earlier address no longer works.";
            return RedirectToPage();
        }, async () => { await OnGetAsync(ct); return Page(); });

    public Task<IActionResult> OnPostRevokeAsync(CancellationToken ct) =>
        this.ApplyAndRedirect(CalendarFeeds.Revoke(viewer, db, clock, ct), "Revoked. Calendars subscribed to the address stop updating.",
            () => RedirectToPage(), async () => { await OnGetAsync(ct); return Page(); });
}
