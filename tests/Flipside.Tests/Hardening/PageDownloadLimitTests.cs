using System.Net;
using Flipside.Tests.Support;

namespace Flipside.Tests.Hardening;

public sealed class PageDownloadLimitTests : IAsyncLifetime
{
    private readonly FlipsideFactory _app = new FlipsideFactory().With("Security:BulkRequestsPerMinute", "3");
    private HttpClient _admin = null!;

    public async Task InitializeAsync() => _admin = await Given.AnAdministrator(_app);

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ThePagesDownloads_ShareTheBulkLimitPerAccount_AndSayWhyWhenRefused()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) statuses.Add((await _admin.GetAsync("/People/Import?handler=Sample")).StatusCode);
        var sample = await _admin.GetAsync("/People/Import?handler=Sample");
        var problems = await _admin.PostAsync("/People/Import?handler=Problems", new FormUrlEncodedContent(new Dictionary<string, string>()));

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, sample.StatusCode);
        Assert.True(sample.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 must say when to retry");
        Assert.Equal("Too many exports or bulk requests from your account. Wait a minute and try again.", await sample.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.TooManyRequests, problems.StatusCode);
    }

    [Fact]
    public async Task TheLimit_IsPerAccount_NotShared()
    {
        for (var i = 0; i < 4; i++) await _admin.GetAsync("/People/Import?handler=Sample");
        var other = await Given.AnAccount(_app, _admin, "pm@example.com", Flipside.Domain.Roles.ProgramManager);

        Assert.NotEqual(HttpStatusCode.TooManyRequests, (await other.GetAsync("/People/Import?handler=Sample")).StatusCode);
    }
}
