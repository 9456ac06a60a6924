using System.Net;
using System.Text;
using Flipside.Domain;
using Flipside.Tests.Support;

namespace Flipside.Tests.People;

/// <summary>The directory is for administrators and program managers; sponsors and participants are refused.</summary>
public sealed class PeopleAccessTests(FlipsideFactory app) : IClassFixture<FlipsideFactory>, IAsyncLifetime
{
    // Shared by the class's tests and emptied before each: the configuration is the same for all of them.
    private readonly FlipsideFactory _app = app;
    private readonly Dictionary<string, HttpClient> _as = [];

    public async Task InitializeAsync()
    {
        await _app.ResetAsync();
        var admin = await Given.AnAdministrator(_app);
        _as[Roles.Administrator] = admin;
        foreach (var role in new[] { Roles.ProgramManager, Roles.Sponsor, Roles.Participant })
            _as[role] = await Given.AnAccount(_app, admin, $"{role.ToLowerInvariant()}@example.com", role);
    }

    // xunit disposes the class fixture after the class's last test.
    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task AProgramManager_Imports_ButMayNotMarkEveryoneMissingAsLeft()
    {
        var manager = _as[Roles.ProgramManager];
        Assert.Equal(2, (await manager.Applied(PeopleFiles.Csv(PeopleFiles.Row("E1"), PeopleFiles.Row("E2")))).Created);

        var everyone = await manager.ImportCsv(PeopleFiles.Csv(PeopleFiles.Row("E1")), markMissingAsLeft: true);
        var page = await (await manager.GetAsync("/People/Import")).Html();
        var adminPage = await (await _as[Roles.Administrator].GetAsync("/People/Import")).Html();

        Assert.Equal(HttpStatusCode.Forbidden, everyone.StatusCode);
        Assert.Contains("mark everyone missing from a file as left", await everyone.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.False(await _app.Query(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.AnyAsync(db.People, p => p.Status == PersonStatus.Left)));
        Assert.DoesNotContain("name=\"MarkMissingAsLeft\"", page, StringComparison.Ordinal);
        Assert.Contains("only an administrator can do it", page, StringComparison.Ordinal);
        Assert.Contains("name=\"MarkMissingAsLeft\"", adminPage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Sponsor)]
    [InlineData(Roles.Participant)]
    public async Task SponsorsAndParticipants_AreRefused_AndSeeNoPeopleLink(string role)
    {
        var client = _as[role];
        foreach (var page in new[] { "/People", "/People/Person?id=" + Guid.NewGuid(), "/People/Import" })
        {
            var response = await client.GetAsync(page);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/AccessDenied", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/v1/people")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync($"/api/v1/people/{Guid.NewGuid()}")).StatusCode);
        var import = await client.PostAsync("/api/v1/people/import", new StringContent(PeopleFiles.Csv(PeopleFiles.Row("X1")), Encoding.UTF8, "text/csv"));
        Assert.Equal(HttpStatusCode.Forbidden, import.StatusCode);
        Assert.Equal(0, await _app.PeopleCount());
        Assert.DoesNotContain("href=\"/People\"", await (await client.GetAsync("/")).Html(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Roles.Administrator)]
    [InlineData(Roles.ProgramManager)]
    public async Task Staff_ReachTheDirectory_FromTheNavigation(string role)
    {
        var home = await (await _as[role].GetAsync("/")).Html();
        Assert.Contains("href=\"/People\"", home, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await _as[role].GetAsync("/People")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _as[role].GetAsync("/People/Import")).StatusCode);
    }
}
