namespace Flipside.Domain;

/// <summary>
/// The reminders and nudges Flipside sends on its own. Each exists to defuse a known way a pairing fails: no time
/// (<see cref="MeetingSoon"/>), no structure (<see cref="LogMissing"/>), cancelled sessions
/// (<see cref="CadenceSlipping"/>), a pairing that never really starts (<see cref="AgreementUnsigned"/>,
/// <see cref="TrainingUnfinished"/>), and a manager who learns too late (<see cref="ManagerDigest"/>).
/// </summary>
public enum NudgeKind { MeetingSoon, LogMissing, CadenceSlipping, AgreementUnsigned, TrainingUnfinished, ManagerDigest, SurveyReminder }

/// <summary>
/// That a nudge went to someone about something, once. Unique by kind, subject and recipient, and written in the same
/// transaction as its email: a second run, or a second instance on the same database, cannot send it again.
/// </summary>
public sealed class NudgeSent
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public NudgeKind Kind { get; private set; }
    /// <summary>What it is about, e.g. "meeting:{id}" or "pairing:{id}/week:2026-48".</summary>
    public string Subject { get; private set; } = "";
    public string Recipient { get; private set; } = "";
    public DateTimeOffset SentAt { get; private set; }

    private NudgeSent() { }

    public NudgeSent(NudgeKind kind, string subject, string recipient, DateTimeOffset now)
    {
        Kind = kind;
        Subject = subject;
        Recipient = recipient;
        SentAt = now;
    }
}

/// <summary>The nudges a person has turned off, by the email they receive them at. Programs may require some anyway.</summary>
public sealed class NudgeSettings
{
    public string Email { get; private set; } = "";
    public List<NudgeKind> Off { get; set; } = [];
    public DateTimeOffset UpdatedAt { get; set; }

    private NudgeSettings() { }

    public NudgeSettings(string email) => Email = email;
}
