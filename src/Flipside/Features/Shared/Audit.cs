using Flipside.Data;
using Flipside.Domain;

namespace Flipside.Features.Shared;

public static class Audit
{
    /// <summary>Adds the entry to the same unit of work as the change, so both are saved together or not at all.</summary>
    public static void Record(this FlipsideDb db, Viewer by, DateTimeOffset at, string action, string recordType, object recordId, string summary) =>
        db.Record(by.UserId, at, action, recordType, recordId, summary);

    /// <summary>For what happens before anyone is signed in (a sign-in, refused or not): the actor is named directly.</summary>
    public static void Record(this FlipsideDb db, string actor, DateTimeOffset at, string action, string recordType, object recordId, string summary)
    {
        var id = recordId.ToString() ?? "";
        db.AuditLog.Add(new AuditEntry(actor, action, recordType, id.Length > 100 ? id[..100] : id, summary, at));
    }
}
