namespace Flipside.Domain;

/// <summary>The chat tools a program can announce to, each through an incoming-webhook URL.</summary>
public enum ChatChannel
{
    Slack,
    Teams,
}

/// <summary>The program news a manager may choose to announce in chat; none of it names a pair without their consent.</summary>
public enum ChatAnnouncement
{
    CohortOpens,
    PairsPublished,
    MilestonesCelebrated,
    StoriesPublished,
}

/// <summary>A webhook URL as stored: sealed (only the app can open it), and the masked form that pages show.</summary>
public sealed record SealedWebhook(string Sealed, string Masked)
{
    /// <summary>Passed to <see cref="ProgramChat.Update"/> to take a webhook away.</summary>
    public static readonly SealedWebhook Removed = new("", "");
}

/// <summary>
/// A program's chat settings: where its announcements go and which ones. The URLs are credentials (whoever has one
/// can post to the channel), so they are stored sealed and pages show only a masked form once saved.
/// </summary>
public sealed class ProgramChat
{
    public const int MaxUrlLength = 1000;
    /// <summary>A sealed URL: the prefix, then base64 of the nonce, the ciphertext and the tag.</summary>
    public const int MaxSealedLength = 1500;
    public const int MaxMaskedLength = 300;

    public Guid ProgramId { get; private set; }
    public string? SlackSealed { get; private set; }
    public string? TeamsSealed { get; private set; }
    public string? SlackMasked { get; private set; }
    public string? TeamsMasked { get; private set; }
    /// <summary>The chosen announcements' names, comma-separated.</summary>
    public string Announcements { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    private ProgramChat() { }

    public ProgramChat(Guid programId) => ProgramId = programId;

    public IReadOnlyList<ChatAnnouncement> AnnouncementList =>
        [.. Announcements.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ChatAnnouncement>)];

    public bool Announces(ChatAnnouncement what) => Announcements.Split(',').Contains(what.ToString());

    public string? SealedOf(ChatChannel channel) => channel == ChatChannel.Slack ? SlackSealed : TeamsSealed;

    public string? MaskedOf(ChatChannel channel) => channel == ChatChannel.Slack ? SlackMasked : TeamsMasked;

    public IEnumerable<ChatChannel> Channels => Enum.GetValues<ChatChannel>().Where(c => SealedOf(c) is not null);

    /// <summary>A webhook left null keeps the one saved before; <see cref="SealedWebhook.Removed"/> takes it away.</summary>
    public void Update(SealedWebhook? slack, SealedWebhook? teams, IEnumerable<ChatAnnouncement> announcements, DateTimeOffset now)
    {
        if (slack is not null) Reseal(ChatChannel.Slack, slack);
        if (teams is not null) Reseal(ChatChannel.Teams, teams);
        Announcements = string.Join(",", announcements.Distinct().Order());
        UpdatedAt = now;
    }

    /// <summary>Sets one channel's webhook, or removes it; also how a URL saved in clear before sealing is sealed in place.</summary>
    public void Reseal(ChatChannel channel, SealedWebhook webhook)
    {
        string? value = webhook.Sealed.Length == 0 ? null : webhook.Sealed, masked = value is null ? null : webhook.Masked;
        if (channel == ChatChannel.Slack) (SlackSealed, SlackMasked) = (value, masked);
        else (TeamsSealed, TeamsMasked) = (value, masked);
    }
}

/// <summary>
/// One announcement owed to one chat channel: the webhook sibling of <see cref="OutboxMessage"/>, written in the same
/// save as the change it announces and claimed by the sender the same way (decision 0004). The URL is read from the
/// program's settings when sending, so a removed webhook receives nothing more; the body (Slack blocks or a Teams
/// Adaptive Card) is made then too, with the link on the public address.
/// </summary>
public sealed class ChatDelivery
{
    public const int MaxAttempts = 8;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid ProgramId { get; private set; }
    public ChatChannel Channel { get; private set; }
    public ChatAnnouncement Announcement { get; private set; }
    /// <summary>The news in plain words: a headline, a sentence or two, and a path in Flipside to read more.</summary>
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";
    public string LinkPath { get; private set; } = "";
    /// <summary>What the announcement is about, e.g. "cohort:{id}", so the same news is not announced twice.</summary>
    public string CorrelationKey { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset NextAttemptAt { get; private set; }
    public int Attempts { get; private set; }
    public DateTimeOffset? SentAt { get; private set; }
    public DateTimeOffset? FailedAt { get; private set; }
    public string? LastError { get; private set; }
    public DateTimeOffset? ClaimedUntil { get; private set; }
    public Guid? ClaimToken { get; private set; }

    private ChatDelivery() { }

    public ChatDelivery(Guid programId, ChatChannel channel, ChatAnnouncement announcement, string correlationKey,
        string title, string text, string linkPath, DateTimeOffset now)
    {
        ProgramId = programId;
        Channel = channel;
        Announcement = announcement;
        CorrelationKey = correlationKey;
        Title = title;
        Text = text;
        LinkPath = linkPath;
        CreatedAt = now;
        NextAttemptAt = now;
    }

    public void Sent(DateTimeOffset now)
    {
        Attempts++;
        SentAt = now;
        LastError = null;
        ClaimedUntil = null;
    }

    /// <summary>Held back without an attempt because the receiver asked for a pause after an earlier announcement.</summary>
    public void WaitUntil(DateTimeOffset at)
    {
        if (at > NextAttemptAt) NextAttemptAt = at;
        ClaimedUntil = null;
    }

    /// <summary>
    /// A refusal worth retrying waits for the receiver's Retry-After when it gave one, else 1, 2, 4… minutes; after
    /// <see cref="MaxAttempts"/>, or for a refusal that will not change (the webhook is gone), it gives up.
    /// </summary>
    public void Refused(string error, DateTimeOffset now, TimeSpan? retryAfter, bool permanent)
    {
        Attempts++;
        LastError = error.Length > 1000 ? error[..1000] : error;
        ClaimedUntil = null;
        if (permanent || Attempts >= MaxAttempts) FailedAt = now;
        else NextAttemptAt = now + (retryAfter ?? TimeSpan.FromMinutes(Math.Pow(2, Attempts - 1)));
    }
}
