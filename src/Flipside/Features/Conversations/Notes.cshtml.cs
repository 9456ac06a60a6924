using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Flipside.Features.Conversations;

/// <summary>A partner's notes on their pairing (or one of its meetings): write, share, edit and delete their own; read the other's shared ones.</summary>
public sealed class NotesModel(Viewer viewer, FlipsideDb db, PairingSecrets secrets, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public Guid PairingId { get; set; }
    /// <summary>Set when the page is opened from a meeting: new notes attach to it and only its notes are listed.</summary>
    [BindProperty(SupportsGet = true)] public Guid? MeetingId { get; set; }
    [BindProperty] public NoteInput Input { get; set; } = new();
    public ListNotes.View View { get; private set; } = null!;

    public sealed class NoteInput
    {
        public string? Text { get; set; }
        public bool Shared { get; set; }
    }

    public Task<IActionResult> OnGetAsync(CancellationToken ct) => Show(ct);

    public Task<IActionResult> OnPostWriteAsync(CancellationToken ct) =>
        this.ApplyAndRedirect(WriteNote.Handle(new(PairingId, MeetingId, Input.Text, Input.Shared), viewer, db, secrets, clock, ct),
            Input.Shared ? "Your note is saved and shared with your partner." : "Your note is saved. Only you can read it.", Back, () => Show(ct));

    public Task<IActionResult> OnPostEditAsync(Guid id, string? text, bool shared, int version, CancellationToken ct) =>
        this.ApplyAndRedirect(EditNote.Handle(new(PairingId, id, text, shared, version), viewer, db, secrets, clock, ct), "Your note is changed.", Back,
            () => Show(ct), field: "");

    public Task<IActionResult> OnPostDeleteAsync(Guid id, CancellationToken ct) =>
        this.ApplyAndRedirect(DeleteNote.Handle(PairingId, id, viewer, db, ct), "Your note is deleted.", Back, () => Show(ct), field: "");

    private IActionResult Back() => RedirectToPage(new { PairingId, MeetingId });

    private async Task<IActionResult> Show(CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        var outcome = await ListNotes.Handle(PairingId, MeetingId, viewer, db, secrets, ct);
        if (!outcome.IsOk) return NotFound();
        View = outcome.Value;
        return Page();
    }

    public static string Describe(ListNotes.Item note, PairConversation pair) =>
        note.Mine ? note.Visibility == NoteVisibility.Shared ? $"Yours, shared with {pair.PartnerFirstName}" : "Yours, private"
        : $"Shared by {pair.PartnerFirstName}";
}
