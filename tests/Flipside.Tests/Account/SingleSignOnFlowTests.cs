using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flipside.Domain;
using Flipside.TestIdentityProvider;
using Flipside.Tests.People;
using Flipside.Tests.Support;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Account;

/// <summary>
/// The whole sign-in over HTTP against a real OpenID Connect provider on loopback, without a browser: what the callback
/// writes (accounts, roles, audit entries) rather than how the pages look (tests/Flipside.BrowserTests covers those).
/// </summary>
public sealed class SingleSignOnFlowTests : IAsyncLifetime
{
    private const string Managers = "flipside-managers";
    private TestProvider _provider = null!;
    private FlipsideFactory _app = null!;
    private HttpClient _admin = null!;

    public async Task InitializeAsync()
    {
        _provider = await TestProvider.StartAsync();
        _app = new FlipsideFactory()
            .With("Sso:Authority", _provider.Authority.AbsoluteUri).With("Sso:ClientId", "flipside").With("Sso:ClientSecret", "secret")
            .With("Sso:DisplayName", "Contoso").With($"Sso:GroupRoles:{Managers}", Roles.ProgramManager);
        // The correlation cookie expires by the app's clock but is kept by the client's, which is the real one.
        _app.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        await _provider.AddClientAsync("flipside", "secret", new Uri("http://localhost/signin-oidc"));
        _admin = await Given.AnAdministrator(_app);
    }

    public async Task DisposeAsync()
    {
        _app.Dispose();
        await _provider.DisposeAsync();
    }

    [Fact]
    public async Task FirstSignIn_MakesTheAccount_WithTheGroupsRoles_AndAuditsIt()
    {
        await Directory(("Imani Sato", "imani@example.com", "active"));
        _provider.AddUser(new TestUser("imani", "Imani@Example.com", "Imani Sato", true, Managers));
        var client = _app.Browser();

        var landed = await SignInThroughProvider(client, "imani");

        Assert.Equal("/", landed.Headers.Location?.OriginalString);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/account/me");
        Assert.Equal("imani@example.com", me.GetProperty("email").GetString());
        Assert.Equal("Imani Sato", me.GetProperty("name").GetString());
        Assert.Equal(new[] { Roles.Participant, Roles.ProgramManager }, RolesOf(me));
        var audit = await _app.Query(db => db.AuditLog.Where(a => a.Actor == "single sign-on").OrderBy(a => a.Id).Select(a => a.Action).ToListAsync());
        Assert.Equal(["account.created", "account.linked", "account.roles-changed", "account.signed-in"], audit);
        var login = await _app.Query(db => db.UserLogins.SingleAsync());
        Assert.Equal((_provider.Authority.AbsoluteUri, "sub-imani"), (login.LoginProvider, login.ProviderKey));
    }

    [Fact]
    public async Task AnInvitedPersonOutsideTheDirectory_TakesTheInvitationUpAtFirstSignIn()
    {
        await Given.AnInvitationToken(_app, _admin, "ines@example.com", Roles.Sponsor);
        _provider.AddUser(new TestUser("ines", "ines@example.com", "Ines Invited"));
        var client = _app.Browser();

        var landed = await SignInThroughProvider(client, "ines");

        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/account/me");
        Assert.Equal(new[] { Roles.Sponsor }, RolesOf(me));
        Assert.NotNull(await _app.Query(db => db.Invitations.Where(i => i.Email == "ines@example.com").Select(i => i.UsedAt).SingleAsync()));
    }

    [Fact]
    public async Task AnEmailChangedAtTheProvider_StillReachesTheSameAccount_BySubject()
    {
        await Directory(("Kofi Mensah", "kofi@example.com", "active"));
        _provider.AddUser(new TestUser("kofi", "kofi@example.com", "Kofi Mensah"));
        await SignInThroughProvider(_app.Browser(), "kofi");
        _provider.AddUser(new TestUser("kofi", "kofi.mensah@example.com", "Kofi Mensah"));
        var client = _app.Browser();

        var landed = await SignInThroughProvider(client, "kofi");

        Assert.Equal(HttpStatusCode.Redirect, landed.StatusCode);
        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/account/me");
        Assert.Equal("kofi@example.com", me.GetProperty("email").GetString());
        Assert.Equal(1, await _app.Query(db => db.Users.CountAsync(u => u.Email != Given.AdminEmail)));
    }

    [Fact]
    public async Task AnAddressPassedToSomeoneElse_DoesNotOpenTheAccountLinkedToItsFormerHolder()
    {
        await Directory(("Sam Former", "sam@example.com", "active"));
        _provider.AddUser(new TestUser("sam-old", "sam@example.com", "Sam Former"));
        await SignInThroughProvider(_app.Browser(), "sam-old");
        _provider.AddUser(new TestUser("sam-new", "sam@example.com", "Sam Newcomer"));
        var client = _app.Browser();

        var refused = await SignInThroughProvider(client, "sam-new");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("belongs to another person at Contoso", await refused.Html());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/account/me")).StatusCode);
        Assert.Equal(["sub-sam-old"], await _app.Query(db => db.UserLogins.Select(l => l.ProviderKey).ToListAsync()));
        var entry = await _app.Query(db => db.AuditLog.SingleAsync(a => a.Action == "account.sign-in-refused"));
        Assert.Equal(("sam@example.com", "other-subject at single sign-on"), (entry.RecordId, entry.Summary));
    }

    [Fact]
    public async Task GroupsDecideOnlyTheirRoles_ARoleGivenByHandStays()
    {
        await Directory(("Omar Haddad", "omar@example.com", "active"));
        _provider.AddUser(new TestUser("omar", "omar@example.com", "Omar Haddad", true, Managers));
        await SignInThroughProvider(_app.Browser(), "omar");
        var id = await _app.Query(db => db.Users.Where(u => u.Email == "omar@example.com").Select(u => u.Id).SingleAsync());
        var given = await _admin.PutAsJsonAsync($"/api/v1/admin/users/{id}/roles", new { roles = new[] { Roles.Participant, Roles.ProgramManager, Roles.Sponsor } });
        Assert.Equal(HttpStatusCode.NoContent, given.StatusCode);
        _provider.AddUser(new TestUser("omar", "omar@example.com", "Omar Haddad", true));
        var client = _app.Browser();

        await SignInThroughProvider(client, "omar");

        var me = await client.GetFromJsonAsync<JsonElement>("/api/v1/account/me");
        Assert.Equal(new[] { Roles.Participant, Roles.Sponsor }, RolesOf(me));
    }

    [Fact]
    public async Task AStranger_IsRefused_NoAccountIsMade_AndTheRefusalIsAudited()
    {
        _provider.AddUser(new TestUser("tariq", "tariq@example.com", "Tariq Stranger"));
        var client = _app.Browser();

        var refused = await SignInThroughProvider(client, "tariq");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var html = await refused.Html();
        Assert.Contains("Nobody with the email address tariq@example.com is in Flipside's directory of people.", html);
        // Whom to ask, without handing a stranger the administrators' addresses.
        Assert.Contains("ask your HR team or Flipside administrator", html);
        Assert.DoesNotContain(Given.AdminEmail, html);
        Assert.False(await _app.Query(db => db.Users.AnyAsync(u => u.Email == "tariq@example.com")));
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/v1/account/me")).StatusCode);
        var entry = await _app.Query(db => db.AuditLog.SingleAsync(a => a.Action == "account.sign-in-refused"));
        Assert.Equal(("tariq@example.com", "not-in-directory at single sign-on"), (entry.RecordId, entry.Summary));
    }

    [Fact]
    public async Task AMissingEmailVerifiedClaim_IsNotVerified_UnlessTheSettingTrustsTheProvider()
    {
        await Directory(("Nadia Quiet", "nadia@example.com", "active"));
        _provider.AddUser(new TestUser("nadia", "nadia@example.com", "Nadia Quiet", EmailVerified: null));

        var refused = await SignInThroughProvider(_app.Browser(), "nadia");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("Contoso did not say whether your email address nadia@example.com is verified", await refused.Html());
        Assert.False(await _app.Query(db => db.Users.AnyAsync(u => u.Email == "nadia@example.com")));
        var entry = await _app.Query(db => db.AuditLog.SingleAsync(a => a.Action == "account.sign-in-refused"));
        Assert.Equal("unverified at single sign-on", entry.Summary);

        // As for Entra ID, which never sends the claim: an administrator says the provider's addresses are all verified.
        using var trusting = new FlipsideFactory()
            .With("Sso:Authority", _provider.Authority.AbsoluteUri).With("Sso:ClientId", "flipside").With("Sso:ClientSecret", "secret")
            .With("Sso:DisplayName", "Contoso").With("Sso:TrustEmailWithoutVerifiedClaim", "true").With("Sso:HelpContact", "the People Team at people@example.com");
        trusting.Clock.SetUtcNow(DateTimeOffset.UtcNow);
        var admin = await Given.AnAdministrator(trusting);
        await admin.Applied(PeopleFiles.Csv(PeopleFiles.Row("N1", name: "Nadia Quiet", email: "nadia@example.com")));
        var (app, adminOf) = (_app, _admin);
        (_app, _admin) = (trusting, admin);
        try
        {
            var client = _app.Browser();
            Assert.Equal("/", (await SignInThroughProvider(client, "nadia")).Headers.Location?.OriginalString);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/account/me")).StatusCode);
            // A stranger there is pointed at the configured contact.
            _provider.AddUser(new TestUser("sam", "sam@example.com", "Sam Stranger"));
            var stranger = await (await SignInThroughProvider(_app.Browser(), "sam")).Html();
            Assert.Contains("Ask the People Team at people@example.com to check your entry", stranger);
            Assert.DoesNotContain(Given.AdminEmail, stranger);
        }
        finally
        {
            (_app, _admin) = (app, adminOf);
        }
    }

    [Fact]
    public async Task AProviderThatStopsAnsweringOnTheWayBack_GivesTheUnavailablePage()
    {
        await Directory(("Lea Late", "lea@example.com", "active"));
        _provider.AddUser(new TestUser("lea", "lea@example.com", "Lea Late"));
        var client = _app.Browser();
        var callback = await ThroughProvider(client, "lea");
        await _provider.StopAsync();

        var back = await client.GetAsync(callback.PathAndQuery);

        Assert.Equal("/Account/SingleSignOn?handler=Failed&reason=unavailable", back.Headers.Location?.OriginalString);
        var page = await client.GetAsync(back.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, page.StatusCode);
        Assert.Contains("Contoso is not answering", await page.Html());
    }

    private static string[] RolesOf(JsonElement me) => [.. me.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).Order(StringComparer.Ordinal)];

    private async Task Directory(params (string Name, string Email, string Status)[] people)
    {
        var rows = people.Select((p, i) => $"SSO-{i},{p.Name},{p.Email},Analyst,3,Finance,London,Europe/London,,2020-01-15,,,{p.Status}");
        var csv = string.Join("\n", ["employee_id,name,email,title,grade,department,location,time_zone,manager_id,hire_date,birth_year,languages,status", .. rows]);
        var imported = await _admin.PostAsync("/api/v1/people/import", new StringContent(csv, System.Text.Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.OK, imported.StatusCode);
    }

    /// <summary>Flipside sends the browser to the provider, whose login form answers with a redirect to the callback.</summary>
    private async Task<Uri> ThroughProvider(HttpClient client, string username)
    {
        var start = await client.GetAsync("/Account/SingleSignOn");
        Assert.Equal(HttpStatusCode.Redirect, start.StatusCode);
        var authorize = start.Headers.Location!;
        Assert.StartsWith(_provider.Authority.AbsoluteUri, authorize.AbsoluteUri, StringComparison.Ordinal);
        var fields = QueryHelpers.ParseQuery(authorize.Query).ToDictionary(kv => kv.Key, kv => kv.Value.ToString());
        Assert.Equal("S256", fields["code_challenge_method"]);
        fields["username"] = username;
        fields["password"] = TestProvider.Password;
        using var browser = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        var answer = await browser.PostAsync(new Uri(authorize.GetLeftPart(UriPartial.Path)), new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, answer.StatusCode);
        return answer.Headers.Location!;
    }

    /// <summary>The whole round trip; the answer of the page the callback leads to (a redirect home, or a refusal).</summary>
    private async Task<HttpResponseMessage> SignInThroughProvider(HttpClient client, string username)
    {
        var callback = await ThroughProvider(client, username);
        var back = await client.GetAsync(callback.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, back.StatusCode);
        Assert.StartsWith("/Account/SingleSignOn?", back.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Contains("handler=Callback", back.Headers.Location.OriginalString, StringComparison.Ordinal);
        return await client.GetAsync(back.Headers.Location.OriginalString);
    }
}
