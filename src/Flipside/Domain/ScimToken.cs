namespace Flipside.Domain;

/// <summary>
/// A bearer token an identity provider uses to provision the directory over SCIM. Only its hash is kept: the
/// administrator sees the token once, when it is made. A revoked token stays listed so the audit log's names resolve.
/// </summary>
public sealed class ScimToken
{
    public const int MaxNameLength = 100;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string Name { get; private set; } = "";
    public string TokenHash { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public string CreatedBy { get; private set; } = "";
    public DateTimeOffset? RevokedAt { get; private set; }
    public string? RevokedBy { get; private set; }
    public bool IsRevoked => RevokedAt is not null;

    private ScimToken() { }

    public ScimToken(string name, string tokenHash, string createdBy, DateTimeOffset at)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("Name the token after the identity provider that will use it, e.g. Okta.");
        if (name.Trim().Length > MaxNameLength) throw new DomainException($"Shorten the name to {MaxNameLength} characters.");
        (Name, TokenHash, CreatedBy, CreatedAt) = (name.Trim(), tokenHash, createdBy, at);
    }

    public void Revoke(string by, DateTimeOffset at)
    {
        if (IsRevoked) throw new DomainException($"The token {Name} is already revoked.");
        (RevokedAt, RevokedBy) = (at, by);
    }
}

/// <summary>
/// What an identity provider calls a person, beside the directory's own fields: the SCIM userName (often a sign-in name
/// that differs from the mailbox), its externalId, and the parts of the name it sent, returned as they came while the
/// directory's name is still the one they made.
/// </summary>
public sealed class ScimIdentity
{
    public Guid PersonId { get; private set; }
    /// <summary>Lower case: SCIM compares userName without regard to case.</summary>
    public string UserName { get; set; } = "";
    public string? ExternalId { get; set; }
    public string GivenName { get; set; } = "";
    public string FamilyName { get; set; } = "";
    /// <summary>The directory name the given and family names were sent with.</summary>
    public string NameSent { get; set; } = "";

    private ScimIdentity() { }

    public ScimIdentity(Guid personId) => PersonId = personId;
}
