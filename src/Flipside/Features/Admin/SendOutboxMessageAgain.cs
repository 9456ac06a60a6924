using Flipside.Data;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Admin;

/// <summary>A message that used up its attempts goes back to waiting, for when the mail server is fixed.</summary>
public static class SendOutboxMessageAgain
{
    public enum Result { Queued, NotFound }

    /// <exception cref="Domain.DomainException">The message has not failed (it is waiting, retrying or sent).</exception>
    public static async Task<Result> Handle(Guid id, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var message = await db.Outbox.SingleOrDefaultAsync(m => m.Id == id, ct);
        if (message is null) return Result.NotFound;
        message.SendAgain(clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Result.Queued;
    }
}
