namespace Flipside.Domain;

/// <summary>What a personal access token may reach of what its account may reach.</summary>
public enum ApiScope
{
    /// <summary>Read the directory and the accounts (GET under /people and /admin/users).</summary>
    ReadDirectory,
    /// <summary>Change the directory: imports, leavers, accounts, invitations.</summary>
    WriteDirectory,
    /// <summary>Programs, cohorts, enrolments, matching, pairings and everything a pair does.</summary>
    Programs,
    /// <summary>Read-only aggregates: health, impact, survey results, showcase, insights to leadership.</summary>
    Reports,
}

/// <summary>
/// A personal access token for scripts calling the API as its account. Only a SHA-256 of the secret is stored, so a
/// database copy cannot be used to call the API; the hint (the secret's first characters) lets its owner tell tokens apart.
/// </summary>
public sealed class ApiToken
{
    /// <summary>Every secret starts with this, so secret scanners and people recognise a leaked Flipside token.</summary>
    public const string Prefix = "flp_";
    public const int MaxNameLength = 100;
    public const int MaxLifetimeDays = 366;

    public Guid Id { get; private set; } = Guid.NewGuid();
    public string UserId { get; private set; } = "";
    public string Name { get; private set; } = "";
    public string Hint { get; private set; } = "";
    public string SecretHash { get; private set; } = "";
    /// <summary>The scopes' names, comma-separated, as the enum spells them.</summary>
    public string Scopes { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset ExpiresAt { get; private set; }
    public DateTimeOffset? RevokedAt { get; private set; }
    public DateTimeOffset? LastUsedAt { get; private set; }

    private ApiToken() { }

    public ApiToken(string userId, string name, IReadOnlyCollection<ApiScope> scopes, string secret, string secretHash, DateTimeOffset now, DateTimeOffset expiresAt)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new DomainException("A token needs a name.");
        if (scopes.Count == 0) throw new DomainException("A token needs at least one scope.");
        if (expiresAt <= now || expiresAt > now.AddDays(MaxLifetimeDays)) throw new DomainException($"A token expires within {MaxLifetimeDays} days.");
        UserId = userId;
        Name = name.Trim();
        Scopes = string.Join(",", scopes.Distinct().Order());
        Hint = secret[..Math.Min(secret.Length, Prefix.Length + 6)];
        SecretHash = secretHash;
        CreatedAt = now;
        ExpiresAt = expiresAt;
    }

    public IReadOnlyList<ApiScope> ScopeList => [.. Scopes.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(Enum.Parse<ApiScope>)];

    public bool IsExpired(DateTimeOffset now) => now >= ExpiresAt;

    public string Status(DateTimeOffset now) => RevokedAt is not null ? "Revoked" : IsExpired(now) ? "Expired" : "Active";

    public void Revoke(DateTimeOffset now)
    {
        if (RevokedAt is not null) throw new DomainException("This token was already revoked.");
        RevokedAt = now;
    }
}
