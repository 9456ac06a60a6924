using System.Security.Claims;
using System.Text.Encodings.Web;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Flipside.Features.Scim;

/// <summary>
/// SCIM requests carry a SCIM token as a bearer token and nothing else: a signed-in administrator's cookie does not reach
/// /scim/v2, and a SCIM token reaches nothing but /scim/v2. Each request looks the token's hash up, so a revoked token
/// stops at once.
/// </summary>
public sealed class ScimAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, FlipsideDb db,
    TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ScimToken";
    public const string Policy = "ScimToken";
    public const string TokenClaim = "scim-token";

    public static void AddScim(IServiceCollection services)
    {
        services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ScimAuthentication>(SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, new AuthorizationPolicyBuilder(SchemeName).RequireClaim(TokenClaim).Build());
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var hash = Tokens.Hash(header["Bearer ".Length..].Trim());
        var token = await db.ScimTokens.AsNoTracking().Where(t => t.TokenHash == hash).Select(t => new { t.Id, t.Name, t.RevokedAt }).SingleOrDefaultAsync(Context.RequestAborted);
        // Logged, not audited: anyone can send a made-up token, and the audit log must not be theirs to fill.
        if (token is null) return AuthenticateResult.Fail("This SCIM token is not one Flipside made.");
        if (token.RevokedAt is not null)
        {
            var refusal = $"The SCIM token {token.Name} was revoked; make a new one on the SCIM tokens page.";
            await RefusedTokenAudit.RecordAsync(db, $"SCIM token {token.Name}", "scim-token.refused", nameof(ScimToken), token.Id,
                $"Refused {Request.Method} {Request.Path}: {refusal}", clock.GetUtcNow());
            return AuthenticateResult.Fail(refusal);
        }
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, token.Name), new Claim(TokenClaim, token.Name)], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    /// <summary>A SCIM error body, so the IdP's log says what is wrong with its credentials.</summary>
    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        var detail = result.Failure?.Message ?? "Send a SCIM token as Authorization: Bearer <token>; an administrator makes one on the SCIM tokens page.";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer realm=\"Flipside SCIM\"";
        Response.ContentType = ScimJson.ContentType;
        await Response.WriteAsync(ScimJson.Error(StatusCodes.Status401Unauthorized, null, detail).ToJsonString(), Context.RequestAborted);
    }
}
