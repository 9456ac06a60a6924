using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Conversations;

/// <summary>
/// A partner writes to the other. The other gets one email notice, without the text, and no more until they have
/// opened the conversation: a message of this sender still unread means a notice is already waiting for them.
/// </summary>
public static class SendMessage
{
    public sealed record Request(Guid PairingId, string? Text);

    public static async Task<Outcome<ListMessages.Item>> Handle(Request r, Viewer viewer, string baseUrl, FlipsideDb db, PairingSecrets secrets, TimeProvider clock,
        CancellationToken ct)
    {
        if (await PairConversation.Find(r.PairingId, viewer, ct) is not { } pair) return Outcome.NotFound;
        if (PairConversation.CheckText(r.Text, "a message", Conversation.MessageMaxLength) is { } problem) return problem;
        Conversation.EnsureWritable(pair.Status);
        var me = pair.Me;
        var noticeWaiting = await db.Messages.AnyAsync(m => m.PairingId == r.PairingId && m.Sender == me && m.ReadAt == null, ct);
        var cipher = await secrets.For(r.PairingId, ct);
        var now = clock.GetUtcNow();
        var id = Guid.NewGuid();
        var message = new Message(id, r.PairingId, me, cipher.Seal(r.Text!, Message.Purpose(id)), now);
        db.Messages.Add(message);
        if (!noticeWaiting && pair.PartnerEmail.Length > 0) db.Outbox.Add(MessageEmails.Notice(pair, baseUrl, now));
        await db.SaveChangesAsync(ct);
        return new ListMessages.Item(message.Id, true, me, r.Text, null, now, null);
    }
}
