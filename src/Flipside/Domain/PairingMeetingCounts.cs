namespace Flipside.Domain;

/// <summary>
/// A pairing's meeting counts as the cohort's meetings page shows them, kept up to date by every saved change to the
/// pairing's meetings and action items (in the same transaction, see <c>MeetingCounter</c>), so the page reads one row
/// per pairing instead of counting the cohort's meetings on each request. Its row is also the pairing's lock: a change
/// that must read the pair's meetings before writing (the overlap check) updates it first.
/// </summary>
public sealed class PairingMeetingCounts
{
    public Guid PairingId { get; private set; }
    public int Held { get; private set; }
    public DateTimeOffset? LastHeldAt { get; private set; }
    public int CancelledByMentor { get; private set; }
    public int CancelledByMentee { get; private set; }
    public int LateCancellationsByMentor { get; private set; }
    public int LateCancellationsByMentee { get; private set; }
    public int NoShowsByMentor { get; private set; }
    public int NoShowsByMentee { get; private set; }
    public int LeaderItemsTaken { get; private set; }
    public int LeaderItemsDone { get; private set; }
    /// <summary>Moves with every saved change to the pairing's meetings or action items: calendar feeds are stamped with it.</summary>
    public long Stamp { get; private set; }

    private PairingMeetingCounts() { }

    public PairingMeetingCounts(Guid pairingId) => PairingId = pairingId;
}
