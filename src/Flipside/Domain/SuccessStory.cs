namespace Flipside.Domain;

/// <summary>Where a success story stands, derived from its consents, approval and rejection.</summary>
public enum StoryStatus { Draft, AwaitingApproval, Approved }

/// <summary>
/// The story a pair writes together about their pairing, one per pairing. It reaches the program's showcase only
/// while both partners consent and after the program manager approved it. Either partner may withdraw at any time,
/// which takes it off the showcase at once; publishing again needs both consents and a new approval.
/// </summary>
public sealed class SuccessStory : IVersioned
{
    public const int TitleMaxLength = 120;
    public const int TextMaxLength = 4000;
    public const int RejectionMaxLength = 500;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid PairingId { get; private set; }
    public string Title { get; private set; } = "";
    public string Text { get; private set; } = "";
    public List<string> FocusAreas { get; private set; } = [];
    public DateTimeOffset? MentorConsentedAt { get; private set; }
    public DateTimeOffset? MenteeConsentedAt { get; private set; }
    /// <summary>Each partner chooses whether the showcase names them; the pair is named only when both do.</summary>
    public bool MentorNamed { get; private set; }
    public bool MenteeNamed { get; private set; }
    public string? ApprovedBy { get; private set; }
    public DateTimeOffset? ApprovedAt { get; private set; }
    /// <summary>The manager's sentence when they last sent it back; cleared by the next edit.</summary>
    public string? RejectionReason { get; private set; }
    public DateTimeOffset? RejectedAt { get; private set; }
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset UpdatedAt { get; private set; }
    public int Version { get; set; }

    private SuccessStory() { }

    public SuccessStory(Guid pairingId, string title, string text, IEnumerable<string> focusAreas, DateTimeOffset now)
    {
        PairingId = pairingId;
        CreatedAt = now;
        SetText(title, text, focusAreas, now);
    }

    public StoryStatus Status => ApprovedAt is not null ? StoryStatus.Approved
        : MentorConsentedAt is not null && MenteeConsentedAt is not null ? StoryStatus.AwaitingApproval
        : StoryStatus.Draft;

    public bool IsOnShowcase => Status == StoryStatus.Approved;

    public bool HasConsented(ParticipantRole role) => (role == ParticipantRole.Mentor ? MentorConsentedAt : MenteeConsentedAt) is not null;

    public bool ChoseToBeNamed(ParticipantRole role) => role == ParticipantRole.Mentor ? MentorNamed : MenteeNamed;

    /// <summary>Either partner edits a draft. The other's consent was given to the old text, so it no longer stands.</summary>
    public void Edit(ParticipantRole by, string title, string text, IEnumerable<string> focusAreas, DateTimeOffset now)
    {
        if (Status != StoryStatus.Draft)
            throw new DomainException("Both of you have agreed to this story, so it can no longer be edited. Withdraw your consent first to change it.");
        SetText(title, text, focusAreas, now);
        if (by == ParticipantRole.Mentor) MenteeConsentedAt = null;
        else MentorConsentedAt = null;
        (RejectionReason, RejectedAt) = (null, null);
    }

    public void Consent(ParticipantRole by, bool named, DateTimeOffset now)
    {
        if (by == ParticipantRole.Mentor) (MentorConsentedAt, MentorNamed) = (MentorConsentedAt ?? now, named);
        else (MenteeConsentedAt, MenteeNamed) = (MenteeConsentedAt ?? now, named);
        UpdatedAt = now;
    }

    /// <summary>Either partner, at any time: the story leaves the showcase now, and a new approval is needed after new consent.</summary>
    public void Withdraw(ParticipantRole by, DateTimeOffset now)
    {
        if (!HasConsented(by)) throw new DomainException("You have not consented to this story, so there is nothing to withdraw.");
        if (by == ParticipantRole.Mentor) MentorConsentedAt = null;
        else MenteeConsentedAt = null;
        (ApprovedBy, ApprovedAt) = (null, null);
        UpdatedAt = now;
    }

    public void Approve(string by, DateTimeOffset now)
    {
        if (Status == StoryStatus.Approved) return;
        if (Status != StoryStatus.AwaitingApproval)
            throw new DomainException("Only a story both partners have agreed to can be approved; this one still waits for a partner's consent.");
        (ApprovedBy, ApprovedAt, RejectionReason, RejectedAt) = (by, now, null, null);
        UpdatedAt = now;
    }

    /// <summary>Sent back to the pair with the manager's sentence; both consent again once they have changed it.</summary>
    public void Reject(string reason, DateTimeOffset now)
    {
        if (Status != StoryStatus.AwaitingApproval)
            throw new DomainException("Only a story waiting for approval can be sent back.");
        var why = reason.Trim();
        if (why.Length is 0 or > RejectionMaxLength) throw new DomainException($"Say in up to {RejectionMaxLength} characters what the pair should change.");
        (RejectionReason, RejectedAt, MentorConsentedAt, MenteeConsentedAt) = (why, now, null, null);
        UpdatedAt = now;
    }

    private void SetText(string title, string text, IEnumerable<string> focusAreas, DateTimeOffset now)
    {
        (Title, Text) = (title.Trim(), text.Trim());
        if (Title.Length is 0 or > TitleMaxLength || Text.Length is 0 or > TextMaxLength)
            throw new DomainException($"A story needs a title of up to {TitleMaxLength} characters and a text of up to {TextMaxLength} characters.");
        FocusAreas = [.. focusAreas.Distinct()];
        UpdatedAt = now;
    }
}
