using System.Security.Cryptography;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Conversations;

/// <summary>
/// The notes a partner may read in their pairing, newest first: their own, and those the other partner shared. The
/// other partner's private notes are never loaded, let alone opened.
/// </summary>
public static class ListNotes
{
    public sealed record Item(Guid Id, Guid? MeetingId, bool Mine, ParticipantRole Author, NoteVisibility Visibility, string? Text, string? Error,
        DateTimeOffset CreatedAt, DateTimeOffset? EditedAt, int Version);

    public sealed record View(PairConversation Pair, IReadOnlyList<Item> Notes);

    public static async Task<Outcome<View>> Handle(Guid pairingId, Guid? meetingId, Viewer viewer, FlipsideDb db, PairingSecrets secrets, CancellationToken ct)
    {
        if (await PairConversation.Find(pairingId, viewer, ct) is not { } pair) return Outcome.NotFound;
        var me = pair.Me;
        var query = db.Notes.AsNoTracking().Where(n => n.PairingId == pairingId && (n.Author == me || n.Visibility == NoteVisibility.Shared));
        if (meetingId is { } meeting) query = query.Where(n => n.MeetingId == meeting);
        var notes = await query.OrderByDescending(n => n.CreatedAt).ThenBy(n => n.Id).ToListAsync(ct);
        if (notes.Count == 0) return new View(pair, []);
        var cipher = await secrets.For(pairingId, ct);
        return new View(pair, [.. notes.Select(n => Open(n, me, cipher))]);
    }

    internal static Item Open(Note n, ParticipantRole me, PairingCipher cipher)
    {
        var (text, error) = OpenText(cipher, n.Body, Note.Purpose(n.Id));
        return new(n.Id, n.MeetingId, n.Author == me, n.Author, n.Visibility, text, error, n.CreatedAt, n.EditedAt, n.Version);
    }

    internal static (string? Text, string? Error) OpenText(PairingCipher cipher, byte[] body, string purpose)
    {
        try { return (cipher.Open(body, purpose), null); }
        catch (CryptographicException) { return (null, PairConversation.Unreadable); }
    }
}
