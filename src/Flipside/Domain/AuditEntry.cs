namespace Flipside.Domain;

/// <summary>
/// Who did what to which record, and when: written in the same save as the administrative change it records,
/// so a change and its entry stand or fall together. Never holds private content, only what was decided.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    /// <summary>The account that acted, or the name of the job or CLI verb.</summary>
    public string Actor { get; private set; } = "";
    /// <summary>A stable dotted name, e.g. "program.manager-added".</summary>
    public string Action { get; private set; } = "";
    public string RecordType { get; private set; } = "";
    public string RecordId { get; private set; } = "";
    public string Summary { get; private set; } = "";

    private AuditEntry() { }

    public AuditEntry(string actor, string action, string recordType, string recordId, string summary, DateTimeOffset at)
    {
        Actor = actor;
        Action = action;
        RecordType = recordType;
        RecordId = recordId;
        Summary = summary.Length > 500 ? summary[..500] : summary;
        At = at;
    }
}
