using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Admin;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Email;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Flipside.Features.Programs;

/// <summary>The emails about the programs the viewer manages, newest first; one program's with <c>programId</c>.</summary>
public sealed class OutboxModel(FlipsideDb db, Viewer viewer, IOptions<SmtpSettings> smtp) : PageModel
{
    public IReadOnlyList<ListOutbox.Row> Messages { get; private set; } = [];
    public bool SmtpConfigured => smtp.Value.IsConfigured;
    /// <summary>The one program shown, when the page was opened from it.</summary>
    public (Guid Id, string Name)? Program { get; private set; }
    [BindProperty(SupportsGet = true)] public Guid? ProgramId { get; set; }
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public bool HasMore { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var messages = ProgramOutbox.Messages(viewer, db);
        if (ProgramId is { } id)
        {
            var program = await viewer.ManagedPrograms.Where(p => p.Id == id).Select(p => new { p.Id, p.Name }).SingleOrDefaultAsync(ct);
            if (program is null) return NotFound();
            Program = (program.Id, program.Name);
            messages = messages.Where(m => m.ProgramId == id);
        }
        PageNumber = Math.Max(1, PageNumber);
        var rows = await ListOutbox.Query(messages).Skip((PageNumber - 1) * ListOutbox.PageSize).Take(ListOutbox.PageSize + 1).ToListAsync(ct);
        HasMore = rows.Count > ListOutbox.PageSize;
        Messages = [.. rows.Take(ListOutbox.PageSize)];
        return Page();
    }

    public string PageLink(int page) => ProgramId is { } id ? $"?programId={id}&p={page}" : $"?p={page}";
}

/// <summary>
/// One email about a program the viewer manages. Its text, links included, shows only while no mail server is set up,
/// when the program's managers are the ones who pass it on; once mail is sent, it is for its recipient.
/// </summary>
public sealed class OutboxMessageModel(FlipsideDb db, Viewer viewer, IOptions<SmtpSettings> smtp) : PageModel
{
    public OutboxMessage Message { get; private set; } = null!;
    public string ProgramName { get; private set; } = "";
    public bool SmtpConfigured => smtp.Value.IsConfigured;

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        var message = await ProgramOutbox.Messages(viewer, db).AsNoTracking().SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null) return NotFound();
        Message = message;
        ProgramName = await db.Programs.Where(p => p.Id == message.ProgramId).Select(p => p.Name).SingleAsync(ct);
        return Page();
    }
}
