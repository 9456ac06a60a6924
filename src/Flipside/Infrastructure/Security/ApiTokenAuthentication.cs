using System.Security.Claims;
using System.Text.Encodings.Web;
using Flipside.Data;
using Flipside.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Flipside.Infrastructure.Security;

/// <summary>
/// Signs an API call in with a personal access token (<c>Authorization: Bearer flp_…</c>) as the token's account, with
/// the same principal the sign-in cookie would carry (roles read afresh on every call) plus the token's scopes, so every
/// endpoint's role and ownership checks apply unchanged. Only /api/v1 ever forwards here (<see cref="ApiTokenSetup"/>).
/// </summary>
public sealed class ApiTokenAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    FlipsideDb db, UserManager<FlipsideUser> users, IUserClaimsPrincipalFactory<FlipsideUser> principals, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiToken";
    public const string TokenIdClaim = "flipside:api_token";
    public const string ScopeClaim = "flipside:scope";
    /// <summary>Set by the scope policy when it refuses a token, so the 403 says which scope was missing.</summary>
    public const string RefusalItem = "flipside:api_token_refusal";

    /// <summary>The secret of an <c>Authorization: Bearer</c> header, or null when the request carries none.</summary>
    public static string? BearerSecret(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (BearerSecret(Request) is not { } secret) return AuthenticateResult.NoResult();
        var now = clock.GetUtcNow();
        var hash = Tokens.Hash(secret);
        var token = secret.StartsWith(ApiToken.Prefix, StringComparison.Ordinal)
            ? await db.ApiTokens.AsNoTracking().FirstOrDefaultAsync(t => t.SecretHash == hash, Context.RequestAborted)
            : null;
        if (token is null)
        {
            // Logged, not audited: anyone can send a made-up token, and the audit log must not be theirs to fill.
            Logger.LogInformation("Refused an unknown API token for {Method} {Path}", Request.Method, Request.Path);
            return AuthenticateResult.Fail("This API token is not known. Check that it was copied whole, or create a new one on your API tokens page.");
        }
        var user = await users.FindByIdAsync(token.UserId);
        var refusal = token.RevokedAt is { } revoked ? $"This API token was revoked on {revoked:yyyy-MM-dd HH:mm} UTC. Create a new one on your API tokens page."
            : token.IsExpired(now) ? $"This API token expired on {token.ExpiresAt:yyyy-MM-dd HH:mm} UTC. Create a new one on your API tokens page."
            : user is not { IsActive: true } ? "The account this API token belongs to is deactivated, so its tokens no longer work."
            : null;
        if (refusal is not null)
        {
            await RefusedTokenAudit.RecordAsync(db, token.UserId, "api-token.refused", nameof(ApiToken), token.Id,
                $"Refused {Request.Method} {Request.Path} with token \"{token.Name}\" ({token.Hint}…): {refusal}", now);
            return AuthenticateResult.Fail(refusal);
        }
        // At most one write a minute per token: a busy script must not turn every read into a write.
        var stale = now.AddMinutes(-1);
        await db.ApiTokens.Where(t => t.Id == token.Id && (t.LastUsedAt == null || t.LastUsedAt < stale))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), Context.RequestAborted);
        var cookieLike = await principals.CreateAsync(user!);
        var identity = new ClaimsIdentity(cookieLike.Claims, SchemeName, ClaimTypes.Name, ClaimTypes.Role);
        identity.AddClaim(new Claim(TokenIdClaim, token.Id.ToString()));
        foreach (var scope in token.ScopeList) identity.AddClaim(new Claim(ScopeClaim, scope.ToString()));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var reason = result.Failure?.Message ?? "This API call needs a valid token.";
        Response.Headers.WWWAuthenticate = $"Bearer error=\"invalid_token\", error_description=\"{reason.Replace("\"", "'", StringComparison.Ordinal)}\"";
        await Results.Problem(reason, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized: API token refused").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Results.Problem(Context.Items[RefusalItem] as string ?? "This token's account is not allowed to do this.",
            statusCode: StatusCodes.Status403Forbidden, title: "Not allowed").ExecuteAsync(Context);
}
