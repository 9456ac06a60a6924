using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Flipside.Features.Admin;

/// <summary>Every email Flipside wrote, newest first. With no SMTP server set up, this is where mail is read.</summary>
public sealed class OutboxModel(FlipsideDb db, IOptions<SmtpSettings> smtp) : PageModel
{
    public const int PageSize = ListOutbox.PageSize;
    public IReadOnlyList<ListOutbox.Row> Messages { get; private set; } = [];
    public bool SmtpConfigured => smtp.Value.IsConfigured;
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public bool HasMore { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        PageNumber = Math.Max(1, PageNumber);
        var rows = await ListOutbox.Query(db).Skip((PageNumber - 1) * PageSize).Take(PageSize + 1).ToListAsync(ct);
        HasMore = rows.Count > PageSize;
        Messages = [.. rows.Take(PageSize)];
    }
}

public sealed class OutboxMessageModel(FlipsideDb db, Viewer viewer, TimeProvider clock) : PageModel
{
    public OutboxMessage Message { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var message = await db.Outbox.AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null) return NotFound();
        Message = message;
        return Page();
    }

    public Task<IActionResult> OnPostSendAgainAsync(Guid id, CancellationToken ct) =>
        this.ApplyAndRedirect(SendOutboxMessageAgain.Handle(id, viewer, db, clock, ct), "The message is waiting to be sent again, with all its attempts.",
            () => RedirectToPage(new { id }), () =>
            {
                db.ChangeTracker.Clear();
                return OnGetAsync(id, ct);
            });
}
