using Flipside.Data;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Conversations;

/// <summary>The conversation of a pair, newest last, with a form to write to the partner while the pairing runs.</summary>
public sealed class MessagesModel(Viewer viewer, FlipsideDb db, PairingSecrets secrets, PublicUrl url, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid PairingId { get; set; }
    // Not "page": Razor Pages keeps that name for the page's own route.
    [BindProperty(SupportsGet = true)] public int PageNumber { get; set; } = 1;
    [BindProperty] public MessageInput Input { get; set; } = new();
    public ListMessages.View View { get; private set; } = null!;

    public sealed class MessageInput
    {
        public string? Text { get; set; }
    }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => Show(ct);

    public Task<IActionResult> OnPostSendAsync(CancellationToken ct) =>
        this.ApplyAndRedirect(SendMessage.Handle(new(PairingId, Input.Text), viewer, url.Base, db, secrets, clock, ct), "Your message is sent.",
            () => RedirectToPage(new { PairingId }), () => Show(ct));

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var outcome = await ListMessages.Handle(PairingId, Math.Max(1, PageNumber), viewer, db, secrets, clock, ct);
        if (!outcome.IsOk) return NotFound();
        View = outcome.Value;
        return Page();
    }
}
