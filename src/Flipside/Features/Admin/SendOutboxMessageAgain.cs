using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Admin;

/// <summary>A message that used up its attempts goes back to waiting, for when the mail server is fixed.</summary>
public static class SendOutboxMessageAgain
{
    /// <remarks>A message that has not failed (waiting, retrying or sent) is refused by the message itself: a conflict.</remarks>
    public static async Task<Outcome<Done>> Handle(Guid id, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (viewer.RequireAdministrator("send a message again") is { } refused) return refused;
        var message = await db.Outbox.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null) return Outcome.NotFound;
        var now = clock.GetUtcNow();
        message.SendAgain(now);
        db.Record(viewer, now, "outbox.sent-again", "OutboxMessage", message.Id, $"to {message.To}: {message.Subject}");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }
}
