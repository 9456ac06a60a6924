namespace Flipside.Domain;

/// <summary>
/// A program's communication guidelines. A program without a row reads <see cref="DefaultText"/> as text version 1;
/// each saved change raises <see cref="TextVersion"/>, so an acknowledgement of an earlier text no longer counts.
/// </summary>
public sealed class ProgramGuidelines : IVersioned
{
    public const int TextMaxLength = 8000;
    public const int FirstTextVersion = 1;

    public const string DefaultText =
        """
        Be open and honest. Say what you think and what you do not know; both of you are here to learn.
        Stay professional. Be on time, come prepared, and treat each other as colleagues whatever your grades.
        Keep to the topics you agreed. Bring new ones up openly, and either of you may say a topic is off limits.
        A reverse-mentoring meeting is not a place for complaints about others, nor for performance evaluations of anyone, including each other.
        What is said stays between the two of you, unless you both agree otherwise.
        """;

    public Guid ProgramId { get; private set; }
    public string Text { get; private set; } = DefaultText;
    public int TextVersion { get; private set; } = FirstTextVersion;
    public DateTimeOffset UpdatedAt { get; private set; }
    public string UpdatedBy { get; private set; } = "";
    public int Version { get; set; }

    private ProgramGuidelines() { }

    /// <summary>The defaults, as a row that a change can then move on.</summary>
    public ProgramGuidelines(Guid programId, DateTimeOffset now) => (ProgramId, UpdatedAt) = (programId, now);

    /// <summary>True when the text really changed, which asks every participant to acknowledge it again.</summary>
    public bool Change(string text, string by, DateTimeOffset now)
    {
        text = Normalise(text);
        if (text.Length == 0) throw new DomainException("Write the guidelines; an empty text guides nobody.");
        if (text.Length > TextMaxLength) throw new DomainException($"Keep the guidelines to {TextMaxLength} characters.");
        if (text == Normalise(Text)) return false;
        (Text, UpdatedBy, UpdatedAt) = (text, by, now);
        TextVersion++;
        return true;
    }

    public static string Normalise(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).Trim();
}

/// <summary>A person's acknowledgement of a program's guidelines, with the text version they read.</summary>
public sealed class GuidelinesAcknowledgement
{
    public Guid ProgramId { get; private set; }
    public Guid PersonId { get; private set; }
    public int TextVersion { get; private set; }
    public DateTimeOffset At { get; private set; }

    private GuidelinesAcknowledgement() { }

    public GuidelinesAcknowledgement(Guid programId, Guid personId) => (ProgramId, PersonId) = (programId, personId);

    public void Acknowledge(int textVersion, DateTimeOffset now)
    {
        if (TextVersion == textVersion) throw new DomainException("You have already acknowledged this version of the guidelines.");
        (TextVersion, At) = (textVersion, now);
    }
}
