namespace Flipside.Domain;

/// <summary>
/// An email waiting to be sent. It is written in the same transaction as the change that causes it,
/// so a message is never lost and never sent for a change that was rolled back.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxAttempts = 8;
    /// <summary>Many mail servers refuse messages much larger than this; better refused here, where the cause is known.</summary>
    public const int MaxAttachmentBytes = 10 * 1024 * 1024;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string To { get; private set; } = "";
    public string Subject { get; private set; } = "";
    public string TextBody { get; private set; } = "";
    public string? HtmlBody { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? FailedAt { get; private set; }
    public string? LastError { get; private set; }
    /// <summary>A sender claims a message until this time, so two instances never send it both.</summary>
    public DateTimeOffset? ClaimedUntil { get; private set; }
    public Guid? ClaimToken { get; private set; }
    /// <summary>Not sent before this time; null when the message goes as soon as it can.</summary>
    public DateTimeOffset? SendAt { get; private set; }
    /// <summary>What the message is about, e.g. "meeting-invite", so that a later update or cancellation can find it…</summary>
    public string? Kind { get; private set; }
    /// <summary>…by the thing it concerns, e.g. "pairing:{id}/meeting:{id}".</summary>
    public string? CorrelationKey { get; private set; }
    /// <summary>
    /// The program the message is about (an enrolment, a reminder, a pairing), so that its managers can read it when
    /// no mail server is set up; null for messages about the installation itself, such as an account invitation.
    /// </summary>
    public Guid? ProgramId { get; private set; }
    private readonly List<OutboxAttachment> _attachments = [];
    public IReadOnlyList<OutboxAttachment> Attachments => _attachments;

    private OutboxMessage() { }

    public OutboxMessage(string to, string subject, string textBody, string? htmlBody, DateTimeOffset now)
    {
        To = to;
        Subject = subject;
        TextBody = textBody;
        HtmlBody = htmlBody;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    /// <summary>"Scheduled" until the first attempt of a message held for a later time (see <see cref="ScheduleFor"/>).</summary>
    public string Status => Describe(SentAt, FailedAt, Attempts, SendAt);

    /// <summary>The status in words; queries project these four columns and call it, so the page and the entity agree.</summary>
    public static string Describe(DateTimeOffset? sentAt, DateTimeOffset? failedAt, int attempts, DateTimeOffset? sendAt) =>
        sentAt is not null ? "Sent" : failedAt is not null ? "Failed" : attempts > 0 ? "Retrying" : sendAt is not null ? "Scheduled" : "Waiting";

    /// <summary>Neither sent nor given up on: what the sender still owes, as SQL and in memory.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<OutboxMessage, bool>> Pending = m => m.SentAt == null && m.FailedAt == null;

    /// <summary>Holds the message until <paramref name="sendAt"/>; a time not after its writing means as soon as possible.</summary>
    public OutboxMessage ScheduleFor(DateTimeOffset sendAt)
    {
        if (SentAt is not null || Attempts > 0) throw new DomainException("Only a message not yet tried can be scheduled; this one is " + Status.ToLowerInvariant() + ".");
        SendAt = sendAt > CreatedAt ? sendAt : null;
        NextAttemptAt = SendAt ?? CreatedAt;
        return this;
    }

    public OutboxMessage About(string kind, string correlationKey)
    {
        if (string.IsNullOrWhiteSpace(kind) || kind.Length > 64) throw new DomainException("A message's kind is a short word such as meeting-invite (at most 64 characters).");
        if (string.IsNullOrWhiteSpace(correlationKey) || correlationKey.Length > 200) throw new DomainException("A message's correlation key names what it is about, in at most 200 characters.");
        Kind = kind;
        CorrelationKey = correlationKey;
        return this;
    }

    /// <summary>Files the message under the program it is about (see <see cref="ProgramId"/>).</summary>
    public OutboxMessage ForProgram(Guid programId)
    {
        ProgramId = programId;
        return this;
    }

    public OutboxMessage Attach(string fileName, string contentType, byte[] content)
    {
        if (SentAt is not null) throw new DomainException("A message that was sent can no longer take attachments.");
        var attachment = new OutboxAttachment(fileName, contentType, content);
        if (_attachments.Sum(a => a.Content.Length) + content.Length > MaxAttachmentBytes)
            throw new DomainException($"A message's attachments may hold at most {MaxAttachmentBytes / 1024 / 1024} MB in all.");
        _attachments.Add(attachment);
        return this;
    }

    public void MarkSent(DateTimeOffset now)
    {
        SentAt = now;
        Attempts++;
        ClaimToken = null;
        ClaimedUntil = null;
        LastError = null;
    }

    /// <summary>Backs off exponentially (1, 2, 4 … minutes) and gives up after <see cref="MaxAttempts"/>.</summary>
    public void MarkFailed(string error, DateTimeOffset now)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        ClaimToken = null;
        ClaimedUntil = null;
        if (Attempts >= MaxAttempts) FailedAt = now;
        else NextAttemptAt = now + TimeSpan.FromMinutes(Math.Pow(2, Attempts - 1));
    }

    /// <summary>An administrator puts a message that gave up back in the queue, with all its attempts again.</summary>
    public void SendAgain(DateTimeOffset now)
    {
        if (FailedAt is null) throw new DomainException("Only a message that failed can be sent again; this one is " + Status.ToLowerInvariant() + ".");
        FailedAt = null;
        Attempts = 0;
        LastError = null;
        NextAttemptAt = now;
    }
}
