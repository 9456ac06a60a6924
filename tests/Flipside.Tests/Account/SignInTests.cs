using System.Net;
using System.Net.Http.Json;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Account;

public sealed class SignInTests : IAsyncLifetime
{
    private readonly FlipsideFactory _app = new();

    public async Task InitializeAsync() => await Given.AnAdministrator(_app);

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    private Task<HttpResponseMessage> SignIn(HttpClient client, string email, string password) =>
        client.Submit("/Account/SignIn", new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Password"] = password });

    [Fact]
    public async Task SignIn_WithTheRightPassword_LandsOnHome()
    {
        var client = _app.Browser();
        var response = await SignIn(client, Given.AdminEmail, Given.Password);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
    }

    [Fact]
    public async Task SignIn_WithAWrongPasswordOrUnknownEmail_GivesTheSameMessage()
    {
        var wrong = await (await SignIn(_app.Browser(), Given.AdminEmail, "not the password at all")).Html();
        var unknown = await (await SignIn(_app.Browser(), "nobody@example.com", Given.Password)).Html();

        Assert.Contains("Email or password is incorrect.", wrong);
        Assert.Contains("Email or password is incorrect.", unknown);
    }

    [Fact]
    public async Task SignIn_AfterFiveFailures_IsLockedOut_WithTheSameMessage()
    {
        for (var i = 0; i < 5; i++) await SignIn(_app.Browser(), Given.AdminEmail, "not the password at all");

        var locked = await SignIn(_app.Browser(), Given.AdminEmail, Given.Password);

        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("Email or password is incorrect.", await locked.Html());
        var api = await _app.Browser().PostAsJsonAsync("/api/v1/account/sign-in", new { email = Given.AdminEmail, password = Given.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
    }

    [Fact]
    public async Task ALockout_LastsFiveMinutes_ThenTheRightPasswordWorksAgain()
    {
        for (var i = 0; i < 5; i++) await SignIn(_app.Browser(), Given.AdminEmail, "not the password at all");

        // Identity stamps lockouts with the system clock, not the app's TimeProvider, so the test reads the end it set.
        var end = await _app.Query(db => db.Users.Select(u => u.LockoutEnd).SingleAsync());
        Assert.InRange(end!.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(4.5), TimeSpan.FromMinutes(5));

        await _app.Query(async db => { (await db.Users.SingleAsync()).LockoutEnd = DateTimeOffset.UtcNow.AddSeconds(-1); return await db.SaveChangesAsync(); });
        Assert.Equal(HttpStatusCode.Redirect, (await SignIn(_app.Browser(), Given.AdminEmail, Given.Password)).StatusCode);
    }

    [Fact]
    public async Task SignIn_WithMissingFields_NamesEachField()
    {
        var html = await (await SignIn(_app.Browser(), "", "")).Html();

        Assert.Contains("Enter your email address.", html);
        Assert.Contains("Enter your password.", html);
    }
}

public sealed class SignInRateLimitTests : IDisposable
{
    private readonly FlipsideFactory _app = new FlipsideFactory().With("Security:SignInAttemptsPerMinute", "3");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task SignIn_TooOftenFromOneAddress_Returns429WithRetryAfter()
    {
        var client = _app.Browser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
            statuses.Add((await client.PostAsJsonAsync("/api/v1/account/sign-in", new { email = "x@example.com", password = "whatever whatever" })).StatusCode);
        var limited = await client.PostAsJsonAsync("/api/v1/account/sign-in", new { email = "x@example.com", password = "whatever whatever" });

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 must say when to retry");
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        var problem = await limited.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("Too many sign-in attempts", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_WithATrailingSlash_CountsAgainstTheSameLimit()
    {
        var client = _app.Browser();
        for (var i = 0; i < 3; i++)
            await client.PostAsJsonAsync("/api/v1/account/sign-in", new { email = "x@example.com", password = "whatever whatever" });

        var slashed = await client.PostAsJsonAsync("/api/v1/account/sign-in/", new { email = "x@example.com", password = "whatever whatever" });
        var page = await client.PostAsync("/Account/SignIn/", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x@example.com" }));

        Assert.Equal(HttpStatusCode.TooManyRequests, slashed.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, page.StatusCode);
    }
}
