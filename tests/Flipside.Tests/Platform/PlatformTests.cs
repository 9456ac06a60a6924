using System.Net;
using System.Net.Http.Json;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Platform;

public sealed class PlatformTests : IDisposable
{
    private readonly FlipsideFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Theory]
    [InlineData("/Account/Setup")]
    [InlineData("/health")]
    [InlineData("/api/v1/account/me")]
    [InlineData("/no-such-page")]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path)
    {
        var response = await _app.Browser().GetAsync(path);

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    [Fact]
    public async Task ATakeWithoutAnOrderBy_FailsInTheTests_SoNoQueryShipsWithEfCoresWarning()
    {
        var unordered = await Assert.ThrowsAsync<InvalidOperationException>(() => _app.Query(db => db.People.Take(2).ToListAsync()));

        Assert.Contains("RowLimitingOperationWithoutOrderByWarning", unordered.Message);
        Assert.Empty(await _app.Query(db => db.People.OrderBy(p => p.Name).Take(2).ToListAsync()));
    }

    [Fact]
    public async Task TheFavicon_IsServed_EvenBeforeSetup_AndEveryPageLinksIt()
    {
        var client = _app.Browser();

        var icon = await client.GetAsync("/favicon.svg");
        var setup = await (await client.GetAsync("/Account/Setup")).Html();

        Assert.Equal(HttpStatusCode.OK, icon.StatusCode);
        Assert.Equal("image/svg+xml", icon.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await icon.Content.ReadAsStringAsync());
        Assert.Matches("<link rel=\"icon\" href=\"/favicon[^\"]*svg[^\"]*\" type=\"image/svg\\+xml\" />", setup);
    }

    [Fact]
    public async Task Health_Is200_WhenTheDatabaseAnswers_And503_WhenItDoesNot()
    {
        var client = _app.Browser();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        _app.Database.Break();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
    }

    [Fact]
    public async Task Cookies_AreHttpOnlyAndSameSite()
    {
        var client = await Given.AnAdministrator(_app);
        var page = await client.GetAsync("/Admin/Invite");
        var setup = await _app.Browser().GetAsync("/Account/SignIn");

        var cookies = page.Headers.Concat(setup.Headers).Where(h => h.Key == "Set-Cookie").SelectMany(h => h.Value).ToList();
        Assert.NotEmpty(cookies);
        Assert.All(cookies, c =>
        {
            Assert.Contains("httponly", c, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("samesite", c, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Fact]
    public async Task AForm_PostedWithoutItsAntiforgeryToken_IsRefused()
    {
        var response = await _app.Browser().PostAsync("/Account/Setup", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Name"] = "Mallory", ["Input.Email"] = "mallory@example.com", ["Input.Password"] = Given.Password, ["Input.ConfirmPassword"] = Given.Password,
        }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await _app.Query(db => Task.FromResult(db.Users.Count())));
    }

    [Fact]
    public async Task ApiErrors_AreProblemDetails()
    {
        var admin = await Given.AnAdministrator(_app);

        var unknown = await admin.GetAsync("/api/v1/no-such-endpoint");
        var anonymous = await _app.Browser().GetAsync("/api/v1/account/me");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal("application/problem+json", unknown.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task APageThatIsNotThere_GetsAFriendlyPage_NotAStackTrace()
    {
        var admin = await Given.AnAdministrator(_app);

        var response = await admin.GetAsync("/Admin/OutboxMessage?id=00000000-0000-0000-0000-000000000001");
        var html = await response.Html();

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("Page not found", html);
        Assert.DoesNotContain("   at ", html);
    }

    [Fact]
    public async Task AFormSentWithoutItsAntiforgeryToken_IsRefused_WithWordsAboutTheForm()
    {
        var admin = await Given.AnAdministrator(_app);

        var response = await admin.PostAsync("/Admin/Invite", new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Email"] = "x@example.com" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("That form could not be sent", await response.Html());
    }

    [SkippableFact]
    public async Task Sqlite_RunsInWalMode_SoReadersDoNotWaitForWriters()
    {
        Skip.If(TestDatabase.IsPostgres, "PostgreSQL has no journal mode to check; this runs on the SQLite pass.");

        var mode = await _app.Query(async db =>
        {
            var connection = db.Database.GetDbConnection();
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode;";
            return (string?)await command.ExecuteScalarAsync();
        });

        Assert.Equal("wal", mode);
    }

    [Theory]
    [InlineData("same-site", HttpStatusCode.Forbidden)]
    [InlineData("cross-site", HttpStatusCode.Forbidden)]
    [InlineData("same-origin", HttpStatusCode.NoContent)]
    [InlineData(null, HttpStatusCode.NoContent)] // not a browser: automation sends no fetch metadata
    public async Task AnApiChange_ABrowserSaysCameFromAnotherSite_IsRefused(string? site, HttpStatusCode expected)
    {
        var admin = await Given.AnAdministrator(_app);
        await Given.AnAccount(_app, admin, "nia@example.com", Flipside.Domain.Roles.Participant);
        var id = (await admin.GetFromJsonAsync<List<Flipside.Features.Admin.ChangeAccount.AccountRow>>("/api/v1/admin/users"))!.Single(a => a.Email == "nia@example.com").Id;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/admin/users/{id}/deactivate");
        if (site is not null) request.Headers.Add("Sec-Fetch-Site", site);

        var response = await admin.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        var users = await admin.GetFromJsonAsync<List<Flipside.Features.Admin.ChangeAccount.AccountRow>>("/api/v1/admin/users");
        Assert.Equal(expected != HttpStatusCode.NoContent, users!.Single(a => a.Email == "nia@example.com").IsActive);
    }

    [Fact]
    public async Task TheErrorPage_SaysWhatToDo_WithoutDetails()
    {
        var html = await (await _app.Browser().GetAsync("/Shared/Error")).Html();

        Assert.Contains("Something went wrong", html);
        Assert.DoesNotContain("Exception", html);
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheApi()
    {
        var doc = await _app.Browser().GetFromJsonAsync<System.Text.Json.JsonElement>("/openapi/v1.json");

        var paths = doc.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("/api/v1/admin/invitations", paths);
        Assert.Contains("/api/v1/account/me", paths);
    }
}
