using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using Flipside.Domain;
using Flipside.Features.Account;
using Flipside.Infrastructure.Security;
using Flipside.Infrastructure.Startup;
using Flipside.Tests.Support;
using Microsoft.Extensions.Configuration;

namespace Flipside.Tests.Account;

/// <summary>What single sign-on's settings turn on and off, with no provider needed: one that is down is enough.</summary>
public sealed class SingleSignOnSettingsTests
{
    [Fact]
    public async Task WithoutSettings_TheSignInPageOffersNoProvider_AndTheSsoPageIsNotFound()
    {
        using var app = new FlipsideFactory();
        await Given.AnAdministrator(app);
        var client = app.Browser();

        Assert.DoesNotContain("Sign in with", await (await client.GetAsync("/Account/SignIn")).Html());
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/Account/SingleSignOn")).StatusCode);
    }

    [Fact]
    public async Task AProviderThatIsDown_GivesAClearPage_AndPasswordsStillWork()
    {
        using var app = WithProvider(ClosedPort());
        await Given.AnAdministrator(app);
        var client = app.Browser();

        Assert.Contains("Sign in with Contoso", await (await client.GetAsync("/Account/SignIn")).Html());
        var down = await client.GetAsync("/Account/SingleSignOn");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Contains("Contoso is not answering", await down.Html());
        await Given.SignedIn(app, Given.AdminEmail);
        Assert.Equal(HttpStatusCode.OK, (await app.Browser().GetAsync("/health")).StatusCode);
    }

    [Theory]
    [InlineData("unavailable", HttpStatusCode.ServiceUnavailable, "Contoso is not answering")]
    [InlineData("cancelled", HttpStatusCode.BadRequest, "Sign-in with Contoso was cancelled")]
    [InlineData("rejected", HttpStatusCode.BadRequest, "Sign-in with Contoso did not complete")]
    [InlineData("made-up", HttpStatusCode.BadRequest, "Sign-in with Contoso did not complete")]
    public async Task AFailureOnTheWayBack_IsExplained(string reason, HttpStatusCode status, string heading)
    {
        using var app = WithProvider(ClosedPort());
        await Given.AnAdministrator(app);

        var page = await app.Browser().GetAsync($"/Account/SingleSignOn?handler=Failed&reason={reason}");

        Assert.Equal(status, page.StatusCode);
        Assert.Contains(heading, await page.Html());
    }

    [Fact]
    public async Task SsoOnly_RefusesPasswords_ExceptTheBreakGlassAdministrators()
    {
        using var app = WithProvider(ClosedPort()).With("Sso:Only", "true").With("Sso:BreakGlassEmail", Given.AdminEmail.ToUpperInvariant());
        var admin = await Given.AnAdministrator(app);
        var token = await Given.AnInvitationToken(app, admin, "pat@example.com", Roles.ProgramManager);
        // Under SSO only, an invitation cannot set a password either: the API refuses as the page does.
        Assert.Equal(HttpStatusCode.Forbidden, (await app.Browser().PostAsJsonAsync("/api/v1/account/invitations/accept", new { token, password = Given.Password })).StatusCode);

        var page = await app.Browser().Submit("/Account/SignIn", new Dictionary<string, string> { ["Input.Email"] = "pat@example.com", ["Input.Password"] = Given.Password });
        var api = await app.Browser().PostAsJsonAsync("/api/v1/account/sign-in", new { email = "pat@example.com", password = Given.Password });

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Html();
        Assert.Contains(SignInWithPassword.Failed, html);
        Assert.Contains("Emergency administrator sign-in", html);
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        await Given.SignedIn(app, Given.AdminEmail);
    }

    [Theory]
    [InlineData("Sso:Only=true", "Sso:Authority is empty")]
    [InlineData("Sso:Authority=http://login.example.com/;Sso:ClientId=x", "must be reached over https")]
    [InlineData("Sso:Authority=https://login.example.com/", "Sso:ClientId is empty")]
    [InlineData("Sso:Authority=https://login.example.com/;Sso:ClientId=x;Sso:GroupRoles:staff=Boss", "Sso:GroupRoles:staff is 'Boss'")]
    [InlineData("Sso:Authority=https://login.example.com/;Sso:ClientId=x;Sso:Only=true", "Sso:BreakGlassEmail is empty")]
    public void SettingsThatCannotWork_StopStartUpWithOneLine(string settings, string message)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(settings.Split(';').Select(s => s.Split('=', 2))
            .Select(kv => new KeyValuePair<string, string?>(kv[0], kv[1]))).Build();

        var refused = Assert.Throws<StartupException>(() => SsoSettings.From(config));

        Assert.Contains(message, refused.Message, StringComparison.Ordinal);
    }

    private static FlipsideFactory WithProvider(int port) => new FlipsideFactory()
        .With("Sso:Authority", $"http://127.0.0.1:{port}/").With("Sso:ClientId", "flipside").With("Sso:DisplayName", "Contoso");

    /// <summary>A loopback port that nothing listens on: a provider that is down.</summary>
    private static int ClosedPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
