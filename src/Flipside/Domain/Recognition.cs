namespace Flipside.Domain;

/// <summary>
/// A short thank-you from one partner to the other, optionally naming the focus area it is about. The pair reads it;
/// program staff see only how many there are.
/// </summary>
public sealed class Kudos
{
    public const int TextMaxLength = 280;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PairingId { get; private set; }
    public ParticipantRole From { get; private set; }
    public string Text { get; private set; } = "";
    public string? FocusArea { get; private set; }
    public DateTimeOffset SentAt { get; private set; }

    private Kudos() { }

    public Kudos(Guid pairingId, ParticipantRole from, string text, string? focusArea, DateTimeOffset now)
    {
        var t = text.Trim();
        if (t.Length is 0 or > TextMaxLength) throw new DomainException($"Kudos hold 1 to {TextMaxLength} characters.");
        (PairingId, From, Text, FocusArea, SentAt) = (pairingId, from, t, focusArea, now);
    }

    /// <summary>Kudos go to a partner while the pairing runs; an ended pairing takes none.</summary>
    public static void EnsureOpen(PairingStatus status)
    {
        if (status == PairingStatus.Ended) throw new DomainException("This pairing has ended: it takes no new kudos.");
        if (!Pairing.Running.Contains(status)) throw new DomainException("Kudos open once the pairing is published.");
    }
}

/// <summary>The moments of a pairing that Flipside celebrates on its own, in the order they usually come.</summary>
public enum MilestoneKind { FirstMeeting, ThreeMeetings, Halfway, Completion }

/// <summary>That a pairing reached a milestone, once: unique by pairing and kind, so a second run or instance cannot record it again.</summary>
public sealed class PairingMilestone
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PairingId { get; private set; }
    public MilestoneKind Kind { get; private set; }
    public DateTimeOffset ReachedAt { get; private set; }

    private PairingMilestone() { }

    public PairingMilestone(Guid pairingId, MilestoneKind kind, DateTimeOffset now) => (PairingId, Kind, ReachedAt) = (pairingId, kind, now);

    /// <summary>
    /// The milestones a published pairing has reached by <paramref name="today"/>. Halfway and completion follow the
    /// cohort's dates; a pairing that ended before a date never reaches it, and completion needs the cohort's end day
    /// passed while it ran (or its ending on or after that day).
    /// </summary>
    public static IEnumerable<MilestoneKind> Reached(int meetingsHeld, DateOnly startsOn, DateOnly endsOn, DateOnly? endedOn, DateOnly today)
    {
        if (meetingsHeld >= 1) yield return MilestoneKind.FirstMeeting;
        if (meetingsHeld >= 3) yield return MilestoneKind.ThreeMeetings;
        var lastDay = endedOn ?? today;
        if (lastDay >= Halfway(startsOn, endsOn)) yield return MilestoneKind.Halfway;
        if (endedOn is { } ended ? ended >= endsOn : today > endsOn) yield return MilestoneKind.Completion;
    }

    public static DateOnly Halfway(DateOnly startsOn, DateOnly endsOn) => startsOn.AddDays((endsOn.DayNumber - startsOn.DayNumber) / 2);

    public static string Describe(MilestoneKind kind) => kind switch
    {
        MilestoneKind.FirstMeeting => "First meeting held",
        MilestoneKind.ThreeMeetings => "Three meetings held",
        MilestoneKind.Halfway => "Halfway through the cohort",
        _ => "Completed the program",
    };
}
