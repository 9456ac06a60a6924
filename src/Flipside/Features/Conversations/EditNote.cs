using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Conversations;

/// <summary>
/// The author changes a note's text or who may read it. The partner who can read a shared note is told it is not
/// theirs to change (403); a note they cannot read does not exist for them (404).
/// </summary>
public static class EditNote
{
    public sealed record Request(Guid PairingId, Guid NoteId, string? Text, bool Shared, int? Version);

    public static async Task<Outcome<ListNotes.Item>> Handle(Request r, Viewer viewer, FlipsideDb db, PairingSecrets secrets, TimeProvider clock, CancellationToken ct)
    {
        if (await Load(r.PairingId, r.NoteId, viewer, db, ct) is not ({ } pair, { } note)) return Outcome.NotFound;
        if (note.Author != pair.Me) return Outcome.Forbidden("Only its author can change a note.");
        if (PairConversation.CheckText(r.Text, "a note", Conversation.NoteMaxLength) is { } problem) return problem;
        Conversation.EnsureWritable(pair.Status);
        if (r.Version is { } version && version != note.Version) return Outcome.Conflict(Outcome.ChangedMeanwhile);
        var cipher = await secrets.For(r.PairingId, ct);
        note.Edit(pair.Me, r.Shared ? NoteVisibility.Shared : NoteVisibility.Private, cipher.Seal(r.Text!, Note.Purpose(note.Id)), clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return new ListNotes.Item(note.Id, note.MeetingId, true, note.Author, note.Visibility, r.Text, null, note.CreatedAt, note.EditedAt, note.Version);
    }

    /// <summary>The note, when the viewer is a partner of its pairing and may read it.</summary>
    internal static async Task<(PairConversation?, Note?)> Load(Guid pairingId, Guid noteId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        if (await PairConversation.Find(pairingId, viewer, ct) is not { } pair) return (null, null);
        var note = await db.Notes.FirstOrDefaultAsync(n => n.Id == noteId && n.PairingId == pairingId, ct);
        return note is not null && note.IsVisibleTo(pair.Me) ? (pair, note) : (pair, null);
    }
}
