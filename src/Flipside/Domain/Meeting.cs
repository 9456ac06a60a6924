namespace Flipside.Domain;

/// <summary>Where a meeting stands: proposed by one partner, accepted by the other, then held or not, or cancelled.</summary>
public enum MeetingStatus { Proposed, Accepted, Cancelled, Held, NotHeld }

/// <summary>
/// One meeting of a pairing (a "session" in the vocabulary). Times are UTC instants; each person sees them in their own
/// time zone. The iCalendar UID never changes and the sequence rises with every change, so calendars update the one event.
/// </summary>
public sealed class Meeting : IVersioned
{
    public const int MaxVideoLinkLength = 500;
    public const int MaxTopicLength = 200;
    public const int MaxLearnedLength = 4000;
    public static readonly IntRule MinutesRule = new(15, 240, "A meeting lasts 15 to 240 minutes.");
    /// <summary>How long the partner who logged a meeting may still correct the record (a mistyped length, a wrong box).</summary>
    public const int CorrectionHours = 48;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PairingId { get; private set; }
    public DateTimeOffset StartsAt { get; private set; }
    public int Minutes { get; private set; }
    public string? VideoLink { get; private set; }
    /// <summary>Who asked for the current time; the other partner accepts it.</summary>
    public ParticipantRole ProposedBy { get; private set; }
    /// <summary>Who first proposed it: the invite's organiser, kept through reschedules so calendars see one organiser.</summary>
    public ParticipantRole OrganizedBy { get; private set; }
    /// <summary>Who leads the agenda; the junior mentor by default.</summary>
    public ParticipantRole AgendaLedBy { get; private set; } = ParticipantRole.Mentor;
    public List<string> Agenda { get; private set; } = [];
    public MeetingStatus Status { get; private set; }
    public string CalendarUid { get; private set; } = "";
    public int Sequence { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    /// <summary>Null when it was cancelled because the pairing ended: that is nobody's cancellation.</summary>
    public ParticipantRole? CancelledBy { get; private set; }
    public DateTimeOffset? CancelledAt { get; private set; }
    /// <summary>How many hours before the start it was cancelled.</summary>
    public double? CancelledHoursBefore { get; private set; }
    /// <summary>When the log was first written: the reminder for an unfilled log looks for null here.</summary>
    public DateTimeOffset? LoggedAt { get; private set; }
    /// <summary>Who logged it: only they may correct the record, and only for <see cref="CorrectionHours"/>.</summary>
    public ParticipantRole? LoggedBy { get; private set; }
    public int? HeldMinutes { get; private set; }
    /// <summary>Who did not come, when the meeting was not held because of a no-show.</summary>
    public ParticipantRole? NoShow { get; private set; }
    public List<string> TopicsCovered { get; private set; } = [];
    /// <summary>What the mentor learned from the leader, sealed with the pairing's key ("learned:{id}:Mentor").</summary>
    public byte[]? LearnedByMentor { get; private set; }
    /// <summary>What the leader learned from the mentor, sealed with the pairing's key ("learned:{id}:Mentee").</summary>
    public byte[]? LearnedByMentee { get; private set; }
    public int Version { get; set; }

    private Meeting() { }

    public Meeting(Guid pairingId, DateTimeOffset startsAt, int minutes, string? videoLink, ParticipantRole by, DateTimeOffset now)
    {
        PairingId = pairingId;
        StartsAt = startsAt.ToUniversalTime();
        Minutes = MinutesRule.Guard(minutes);
        VideoLink = videoLink;
        ProposedBy = OrganizedBy = by;
        Status = MeetingStatus.Proposed;
        CalendarUid = $"{Id:N}@flipside";
        CreatedAt = UpdatedAt = now;
    }

    public DateTimeOffset EndsAt => StartsAt.AddMinutes(Minutes);

    /// <summary>Still on the calendars of both: proposed or accepted.</summary>
    public static readonly MeetingStatus[] Planned = [MeetingStatus.Proposed, MeetingStatus.Accepted];

    public bool IsPlanned => Planned.Contains(Status);

    public static string PurposeOfLearned(Guid meetingId, ParticipantRole role) => $"learned:{meetingId}:{role}";

    public void Accept(ParticipantRole by, DateTimeOffset now)
    {
        if (Status != MeetingStatus.Proposed) throw new DomainException($"Only a proposed meeting can be accepted; this one is {Describe(Status)}.");
        if (by == ProposedBy) throw new DomainException("You proposed this time; your partner accepts it.");
        Status = MeetingStatus.Accepted;
        Sequence++;
        UpdatedAt = now;
    }

    /// <summary>A new time asks the partner to accept again; the calendars see the same event moved.</summary>
    public void Reschedule(DateTimeOffset startsAt, int minutes, string? videoLink, ParticipantRole by, DateTimeOffset now)
    {
        if (!IsPlanned) throw new DomainException($"Only a planned meeting can be moved; this one is {Describe(Status)}.");
        StartsAt = startsAt.ToUniversalTime();
        Minutes = MinutesRule.Guard(minutes);
        VideoLink = videoLink;
        ProposedBy = by;
        Status = MeetingStatus.Proposed;
        Sequence++;
        UpdatedAt = now;
    }

    public void Cancel(ParticipantRole by, DateTimeOffset now)
    {
        if (!IsPlanned) throw new DomainException($"Only a planned meeting can be cancelled; this one is {Describe(Status)}.");
        // After the start a cancellation would hide a no-show; the log says what happened instead.
        if (now >= StartsAt) throw new DomainException("This meeting has already started, so it can no longer be cancelled: log it as not held instead, saying who could not come.");
        Status = MeetingStatus.Cancelled;
        (CancelledBy, CancelledAt) = (by, now);
        CancelledHoursBefore = Math.Round((StartsAt - now).TotalHours, 1);
        Sequence++;
        UpdatedAt = now;
    }

    /// <summary>
    /// The pairing ended with the meeting still planned: it comes off both calendars, cancelled by no one, so neither
    /// partner's follow-through counts it and nothing says who ended the pairing.
    /// </summary>
    public void CancelBecausePairingEnded(DateTimeOffset now)
    {
        if (!IsPlanned) throw new DomainException($"Only a planned meeting can be cancelled; this one is {Describe(Status)}.");
        Status = MeetingStatus.Cancelled;
        (CancelledBy, CancelledAt) = (null, now);
        CancelledHoursBefore = Math.Round((StartsAt - now).TotalHours, 1);
        Sequence++;
        UpdatedAt = now;
    }

    public void SetAgenda(IEnumerable<string> topics, ParticipantRole ledBy, DateTimeOffset now)
    {
        if (!IsPlanned) throw new DomainException($"The agenda is set before the meeting; this one is {Describe(Status)}.");
        Agenda = [.. Topics(topics)];
        AgendaLedBy = ledBy;
        UpdatedAt = now;
    }

    /// <summary>
    /// After the start: held (with its length and topics) or not held (with whose no-show, if any). Logged once: the
    /// other partner cannot rewrite it (a no-show stays a no-show), and the one who logged it may correct it for
    /// <see cref="CorrectionHours"/> hours.
    /// </summary>
    public void Log(ParticipantRole by, bool held, int? heldMinutes, ParticipantRole? noShow, IEnumerable<string> topics, DateTimeOffset now)
    {
        if (now < StartsAt) throw new DomainException("A meeting is logged once it has started.");
        if (LoggedAt is { } at && (LoggedBy != by || now > at.AddHours(CorrectionHours)))
            throw new DomainException("This meeting is already logged; only the partner who logged it can correct it, within 48 hours.");
        if (Status is MeetingStatus.Cancelled or MeetingStatus.Proposed && LoggedAt is null)
            throw new DomainException(Status == MeetingStatus.Cancelled ? "This meeting was cancelled." : "This meeting was never accepted, so there is nothing to log.");
        if (held && heldMinutes is { } m) MinutesRule.Guard(m);
        Status = held ? MeetingStatus.Held : MeetingStatus.NotHeld;
        HeldMinutes = held ? heldMinutes ?? Minutes : null;
        NoShow = held ? null : noShow;
        TopicsCovered = held ? [.. Topics(topics)] : [];
        LoggedAt ??= now;
        LoggedBy ??= by;
        UpdatedAt = now;
    }

    public void SealLearned(ParticipantRole by, byte[]? sealedText)
    {
        if (LoggedAt is null) throw new DomainException("Log the meeting first.");
        if (by == ParticipantRole.Mentor) LearnedByMentor = sealedText;
        else LearnedByMentee = sealedText;
    }

    private static IEnumerable<string> Topics(IEnumerable<string> topics) =>
        topics.Select(t => t.Trim()).Where(t => t.Length > 0).Select(t => t.Length > MaxTopicLength ? throw new DomainException($"Keep each topic to {MaxTopicLength} characters.") : t)
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(20);

    public static string Describe(MeetingStatus status) => status switch
    {
        MeetingStatus.Proposed => "proposed",
        MeetingStatus.Accepted => "accepted",
        MeetingStatus.Cancelled => "cancelled",
        MeetingStatus.Held => "held",
        _ => "not held",
    };
}

/// <summary>Something one partner takes on at a meeting, with a due date; the leader's items feed the follow-through ledger.</summary>
public sealed class ActionItem
{
    public const int MaxTextLength = 500;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid MeetingId { get; private set; }
    public Guid PairingId { get; private set; }
    public string Text { get; private set; } = "";
    public ParticipantRole Owner { get; private set; }
    public DateOnly DueOn { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    private ActionItem() { }

    public ActionItem(Guid meetingId, Guid pairingId, string text, ParticipantRole owner, DateOnly dueOn, DateTimeOffset now)
    {
        text = text.Trim();
        if (text.Length == 0 || text.Length > MaxTextLength) throw new DomainException($"Say what is to be done, in at most {MaxTextLength} characters.");
        (MeetingId, PairingId, Text, Owner, DueOn, CreatedAt) = (meetingId, pairingId, text, owner, dueOn, now);
    }

    public void Complete(bool done, DateTimeOffset now) => CompletedAt = done ? CompletedAt ?? now : null;
}

/// <summary>
/// A person's private calendar feed. Only the SHA-256 of its token is kept; a revoked feed stays as a row (so a renewal
/// is a new row), and its token answers exactly as one that never existed.
/// </summary>
public sealed class CalendarFeed
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PersonId { get; private set; }
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }

    private CalendarFeed() { }

    public CalendarFeed(Guid personId, string tokenHash, DateTimeOffset now) => (PersonId, TokenHash, CreatedAt) = (personId, tokenHash, now);

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
