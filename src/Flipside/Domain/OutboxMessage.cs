namespace Flipside.Domain;

/// <summary>
/// An email waiting to be sent. It is written in the same transaction as the change that causes it,
/// so a message is never lost and never sent for a change that was rolled back.
/// </summary>
public sealed class OutboxMessage
{
    public const int MaxAttempts = 8;

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

    public string Status => SentAt is not null ? "Sent" : FailedAt is not null ? "Failed" : Attempts > 0 ? "Retrying" : "Waiting";

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
