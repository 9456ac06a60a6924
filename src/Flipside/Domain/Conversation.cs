namespace Flipside.Domain;

/// <summary>Who may read a note besides its author.</summary>
public enum NoteVisibility { Private, Shared }

/// <summary>
/// The rules shared by a pair's notes and messages: their sizes, and that the two write only while the pairing runs.
/// The text itself never reaches an entity in clear: it is sealed with the pairing's data key first (decision 0006).
/// </summary>
public static class Conversation
{
    public const int NoteMaxLength = 10_000;
    public const int MessageMaxLength = 4_000;

    /// <summary>Reading stays possible for the pair after the end; writing does not.</summary>
    public static void EnsureWritable(PairingStatus status)
    {
        if (status == PairingStatus.Ended) throw new DomainException("This pairing has ended: you can still read its notes and messages, but not write new ones or change them.");
        if (!Pairing.Running.Contains(status)) throw new DomainException("Notes and messages open once the pairing is published.");
    }
}

/// <summary>
/// A note one partner writes about the pairing or one of its meetings: private to its author, or shared with the
/// partner. Nobody else ever reads it. <see cref="Body"/> is sealed for this row alone (purpose "note:{Id}").
/// </summary>
public sealed class Note : IVersioned
{
    public Guid Id { get; private set; }
    public Guid PairingId { get; private set; }
    /// <summary>The meeting the note is about, when there is one.</summary>
    public Guid? MeetingId { get; private set; }
    public ParticipantRole Author { get; private set; }
    public NoteVisibility Visibility { get; private set; }
    public byte[] Body { get; private set; } = [];
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? EditedAt { get; private set; }
    public int Version { get; set; }

    private Note() { }

    /// <summary>The id comes first because the body is sealed for it (see <see cref="Purpose"/>).</summary>
    public Note(Guid id, Guid pairingId, Guid? meetingId, ParticipantRole author, NoteVisibility visibility, byte[] body, DateTimeOffset now)
    {
        (Id, PairingId, MeetingId, Author, Visibility, Body, CreatedAt) = (id, pairingId, meetingId, author, visibility, body, now);
    }

    public static string Purpose(Guid id) => $"note:{id}";

    public bool IsVisibleTo(ParticipantRole reader) => reader == Author || Visibility == NoteVisibility.Shared;

    public void Edit(ParticipantRole by, NoteVisibility visibility, byte[] body, DateTimeOffset now)
    {
        if (by != Author) throw new DomainException("Only its author can change a note.");
        (Visibility, Body, EditedAt) = (visibility, body, now);
    }
}

/// <summary>One message from one partner to the other. <see cref="Body"/> is sealed for this row alone ("message:{Id}").</summary>
public sealed class Message
{
    public Guid Id { get; private set; }
    public Guid PairingId { get; private set; }
    public ParticipantRole Sender { get; private set; }
    public byte[] Body { get; private set; } = [];
    public DateTimeOffset SentAt { get; private set; }
    /// <summary>When the other partner first opened the conversation after it arrived.</summary>
    public DateTimeOffset? ReadAt { get; private set; }

    private Message() { }

    public Message(Guid id, Guid pairingId, ParticipantRole sender, byte[] body, DateTimeOffset now)
    {
        (Id, PairingId, Sender, Body, SentAt) = (id, pairingId, sender, body, now);
    }

    public static string Purpose(Guid id) => $"message:{id}";

    public void MarkRead(DateTimeOffset now) => ReadAt ??= now;
}
