using System.Net;
using Flipside.Domain;
using Flipside.Features.ApiTokens;
using Flipside.Tests.ApiTokens;

namespace Flipside.Tests.Platform;

/// <summary>
/// The same matrix walked with API tokens instead of cookies: a token of each scope reaches exactly the endpoints its
/// scope covers among those its account may reach, is refused the rest with 403, and never opens a page.
/// </summary>
public sealed partial class AuthorizationTests
{
    private static readonly ApiScope[] AllScopes = Enum.GetValues<ApiScope>();

    [Fact]
    public async Task Tokens_NeverOpenPages()
    {
        var token = await Bearer.ClientOf(_app, _as[Roles.Administrator], AllScopes);
        foreach (var (method, _, path, audience) in Matrix.Where(m => !IsApi(m.Path) && m.Audience != Anyone))
        {
            var response = await token.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            Assert.True(RedirectsTo(response, "/Account/SignIn"), $"{method} {path} ({audience}) gave {(int)response.StatusCode} to an administrator's token");
        }
    }

    [Theory]
    [InlineData(Roles.Administrator, Roles.Administrator)]
    [InlineData(Roles.Administrator, Roles.ProgramManager)]
    [InlineData(Roles.ProgramManager, Roles.ProgramManager)]
    [InlineData(Roles.Administrator, SignedIn)]
    [InlineData(Roles.ProgramManager, SignedIn)]
    [InlineData(Roles.Sponsor, SignedIn)]
    [InlineData(Roles.Participant, SignedIn)]
    [InlineData(Roles.Administrator, Reporting)]
    [InlineData(Roles.ProgramManager, Reporting)]
    [InlineData(Roles.Sponsor, Reporting)]
    public async Task TokensOfEachScope_ReachOnlyTheirScopesEndpoints(string role, string audience)
    {
        var clients = new Dictionary<ApiScope, HttpClient>();
        foreach (var scope in AllScopes) clients[scope] = await Bearer.ClientOf(_app, _as[role], scope);
        var entries = Matrix.Where(m => m.Audience == audience && IsApi(m.Path) && !m.Pattern.Contains("sign-out", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(entries);
        foreach (var (method, pattern, path, _) in entries)
        {
            var need = ApiScopes.For(method, pattern);
            foreach (var (scope, client) in clients)
            {
                var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Body(path) });
                var status = (int)response.StatusCode;
                var covered = need is ApiScopes.AnyScope || need is ApiScopes.Scope s && s.Value == scope;
                if (covered)
                {
                    Assert.False(response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden,
                        $"{method} {path} gave {status} to a {role}'s {scope} token");
                    Assert.True(status < 500, $"{method} {path} gave {status} to a {role}'s {scope} token: a server error is never a pass");
                }
                else
                {
                    Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} ({need}) gave {status} to a {role}'s {scope} token");
                    var body = await response.Content.ReadAsStringAsync();
                    Assert.True(body.Contains("scope", StringComparison.Ordinal) || body.Contains("cannot manage API tokens", StringComparison.Ordinal),
                        $"{method} {path}: the refusal does not say why: {body}");
                }
            }
        }
    }

    [Theory]
    [InlineData(Roles.ProgramManager, Roles.Administrator)]
    [InlineData(Roles.Sponsor, Roles.Administrator)]
    [InlineData(Roles.Participant, Roles.Administrator)]
    [InlineData(Roles.Sponsor, Roles.ProgramManager)]
    [InlineData(Roles.Participant, Roles.ProgramManager)]
    [InlineData(Roles.Participant, Reporting)]
    public async Task Tokens_NeverGrantMoreThanTheirAccountsRoles(string role, string audience)
    {
        var token = await Bearer.ClientOf(_app, _as[role], AllScopes);
        foreach (var (method, _, path, _) in Matrix.Where(m => m.Audience == audience && IsApi(m.Path)))
        {
            var response = await token.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = Body(path) });
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path} ({audience}) gave {(int)response.StatusCode} to a {role}'s token with every scope");
        }
    }

    [Fact]
    public void TheScopeTable_PutsEachKindOfEndpointWhereItsNameSays()
    {
        Assert.Equal(new ApiScopes.Scope(ApiScope.ReadDirectory), ApiScopes.For("GET", "/api/v1/people/{id:guid}"));
        Assert.Equal(new ApiScopes.Scope(ApiScope.WriteDirectory), ApiScopes.For("POST", "/api/v1/people/import"));
        Assert.Equal(new ApiScopes.Scope(ApiScope.WriteDirectory), ApiScopes.For("PUT", "/api/v1/admin/users/{id}/roles"));
        Assert.Equal(new ApiScopes.Scope(ApiScope.Reports), ApiScopes.For("GET", "/api/v1/programs/{programId:guid}/impact.csv"));
        Assert.Equal(new ApiScopes.Scope(ApiScope.Reports), ApiScopes.For("GET", "/api/v1/cohorts/{cohortId:guid}/health"));
        Assert.Equal(new ApiScopes.Scope(ApiScope.Programs), ApiScopes.For("POST", "/api/v1/cohorts/{cohortId:guid}/matching/publish"));
        Assert.Equal(new ApiScopes.Scope(ApiScope.Programs), ApiScopes.For("GET", "/api/v1/pairings/{pairingId:guid}/notes"));
        Assert.Equal(ApiScopes.Any, ApiScopes.For("GET", "/api/v1/account/me"));
        Assert.Equal(ApiScopes.NoToken, ApiScopes.For("POST", "/api/v1/account/tokens/"));
    }

    private static StringContent Body(string path) => path.EndsWith("/import", StringComparison.Ordinal)
        ? new StringContent("", System.Text.Encoding.UTF8, "text/csv")
        : new StringContent("{}", System.Text.Encoding.UTF8, "application/json");
}
