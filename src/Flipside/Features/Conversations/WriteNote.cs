using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Conversations;

/// <summary>A partner writes a note, private to them or shared with the other; sealed before it is stored.</summary>
public static class WriteNote
{
    public sealed record Request(Guid PairingId, Guid? MeetingId, string? Text, bool Shared);

    public static async Task<Outcome<ListNotes.Item>> Handle(Request r, Viewer viewer, FlipsideDb db, PairingSecrets secrets, TimeProvider clock, CancellationToken ct)
    {
        if (await PairConversation.Find(r.PairingId, viewer, ct) is not { } pair) return Outcome.NotFound;
        if (PairConversation.CheckText(r.Text, "a note", Conversation.NoteMaxLength) is { } problem) return problem;
        Conversation.EnsureWritable(pair.Status);
        if (r.MeetingId is { } meetingId && !await db.Meetings.AnyAsync(m => m.Id == meetingId && m.PairingId == r.PairingId, ct))
            return Outcome.Invalid("meetingId", "That meeting is not one of this pairing's.");
        var cipher = await secrets.For(r.PairingId, ct);
        var id = Guid.NewGuid();
        var note = new Note(id, r.PairingId, r.MeetingId, pair.Me, r.Shared ? NoteVisibility.Shared : NoteVisibility.Private,
            cipher.Seal(r.Text!, Note.Purpose(id)), clock.GetUtcNow());
        db.Notes.Add(note);
        await db.SaveChangesAsync(ct);
        return new ListNotes.Item(note.Id, note.MeetingId, true, note.Author, note.Visibility, r.Text, null, note.CreatedAt, null, note.Version);
    }
}
