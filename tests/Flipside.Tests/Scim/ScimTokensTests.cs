using System.Net;
using System.Text.Json.Nodes;
using Flipside.Domain;
using Flipside.Infrastructure.Security;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Flipside.Tests.Scim.ScimClient;

namespace Flipside.Tests.Scim;

/// <summary>An administrator makes, names, sees once and revokes SCIM tokens; a token reaches SCIM and nothing else.</summary>
public sealed class ScimTokensTests(FlipsideFactory app) : AdministeredTests(app)
{
    [Fact]
    public async Task AToken_IsShownOnce_StoredHashed_AndAudited()
    {
        var token = await MakeToken(Admin, "Okta");
        var stored = await App.Query(db => db.ScimTokens.SingleAsync());
        Assert.Equal(("Okta", Tokens.Hash(token), Given.AdminEmail), (stored.Name, stored.TokenHash, stored.CreatedBy));
        Assert.NotEqual(token, stored.TokenHash);
        var page = await (await Admin.GetAsync("/Scim/Tokens")).Html();
        Assert.Contains("Okta", page, StringComparison.Ordinal);
        Assert.DoesNotContain(token, page, StringComparison.Ordinal);
        Assert.Equal(1, await App.Query(db => db.AuditLog.CountAsync(a => a.Action == "scim-token.made" && a.Summary == "Okta")));
    }

    [Fact]
    public async Task ARevokedToken_IsRefusedWithABodyThatSaysSo()
    {
        var token = await MakeToken(Admin, "Okta");
        var idp = For(App, token);
        await idp.Send("GET", "/Users").Expect(HttpStatusCode.OK);
        var id = await App.Query(db => db.ScimTokens.Select(t => t.Id).SingleAsync());
        var revoked = await Admin.Submit("/Scim/Tokens", new Dictionary<string, string>(), $"/Scim/Tokens?handler=Revoke&id={id}");
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        var error = await idp.Send("GET", "/Users").Refused(HttpStatusCode.Unauthorized, null);
        Assert.Contains("revoked", (string?)error["detail"], StringComparison.Ordinal);
        Assert.Equal(1, await App.Query(db => db.AuditLog.CountAsync(a => a.Action == "scim-token.revoked")));
        await For(App, "not-a-token").Send("GET", "/Users").Refused(HttpStatusCode.Unauthorized, null);
    }

    [Fact]
    public async Task ATokenNeedsAName_AndTwoInUseCannotShareOne()
    {
        var empty = await Admin.Submit("/Scim/Tokens", new Dictionary<string, string> { ["Name"] = " " }, "/Scim/Tokens?handler=Make");
        Assert.Contains("Name the token", await empty.Html(), StringComparison.Ordinal);
        await MakeToken(Admin, "Okta");
        var twice = await Admin.Submit("/Scim/Tokens", new Dictionary<string, string> { ["Name"] = "Okta" }, "/Scim/Tokens?handler=Make");
        Assert.Contains("A token named Okta is in use", await twice.Html(), StringComparison.Ordinal);
        Assert.Equal(1, await App.Query(db => db.ScimTokens.CountAsync()));
    }

    [Fact]
    public async Task ATokenReachesOnlySCIM_AndACookieDoesNotReachSCIM()
    {
        var idp = For(App, await MakeToken(Admin));
        Assert.Equal(HttpStatusCode.Unauthorized, (await idp.GetAsync("/api/v1/people")).StatusCode);
        var manager = await Given.AnAccount(App, Admin, "pam@example.com", Roles.ProgramManager);
        foreach (var cookie in new[] { Admin, manager })
        {
            var response = await cookie.GetAsync("/scim/v2/Users");
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            Assert.Equal("application/scim+json", response.Content.Headers.ContentType?.MediaType);
            Assert.NotNull(JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]);
        }
    }
}
