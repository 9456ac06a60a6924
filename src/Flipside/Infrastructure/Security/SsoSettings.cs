using System.Net;
using Flipside.Domain;
using Flipside.Infrastructure.Startup;

namespace Flipside.Infrastructure.Security;

/// <summary>
/// Single sign-on through an OpenID Connect provider, from the <c>Sso</c> section. Off unless <c>Sso:Authority</c> is
/// set; a setting that cannot work stops start-up with one line rather than failing at someone's first sign-in.
/// </summary>
public sealed record SsoSettings(
    Uri Authority, string ClientId, string? ClientSecret, IReadOnlyList<string> Scopes, string EmailClaim, string GroupsClaim,
    string DisplayName, IReadOnlyDictionary<string, string> GroupRoles, bool Only, string? BreakGlassEmail,
    bool TrustEmailWithoutVerifiedClaim = false, string? HelpContact = null)
{
    /// <summary>The authentication scheme's name; the provider redirects back to <see cref="CallbackPath"/>.</summary>
    public const string Scheme = "oidc";
    public const string CallbackPath = "/signin-oidc";

    /// <summary>The roles that groups decide: sign-in grants them from the person's groups and takes away the rest of them.</summary>
    public IReadOnlySet<string> MappedRoles { get; } = GroupRoles.Values.ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether a password may open this account: always without <see cref="Only"/>, else for the break-glass account alone.</summary>
    public bool AllowsPassword(string email) =>
        !Only || string.Equals(email.Trim(), BreakGlassEmail, StringComparison.OrdinalIgnoreCase);

    public static SsoSettings? From(IConfiguration config)
    {
        var section = config.GetSection("Sso");
        var authority = section["Authority"]?.Trim();
        if (string.IsNullOrEmpty(authority))
            return section.GetValue("Only", false)
                ? throw new StartupException("Sso:Only is true but Sso:Authority is empty; set the provider's address or turn Sso:Only off.")
                : null;
        if (!Uri.TryCreate(authority, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http") || uri.Query.Length > 0)
            throw new StartupException($"Sso:Authority is '{authority}'; use the provider's issuer address, such as https://login.microsoftonline.com/<tenant>/v2.0.");
        if (uri.Scheme == "http" && !IsLoopback(uri))
            throw new StartupException($"Sso:Authority is '{authority}'; a provider must be reached over https (plain http only on this machine, for trials).");
        var clientId = section["ClientId"]?.Trim();
        if (string.IsNullOrEmpty(clientId))
            throw new StartupException("Sso:ClientId is empty; copy the application (client) id that the provider gave Flipside.");
        var scopes = (section["Scopes"] is { Length: > 0 } s ? s : "openid profile email")
            .Split([' ', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.Ordinal).ToList();
        if (!scopes.Contains("openid")) scopes.Insert(0, "openid");
        var groupRoles = section.GetSection("GroupRoles").GetChildren()
            .ToDictionary(g => g.Key, g => g.Value?.Trim() ?? "", StringComparer.Ordinal);
        if (groupRoles.FirstOrDefault(g => !Roles.IsKnown(g.Value)) is { Key: not null } bad)
            throw new StartupException($"Sso:GroupRoles:{bad.Key} is '{bad.Value}'; use one of {string.Join(", ", Roles.All)}.");
        var only = section.GetValue("Only", false);
        var breakGlass = section["BreakGlassEmail"]?.Trim();
        // Without a way in that does not depend on the provider, an outage or a wrong setting would lock everyone out.
        if (only && string.IsNullOrEmpty(breakGlass))
            throw new StartupException("Sso:Only is true but Sso:BreakGlassEmail is empty; name the administrator account that may still sign in with a password.");
        return new(uri, clientId, section["ClientSecret"] is { Length: > 0 } secret ? secret : null, scopes,
            section["EmailClaim"] is { Length: > 0 } e ? e.Trim() : "email", section["GroupsClaim"] is { Length: > 0 } g ? g.Trim() : "groups",
            section["DisplayName"] is { Length: > 0 } n ? n.Trim() : "single sign-on", groupRoles, only, string.IsNullOrEmpty(breakGlass) ? null : breakGlass,
            section.GetValue("TrustEmailWithoutVerifiedClaim", false), section["HelpContact"] is { Length: > 0 } help ? help.Trim() : null);
    }

    public static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
}
