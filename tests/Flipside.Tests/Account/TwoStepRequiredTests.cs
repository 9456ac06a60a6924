using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Tests.Support;

namespace Flipside.Tests.Account;

public sealed class TwoStepRequiredTests : IAsyncLifetime
{
    private readonly FlipsideFactory _app = new FlipsideFactory().With("Security:RequireMfaForAdministrators", "true");
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await Given.AnAdministrator(_app);

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task AnAdministratorWithoutTwoStep_IsSentToSetItUp_BeforeAnythingElse_AndLetThroughAfter()
    {
        var home = await _admin.GetAsync("/Admin/Users");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/TwoStep", home.Headers.Location?.OriginalString);
        var api = await _admin.GetAsync("/api/v1/admin/users");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Contains("must use two-step sign-in", await api.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Contains("Administrators must use two-step sign-in here", await (await _admin.GetAsync("/TwoStep")).Html(), StringComparison.Ordinal);

        await TwoStep.SetUp(_admin);

        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("/Admin/Users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _admin.GetAsync("/api/v1/admin/users")).StatusCode);
    }

    [Fact]
    public async Task OtherRoles_AreNotAsked()
    {
        var participant = await Given.AnAccount(_app, await Enabled(), "pat@example.com", Roles.Participant);

        Assert.Equal(HttpStatusCode.OK, (await participant.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await participant.GetAsync("/api/v1/account/me")).StatusCode);
    }

    private async Task<HttpClient> Enabled()
    {
        await TwoStep.SetUp(_admin);
        return _admin;
    }
}

public sealed class TwoStepRateLimitTests : IAsyncLifetime
{
    private readonly FlipsideFactory _app = new FlipsideFactory().With("Security:SignInAttemptsPerMinute", "3");

    public async Task InitializeAsync() => await Given.AnAdministrator(_app);

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task TheCodeStep_CountsAgainstTheSignInLimit()
    {
        var client = _app.Browser();
        for (var i = 0; i < 3; i++) await client.PostAsJsonAsync("/api/v1/account/sign-in", new { email = "x@example.com", password = "whatever whatever" });

        var code = await client.PostAsync("/Account/SignInCode", new FormUrlEncodedContent(new Dictionary<string, string> { ["Code"] = "123456" }));

        Assert.Equal(HttpStatusCode.TooManyRequests, code.StatusCode);
        Assert.Contains("Too many sign-in attempts", await code.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
