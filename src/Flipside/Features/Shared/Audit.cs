using Flipside.Data;
using Flipside.Domain;

namespace Flipside.Features.Shared;

public static class Audit
{
    /// <summary>Adds the entry to the same unit of work as the change, so both are saved together or not at all.</summary>
    public static void Record(this FlipsideDb db, Viewer by, DateTimeOffset at, string action, string recordType, object recordId, string summary) =>
        db.AuditLog.Add(new AuditEntry(by.UserId, action, recordType, recordId.ToString() ?? "", summary, at));
}
