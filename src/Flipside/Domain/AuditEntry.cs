using System.Security.Cryptography;
using System.Text;

namespace Flipside.Domain;

/// <summary>
/// Who did what to which record, and when: written in the same save as the administrative change it records,
/// so a change and its entry stand or fall together. Never holds private content, only what was decided.
/// Entries are chained after they are written (see docs/decisions/0026-audit-chain.md): each sealed entry holds
/// its place in the chain, the hash of the entry before it and its own hash over both and its content.
/// </summary>
public sealed class AuditEntry
{
    /// <summary>What the first entry of the chain names as the hash before it.</summary>
    public static readonly string Genesis = new('0', 64);

    public long Id { get; private set; }
    public DateTimeOffset At { get; private set; }
    /// <summary>The account that acted, or the name of the job or CLI verb.</summary>
    public string Actor { get; private set; } = "";
    /// <summary>A stable dotted name, e.g. "program.manager-added".</summary>
    public string Action { get; private set; } = "";
    public string RecordType { get; private set; } = "";
    public string RecordId { get; private set; } = "";
    public string Summary { get; private set; } = "";
    /// <summary>The entry's place in the chain, 1, 2, 3… without gaps; null until the seal reaches it.</summary>
    public long? Sequence { get; private set; }
    public string? PreviousHash { get; private set; }
    public string? Hash { get; private set; }

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

    /// <summary>Links the entry after the one holding <paramref name="previousHash"/>; an entry is sealed once.</summary>
    public void Seal(long sequence, string previousHash)
    {
        if (Sequence is not null) throw new DomainException($"Audit entry {Id} is already sealed.");
        Sequence = sequence;
        PreviousHash = previousHash;
        Hash = HashOf(previousHash);
    }

    /// <summary>
    /// Erasure only (docs/decisions/0027-erasure.md): puts a pseudonym where the entry named an erased person. A sealed
    /// entry must then be linked again with <see cref="Relink"/>, and every entry after it.
    /// </summary>
    public void Redact(string actor, string recordId, string summary) => (Actor, RecordId, Summary) = (actor, recordId, summary);

    /// <summary>Erasure only: links an already sealed entry again after an entry before it (or itself) was redacted.</summary>
    public void Relink(string previousHash)
    {
        if (Sequence is null) throw new DomainException($"Audit entry {Id} is not sealed yet.");
        PreviousHash = previousHash;
        Hash = HashOf(previousHash);
    }

    /// <summary>
    /// SHA-256 over the previous hash and every field as stored, each prefixed by its length so that no two
    /// different entries read the same (moving a character from the summary to the record id changes the hash).
    /// The time is in UTC ticks as read back from the database, which is what every later check reads too.
    /// </summary>
    public string HashOf(string previousHash)
    {
        var text = new StringBuilder();
        foreach (var field in new[]
        {
            previousHash, Sequence?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
            Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            At.UtcTicks.ToString(System.Globalization.CultureInfo.InvariantCulture), Actor, Action, RecordType, RecordId, Summary,
        })
            text.Append(field.Length).Append(':').Append(field).Append('|');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
