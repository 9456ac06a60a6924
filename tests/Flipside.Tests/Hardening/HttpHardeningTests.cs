using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Tests.Support;

namespace Flipside.Tests.Hardening;

/// <summary>Cookie prefixes over HTTPS, no-store on what signed-in people see, per-account limits on bulk requests (issue 14).</summary>
public sealed class HttpsCookieTests : IDisposable
{
    private readonly FlipsideFactory _app = new FlipsideFactory().With("App:PublicUrl", "https://flipside.example.com");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task OverHttps_TheSessionAndAntiforgeryCookies_CarryTheHostPrefix_AndSecure()
    {
        var client = _app.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = true });
        var setup = await client.GetAsync("/Account/Setup");
        var response = await client.Submit("/Account/Setup", new Dictionary<string, string>
        {
            ["Input.Name"] = "Ada Admin", ["Input.Email"] = Given.AdminEmail, ["Input.Password"] = Given.Password, ["Input.ConfirmPassword"] = Given.Password,
        });

        var antiforgery = Assert.Single(setup.Headers.GetValues("Set-Cookie"), c => c.Contains("Antiforgery", StringComparison.Ordinal));
        var session = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.Contains("Flipside.Auth", StringComparison.Ordinal));
        foreach (var cookie in new[] { antiforgery, session })
        {
            Assert.StartsWith("__Host-Flipside.", cookie, StringComparison.Ordinal);
            Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("path=/", cookie, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("domain=", cookie, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/v1/account/me")).StatusCode);
    }
}

public sealed class PlainHttpAndCachingTests(FlipsideFactory app) : AdministeredTests(app)
{
    [Fact]
    public async Task OverPlainHttp_TheCookieKeepsItsPlainName_SoDevelopmentWorks()
    {
        var client = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        var response = await client.PostAsJsonAsync("/api/v1/account/sign-in", new { email = Given.AdminEmail, password = Given.Password });

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"));
        Assert.StartsWith("Flipside.Auth=", cookie, StringComparison.Ordinal);
        Assert.DoesNotContain("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/Account/SignOut")]
    [InlineData("/ApiTokens")]
    [InlineData("/api/v1/account/me")]
    [InlineData("/api/v1/people")]
    public async Task WhatASignedInPersonIsShown_IsNeverStored(string path)
    {
        var response = await Admin.GetAsync(path);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path} must send Cache-Control: no-store");
    }
}

public sealed class BulkRateLimitTests : IDisposable
{
    private readonly FlipsideFactory _app = new FlipsideFactory().With("Security:BulkRequestsPerMinute", "2");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Imports_TooOftenFromOneAccount_Get429WithRetryAfter_WhileAnotherAccountStillImports()
    {
        var admin = await Given.AnAdministrator(_app);
        var manager = await Given.AnAccount(_app, admin, "pam@example.com", Roles.ProgramManager);
        var csv = People.PeopleFiles.Csv(People.PeopleFiles.Row("P1"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await People.PeopleFiles.ImportCsv(admin, csv)).StatusCode);
        var limited = await People.PeopleFiles.ImportCsv(admin, csv);
        var other = await People.PeopleFiles.ImportCsv(manager, csv);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 must say when to retry");
        Assert.Contains("bulk requests", await limited.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
