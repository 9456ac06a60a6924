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

/// <summary>
/// A program's chat settings: where its announcements go and which ones. The URLs are credentials (whoever has one
/// can post to the channel), so pages show only their host once saved.
/// </summary>
public sealed class ProgramChat
{
    public const int MaxUrlLength = 1000;

    public Guid ProgramId { get; private set; }
    public string? SlackUrl { get; private set; }
    public string? TeamsUrl { get; private set; }
    /// <summary>The chosen announcements' names, comma-separated.</summary>
    public string Announcements { get; private set; } = "";
    public DateTimeOffset UpdatedAt { get; private set; }

    private ProgramChat() { }

    public ProgramChat(Guid programId) => ProgramId = programId;

    public IReadOnlyList<ChatAnnouncement> AnnouncementList =>
        [.. Announcements.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ChatAnnouncement>)];

    public bool Announces(ChatAnnouncement what) => Announcements.Split(',').Contains(what.ToString());

    public string? UrlOf(ChatChannel channel) => channel == ChatChannel.Slack ? SlackUrl : TeamsUrl;

    public IEnumerable<ChatChannel> Channels => Enum.GetValues<ChatChannel>().Where(c => UrlOf(c) is not null);

    /// <summary>A URL left null keeps the one saved before; an empty one removes it.</summary>
    public void Update(string? slackUrl, string? teamsUrl, IEnumerable<ChatAnnouncement> announcements, DateTimeOffset now)
    {
        if (slackUrl is not null) SlackUrl = slackUrl.Length == 0 ? null : slackUrl;
        if (teamsUrl is not null) TeamsUrl = teamsUrl.Length == 0 ? null : teamsUrl;
        Announcements = string.Join(",", announcements.Distinct().Order());
        UpdatedAt = now;
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
