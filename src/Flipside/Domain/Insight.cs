namespace Flipside.Domain;

/// <summary>Where leadership's answer to an insight stands; anything but <see cref="New"/> has been answered.</summary>
public enum InsightStatus { New, Noted, InProgress, Adopted, Declined }

/// <summary>
/// An insight or idea a pair raises for leadership, tagged by focus area. Leadership sees it without its author, and only
/// once enough pairs of the program have raised insights (<see cref="Anonymity"/>); the response reaches the pair.
/// </summary>
public sealed class Insight : IVersioned
{
    public const int TextMaxLength = 2000;
    public const int ResponseMaxLength = 1000;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProgramId { get; private set; }
    /// <summary>The pair it came from: for the pair's own view and for counting distinct pairs, never shown to leadership.</summary>
    public Guid PairingId { get; private set; }
    public ParticipantRole RaisedBy { get; private set; }
    public string FocusArea { get; private set; } = "";
    public string Text { get; private set; } = "";
    public DateTimeOffset RaisedAt { get; private set; }
    public InsightStatus Status { get; private set; } = InsightStatus.New;
    public string? Response { get; private set; }
    public string? RespondedBy { get; private set; }
    public DateTimeOffset? RespondedAt { get; private set; }
    public int Version { get; set; }

    private Insight() { }

    public Insight(Guid programId, Guid pairingId, ParticipantRole raisedBy, string focusArea, string text, DateTimeOffset now)
    {
        text = text.Trim();
        if (text.Length == 0) throw new DomainException("Write the insight in a sentence or two.");
        if (text.Length > TextMaxLength) throw new DomainException($"Keep the insight to {TextMaxLength} characters.");
        (ProgramId, PairingId, RaisedBy, FocusArea, Text, RaisedAt) = (programId, pairingId, raisedBy, focusArea.Trim(), text, now);
    }

    public void Respond(InsightStatus status, string sentence, string by, DateTimeOffset now)
    {
        if (status == InsightStatus.New) throw new DomainException("Choose noted, in progress, adopted or declined.");
        sentence = sentence.Trim();
        if (sentence.Length == 0) throw new DomainException("Say in a sentence what happens with it.");
        if (sentence.Length > ResponseMaxLength) throw new DomainException($"Keep the response to {ResponseMaxLength} characters.");
        (Status, Response, RespondedBy, RespondedAt) = (status, sentence, by, now);
    }
}
