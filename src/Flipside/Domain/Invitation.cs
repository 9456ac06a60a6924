namespace Flipside.Domain;

/// <summary>
/// An administrator's invitation to create an account. Only a hash of the token is stored, so a
/// database copy cannot be turned into working links.
/// </summary>
public sealed class Invitation
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Email { get; private set; } = "";
    public string DisplayName { get; private set; } = "";
    public string Role { get; private set; } = Roles.Participant;
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? UsedAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public string InvitedByUserId { get; private set; } = "";

    private Invitation() { }

    public Invitation(string email, string displayName, string role, string tokenHash, string invitedBy, DateTimeOffset now)
    {
        if (!Roles.IsKnown(role)) throw new DomainException($"Unknown role '{role}'.");
        Email = email;
        DisplayName = displayName;
        Role = role;
        TokenHash = tokenHash;
        InvitedByUserId = invitedBy;
        CreatedAt = now;
        ExpiresAt = now + Lifetime;
    }

    public bool IsOpen(DateTimeOffset now) => UsedAt is null && RevokedAt is null && now < ExpiresAt;

    public void MarkUsed(DateTimeOffset now)
    {
        if (UsedAt is not null) throw new DomainException("This invitation has already been used.");
        if (RevokedAt is not null) throw new DomainException("This invitation was withdrawn.");
        if (now >= ExpiresAt) throw new DomainException("This invitation has expired.");
        UsedAt = now;
    }

    public void Revoke(DateTimeOffset now) => RevokedAt ??= now;
}
