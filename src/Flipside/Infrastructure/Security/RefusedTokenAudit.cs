using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Infrastructure.Security;

/// <summary>
/// The audit entry for a revoked, expired or orphaned token that is still being used. A misconfigured client retries
/// such a token in a loop, so the entry is written at most once a minute per token: the log shows that it happens
/// without a client being able to flood it (and the sealed chain with it).
/// </summary>
public static class RefusedTokenAudit
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(1);

    public static async Task RecordAsync(FlipsideDb db, string actor, string action, string recordType, Guid tokenId, string summary, DateTimeOffset now)
    {
        var id = tokenId.ToString();
        var since = now - Every;
        // Not the request's token: a client that hangs up must not stop the refusal being recorded.
        if (await db.AuditLog.AnyAsync(a => a.Action == action && a.RecordType == recordType && a.RecordId == id && a.At > since, CancellationToken.None))
            return;
        db.AuditLog.Add(new AuditEntry(actor, action, recordType, id, summary, now));
        await db.SaveChangesAsync(CancellationToken.None);
    }
}
