using Flipside.Features.ApiTokens;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Flipside.Infrastructure.Security;

/// <summary>
/// Personal access tokens beside the cookie: a policy scheme sends /api/v1 calls that carry a bearer token to
/// <see cref="ApiTokenAuthentication"/> and everything else to the cookie, so a token never opens a page. The scope
/// policy, required on the whole /api/v1 group, refuses a token whose scopes do not cover the endpoint.
/// </summary>
public static class ApiTokenSetup
{
    public const string CookieOrToken = "CookieOrApiToken";

    public static void AddApiTokens(this IServiceCollection services)
    {
        services.AddAuthentication(o =>
            {
                o.DefaultAuthenticateScheme = CookieOrToken;
                o.DefaultChallengeScheme = CookieOrToken;
                o.DefaultForbidScheme = CookieOrToken;
            })
            .AddPolicyScheme(CookieOrToken, "Cookie, or an API token on /api/v1", o => o.ForwardDefaultSelector = ctx =>
                UsesToken(ctx.Request) ? ApiTokenAuthentication.SchemeName : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, ApiTokenAuthentication>(ApiTokenAuthentication.SchemeName, null);
        services.AddSingleton<IAuthorizationHandler, ApiScopeHandler>();
    }

    public static bool UsesToken(HttpRequest request) =>
        request.Path.StartsWithSegments("/api/v1") && ApiTokenAuthentication.BearerSecret(request) is not null;

    /// <summary>The OpenAPI document names the bearer scheme, so generated clients send the token.</summary>
    public static void DeclareBearer(OpenApiOptions o) => o.AddDocumentTransformer((document, _, _) =>
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["Bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "Flipside personal access token (flp_…)",
            Description = "A personal access token made on the API tokens page; it acts as its account, within its scopes "
                + "(read directory, write directory, programs, reports). An expired or revoked token gets 401 saying which.",
        };
        document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] }];
        return Task.CompletedTask;
    });
}

public sealed class ApiScopeRequirement : IAuthorizationRequirement;

/// <summary>Cookies pass untouched; a token passes when its scopes cover what <see cref="ApiScopes"/> says the endpoint needs.</summary>
public sealed class ApiScopeHandler : AuthorizationHandler<ApiScopeRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, ApiScopeRequirement requirement)
    {
        if (!context.User.HasClaim(c => c.Type == ApiTokenAuthentication.TokenIdClaim))
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }
        if (context.Resource is not HttpContext http || http.GetEndpoint() is not RouteEndpoint endpoint) return Task.CompletedTask;
        var refusal = ApiScopes.For(http.Request.Method, endpoint.RoutePattern.RawText ?? "") switch
        {
            ApiScopes.AnyScope => null,
            ApiScopes.Scope s when context.User.HasClaim(ApiTokenAuthentication.ScopeClaim, s.Value.ToString()) => null,
            ApiScopes.Scope s => $"This token does not have the \"{ApiScopes.Name(s.Value)}\" scope that this endpoint needs.",
            _ => "API tokens cannot manage API tokens. Sign in to Flipside to create or revoke them.",
        };
        if (refusal is null) context.Succeed(requirement);
        else http.Items[ApiTokenAuthentication.RefusalItem] = refusal;
        return Task.CompletedTask;
    }
}
