using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flipside.Domain;
using Flipside.Features.Admin;
using Flipside.Infrastructure.Security;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.ApiTokens;

public sealed class ApiTokenTests(FlipsideFactory app) : AdministeredTests(app)
{
    [Fact]
    public async Task ATokenMadeOnThePage_IsShownOnce_StoredHashed_AndCallsTheApiAsItsAccount()
    {
        var page = await Admin.Submit("/ApiTokens", new Dictionary<string, string>
        {
            ["Input.Name"] = "HR sync", ["Input.Scopes"] = nameof(ApiScope.ReadDirectory), ["Input.ExpiresInDays"] = "30",
        });
        var html = await page.Html();
        var token = System.Text.RegularExpressions.Regex.Match(html, "id=\"new-token\"[^>]*value=\"(flp_[A-Za-z0-9_-]+)\"").Groups[1].Value;
        Assert.StartsWith(ApiToken.Prefix, token);

        var stored = await App.Query(db => db.ApiTokens.SingleAsync());
        Assert.Equal(Tokens.Hash(token), stored.SecretHash);
        Assert.DoesNotContain(token, JsonSerializer.Serialize(stored));
        Assert.DoesNotContain(token, await (await Admin.GetAsync("/ApiTokens")).Html());
        Assert.Contains("HR sync", await (await Admin.GetAsync("/ApiTokens")).Html());

        var me = await Bearer.Client(App, token).GetFromJsonAsync<JsonElement>("/api/v1/account/me");
        Assert.Equal(Given.AdminEmail, me.GetProperty("email").GetString());
        var people = await Bearer.Client(App, token).GetAsync("/api/v1/people");
        Assert.Equal(HttpStatusCode.OK, people.StatusCode);
        Assert.Contains(await App.Query(db => db.AuditLog.Select(a => a.Action).ToListAsync()), a => a == "api-token.created");
    }

    [Fact]
    public async Task AnExpiredToken_Gets401SayingItExpired_AndTheRefusalIsAudited()
    {
        var (_, token) = await Bearer.ATokenFor(Admin, 7, ApiScope.Programs);
        Assert.Equal(HttpStatusCode.OK, (await Bearer.Client(App, token).GetAsync("/api/v1/programs")).StatusCode);

        App.Clock.Advance(TimeSpan.FromDays(7));
        var response = await Bearer.Client(App, token).GetAsync("/api/v1/programs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("expired", problem.GetProperty("detail").GetString());
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("invalid_token", response.Headers.WwwAuthenticate.ToString());
        var audit = await App.Query(db => db.AuditLog.Where(a => a.Action == "api-token.refused").Select(a => a.Summary).ToListAsync());
        Assert.Contains(audit, s => s.Contains("expired", StringComparison.Ordinal) && s.Contains("/api/v1/programs", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARevokedToken_Gets401SayingItWasRevoked()
    {
        var (id, token) = await Bearer.ATokenFor(Admin, 30, ApiScope.Programs);

        var revoked = await Admin.DeleteAsync($"/api/v1/account/tokens/{id}");
        var response = await Bearer.Client(App, token).GetAsync("/api/v1/programs");

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("revoked", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
        var actions = await App.Query(db => db.AuditLog.Select(a => a.Action).ToListAsync());
        Assert.Contains("api-token.revoked", actions);
        Assert.Contains("api-token.refused", actions);
    }

    [Fact]
    public async Task RevokingOnThePage_StopsTheToken()
    {
        var (id, token) = await Bearer.ATokenFor(Admin, 30, ApiScope.Programs);
        var response = await Admin.Submit("/ApiTokens", new Dictionary<string, string> { ["id"] = id.ToString() }, "/ApiTokens?handler=Revoke");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("Revoked", await (await Admin.GetAsync("/ApiTokens")).Html());
        Assert.Equal(HttpStatusCode.Unauthorized, (await Bearer.Client(App, token).GetAsync("/api/v1/programs")).StatusCode);
    }

    [Fact]
    public async Task AnUnknownToken_Gets401SayingItIsNotKnown()
    {
        var response = await Bearer.Client(App, ApiToken.Prefix + "not-a-real-token").GetAsync("/api/v1/account/me");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("not known", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ADeactivatedAccountsTokens_StopWorkingAtOnce()
    {
        var pam = await Given.AnAccount(App, Admin, "pam@example.com", Roles.ProgramManager);
        var (_, token) = await Bearer.ATokenFor(pam, 30, ApiScope.Programs);
        Assert.Equal(HttpStatusCode.OK, (await Bearer.Client(App, token).GetAsync("/api/v1/programs")).StatusCode);
        var id = (await Admin.GetFromJsonAsync<List<ChangeAccount.AccountRow>>("/api/v1/admin/users"))!.Single(a => a.Email == "pam@example.com").Id;

        await Admin.PostAsync($"/api/v1/admin/users/{id}/deactivate", null);
        var response = await Bearer.Client(App, token).GetAsync("/api/v1/programs");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("deactivated", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ARoleTakenAway_IsTakenFromTheTokenToo()
    {
        var pam = await Given.AnAccount(App, Admin, "pam@example.com", Roles.ProgramManager);
        var token = Bearer.Client(App, (await Bearer.ATokenFor(pam, 30, ApiScope.Programs)).Token);
        var id = (await Admin.GetFromJsonAsync<List<ChangeAccount.AccountRow>>("/api/v1/admin/users"))!.Single(a => a.Email == "pam@example.com").Id;

        await Admin.PutAsJsonAsync($"/api/v1/admin/users/{id}/roles", new { roles = new[] { Roles.Participant } });

        Assert.Equal(HttpStatusCode.Forbidden, (await token.GetAsync("/api/v1/programs")).StatusCode);
    }

    [Fact]
    public async Task ATokenOfAnotherScope_Gets403NamingTheScope()
    {
        var token = await Bearer.ClientOf(App, Admin, ApiScope.ReadDirectory);

        var response = await token.PostAsJsonAsync("/api/v1/programs", new { name = "X" });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("\"programs\" scope", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task ATokenCannotMakeOrRevokeTokens()
    {
        var (id, token) = await Bearer.ATokenFor(Admin, 30, [.. Enum.GetValues<ApiScope>()]);
        var client = Bearer.Client(App, token);

        var made = await client.PostAsJsonAsync("/api/v1/account/tokens", new { name = "more", scopes = new[] { "Programs" }, expiresInDays = 30 });
        var revoked = await client.DeleteAsync($"/api/v1/account/tokens/{id}");

        Assert.Equal(HttpStatusCode.Forbidden, made.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, revoked.StatusCode);
        Assert.Equal(1, await App.Query(db => db.ApiTokens.CountAsync(t => t.RevokedAt == null)));
    }

    [Fact]
    public async Task ATokenNeverOpensAPage()
    {
        var token = await Bearer.ClientOf(App, Admin, [.. Enum.GetValues<ApiScope>()]);

        var response = await token.GetAsync("/Programs");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/SignIn", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task AnotherAccountsToken_CannotBeRevoked()
    {
        var pam = await Given.AnAccount(App, Admin, "pam@example.com", Roles.ProgramManager);
        var (id, _) = await Bearer.ATokenFor(pam, 30, ApiScope.Programs);

        Assert.Equal(HttpStatusCode.NotFound, (await Admin.DeleteAsync($"/api/v1/account/tokens/{id}")).StatusCode);
    }

    [Theory]
    [InlineData("{\"name\":\"\",\"scopes\":[\"Programs\"],\"expiresInDays\":30}", "name")]
    [InlineData("{\"name\":\"x\",\"scopes\":[],\"expiresInDays\":30}", "scopes")]
    [InlineData("{\"name\":\"x\",\"scopes\":[\"Programs\"],\"expiresInDays\":0}", "expiresInDays")]
    [InlineData("{\"name\":\"x\",\"scopes\":[\"Programs\"],\"expiresInDays\":400}", "expiresInDays")]
    public async Task ATokenRequestMissingWhatItNeeds_Gets400NamingTheField(string body, string field)
    {
        var response = await Admin.PostAsync("/api/v1/account/tokens", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task TheOpenApiDocument_DeclaresTheBearerScheme()
    {
        var document = await App.Browser().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer");
        Assert.Equal("http", scheme.GetProperty("type").GetString());
        Assert.Equal("bearer", scheme.GetProperty("scheme").GetString());
        Assert.True(document.GetProperty("security")[0].TryGetProperty("Bearer", out _));
    }
}
