using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;

namespace Flipside.Features.Conversations;

/// <summary>The author deletes a note for good: its sealed text goes with the row.</summary>
public static class DeleteNote
{
    public static async Task<Outcome<Done>> Handle(Guid pairingId, Guid noteId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        if (await EditNote.Load(pairingId, noteId, viewer, db, ct) is not ({ } pair, { } note)) return Outcome.NotFound;
        if (note.Author != pair.Me) return Outcome.Forbidden("Only its author can delete a note.");
        Conversation.EnsureWritable(pair.Status);
        db.Notes.Remove(note);
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }
}
