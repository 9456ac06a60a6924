using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flipside.Domain;
using Flipside.Tests.Support;

namespace Flipside.Tests.Audit;

/// <summary>Administrators read, filter and export the audit log: the page, GET /api/v1/audit and its CSV.</summary>
public sealed class AuditLogPageTests(FlipsideFactory app) : AdministeredTests(app)
{
    private async Task RefusedSignIns(int count, string email = "someone@example.com")
    {
        for (var i = 0; i < count; i++)
            await App.Browser().PostAsJsonAsync("/api/v1/account/sign-in", new { email, password = "not it at all 123" });
    }

    private async Task<JsonElement> Audit(string query)
    {
        var response = await Admin.GetAsync("/api/v1/audit" + query);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
    }

    [Fact]
    public async Task Api_PagesByFifty_NewestFirst()
    {
        await RefusedSignIns(55);

        var first = await Audit("?action=account.sign-in-refused");
        var second = await Audit("?action=account.sign-in-refused&page=2");

        Assert.Equal(50, first.GetProperty("entries").GetArrayLength());
        Assert.True(first.GetProperty("hasMore").GetBoolean());
        Assert.Equal(5, second.GetProperty("entries").GetArrayLength());
        Assert.False(second.GetProperty("hasMore").GetBoolean());
        var ids = first.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(ids.OrderDescending(), ids);
    }

    [Fact]
    public async Task Api_FiltersByActorActionRecordTypeAndDays()
    {
        await Given.AnAccount(App, Admin, "pat@example.com", Roles.Participant);
        await RefusedSignIns(2, "ghost@example.com");

        var byAdmin = await Audit($"?actor={Given.AdminEmail}&action=account");
        var byType = await Audit("?recordType=Email");
        var today = FlipsideFactory.Start.ToString("yyyy-MM-dd");
        var inRange = await Audit($"?from={today}&to={today}&recordType=Email");
        var later = await Audit("?from=2030-01-01&recordType=Email");
        var byAnonymous = await Audit("?actor=anonymous");

        var adminActions = byAdmin.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("action").GetString()).ToList();
        Assert.Contains("account.invited", adminActions);
        Assert.All(byAdmin.GetProperty("entries").EnumerateArray(), e => Assert.Equal(Given.AdminEmail, e.GetProperty("actorEmail").GetString()));
        Assert.DoesNotContain("account.sign-in-refused", adminActions);
        Assert.Equal(2, byType.GetProperty("entries").GetArrayLength());
        Assert.Equal(2, inRange.GetProperty("entries").GetArrayLength());
        Assert.Equal(0, later.GetProperty("entries").GetArrayLength());
        Assert.Equal(2, byAnonymous.GetProperty("entries").GetArrayLength());
    }

    [Theory]
    [InlineData("?from=2026-13-01", "from")]
    [InlineData("?to=yesterday", "to")]
    [InlineData("?from=2026-12-02&to=2026-12-01", "to")]
    [InlineData("?page=0", "page")]
    [InlineData("?page=two", "page")]
    [InlineData("?action=DROP%20TABLE", "action")]
    [InlineData("?recordType=Pairing%3B", "recordType")]
    public async Task Api_BadFilters_Are400NamingTheField(string query, string field)
    {
        var response = await Admin.GetAsync("/api/v1/audit" + query);
        var csv = await Admin.GetAsync("/api/v1/audit.csv" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), errors.ToString());
        if (field != "page") Assert.Equal(HttpStatusCode.BadRequest, csv.StatusCode);
    }

    [Fact]
    public async Task Csv_ExportsTheFilteredEntries()
    {
        await RefusedSignIns(3, "ghost@example.com");
        await Given.AnAccount(App, Admin, "pat@example.com", Roles.Participant);

        var response = await Admin.GetAsync("/api/v1/audit.csv?action=account.sign-in-refused");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("audit-log.csv", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var lines = (await response.Content.ReadAsStringAsync()).TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("id,at_utc,actor,actor_email,action,record_type,record_id,summary,sequence", lines[0]);
        Assert.Equal(3, lines.Count(l => l.Contains("ghost@example.com", StringComparison.Ordinal)));
        Assert.All(lines.Skip(1), l => Assert.Contains("account.sign-in-refused", l));
    }

    [Fact]
    public async Task Page_ShowsTheEntries_AndKeepsTheFilterInItsLinks()
    {
        await RefusedSignIns(51, "ghost@example.com");

        var html = await Admin.GetStringAsync("/Admin/Audit?action=account.sign-in-refused");
        var bad = await Admin.GetStringAsync("/Admin/Audit?from=someday");

        Assert.Contains("<h1 class=\"h2\">Audit log</h1>", html);
        Assert.Contains("ghost@example.com: no account has this email", html);
        Assert.Contains("href=\"/Admin/Audit?action=account.sign-in-refused&amp;p=2\"", html);
        Assert.Contains("href=\"/api/v1/audit.csv?action=account.sign-in-refused\"", html);
        Assert.Contains("Give a day as yyyy-MM-dd", bad);
    }

    [Fact]
    public async Task AdminNav_LinksToTheAuditLog()
    {
        var home = await Admin.GetStringAsync("/");

        Assert.Contains("href=\"/Admin/Audit\">Audit log</a>", home);
    }
}
