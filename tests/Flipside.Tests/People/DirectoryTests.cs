using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Flipside.Domain;
using Flipside.Tests.Support;
using static Flipside.Tests.People.PeopleFiles;

namespace Flipside.Tests.People;

/// <summary>The directory's search, filters, paging and person page, for administrators and program managers.</summary>
public sealed class DirectoryTests(FlipsideFactory app) : IClassFixture<FlipsideFactory>, IAsyncLifetime
{
    // Shared by the class's tests and emptied before each: the configuration is the same for all of them.
    private readonly FlipsideFactory _app = app;
    private HttpClient _admin = null!, _manager = null!;

    public async Task InitializeAsync()
    {
        await _app.ResetAsync();
        _admin = await Given.AnAdministrator(_app);
        _manager = await Given.AnAccount(_app, _admin, "pm@example.com", Roles.ProgramManager);
        var org = Organisation(60, "D").TrimEnd('\n').Split('\n');
        await _admin.Applied(string.Join('\n', [.. org,
            Row("K1", name: "Kwame Mensah", department: "Data", grade: 6, manager: "D00001", birthYear: "1987"),
            Row("K2", name: "Grace Liu", department: "Finance", status: "on leave", manager: "D00001"),
            Row("K3", name: "Chloé Martin", title: "Social Media Specialist", location: "Paris", manager: "K1")]));
    }

    // xunit disposes the class fixture after the class's last test.
    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("search=kwame", "K1")]
    [InlineData("search=K2@EXAMPLE.com", "K2")]
    [InlineData("search=social%20media", "K3")]
    [InlineData("department=Finance", "K2")]
    [InlineData("status=on-leave", "K2")]
    [InlineData("grade=6&department=Data", "K1")]
    [InlineData("location=Paris&status=active", "K3")]
    public async Task SearchAndFilters_FindThePerson(string query, string employeeId)
    {
        var result = await List(_manager, query);
        Assert.Equal(1, (int)result["total"]!);
        Assert.Equal(employeeId, (string)result["people"]![0]!["employeeId"]!);
    }

    [Fact]
    public async Task Paging_CountsOnce_AndWalksEveryoneInNameOrder()
    {
        Assert.Equal(10, (int)(await List(_admin, "search=d0001"))["total"]!);
        var seen = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var result = await List(_admin, $"page={page}&pageSize=25");
            Assert.Equal((63, 3), ((int)result["total"]!, (int)result["pages"]!));
            seen.AddRange(result["people"]!.AsArray().Select(p => (string)p!["name"]!));
        }
        Assert.Equal(63, seen.Distinct().Count());
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
    }

    [Fact]
    public async Task ACommonSearch_CountsToTheLimit_AndSaysThereAreMore_AFewMatchesPageInNameOrder()
    {
        await _admin.Applied(Organisation(1_050, "L"));
        var common = await List(_admin, "search=person%20l&page=40");
        Assert.Equal((1_000, true, 40, 25), ((int)common["total"]!, (bool)common["moreThanTotal"]!, (int)common["pages"]!, common["people"]!.AsArray().Count));
        Assert.Contains("1,000+ people, page 1 of 40.", await (await _manager.GetAsync("/People?Search=PERSON+L")).Html(), StringComparison.Ordinal);

        var seen = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var few = await List(_admin, $"search=PERSON%20d0&page={page}");
            Assert.Equal((60, false), ((int)few["total"]!, (bool)few["moreThanTotal"]!));
            seen.AddRange(few["people"]!.AsArray().Select(p => (string)p!["employeeId"]!));
        }
        Assert.Equal(Enumerable.Range(1, 60).Select(i => $"D{i:D5}"), seen);
    }

    [Theory]
    [InlineData("page=0", "page")]
    [InlineData("pageSize=500", "pageSize")]
    [InlineData("grade=11", "grade")]
    [InlineData("grade=senior", "grade")]
    [InlineData("status=retired", "status")]
    public async Task BadQuery_Is400NamingTheField(string query, string field)
    {
        var response = await _admin.GetAsync($"/api/v1/people?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(field), errors.ToJsonString());
    }

    [Fact]
    public async Task BirthYear_IsShownToAdministratorsOnly()
    {
        var id = await IdOf("K1");
        var asAdmin = (await _admin.GetFromJsonAsync<JsonObject>($"/api/v1/people/{id}"))!;
        var asManager = (await _manager.GetFromJsonAsync<JsonObject>($"/api/v1/people/{id}"))!;
        Assert.Equal(1987, (int)asAdmin["birthYear"]!);
        Assert.False(asManager.ContainsKey("birthYear"));
        Assert.Equal("Chloé Martin", (string)asManager["directReports"]![0]!["name"]!);
        Assert.Equal("D00001", (string)asManager["manager"]!["employeeId"]!);

        Assert.Contains("1987", await (await _admin.GetAsync($"/People/Person?id={id}")).Html(), StringComparison.Ordinal);
        var page = await (await _manager.GetAsync($"/People/Person?id={id}")).Html();
        Assert.Contains("Kwame Mensah", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Birth year", page, StringComparison.Ordinal);
        // Only the text a person reads: ids and antiforgery tokens inside tags may contain "1987" by chance.
        Assert.DoesNotContain("1987", System.Text.RegularExpressions.Regex.Replace(page, "<[^>]*>", " "), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPerson_Is404()
    {
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync($"/api/v1/people/{Guid.NewGuid()}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _admin.GetAsync($"/People/Person?id={Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task DirectoryPage_SearchesFiltersAndPages()
    {
        var html = await (await _manager.GetAsync("/People?Search=kwame")).Html();
        Assert.Contains("Kwame Mensah", html, StringComparison.Ordinal);
        Assert.Contains("1 person", html, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Finance\"", html, StringComparison.Ordinal);

        var second = await (await _manager.GetAsync("/People?Department=Engineering&p=2")).Html();
        Assert.Contains("page 2 of 3", second, StringComparison.Ordinal);
        Assert.Contains("href=\"?Department=Engineering&p=1\"", second, StringComparison.Ordinal);

        var bad = await (await _manager.GetAsync("/People?Grade=12")).Html();
        Assert.Contains("Grade must be from 1 to 10.", bad, StringComparison.Ordinal);
    }

    private static async Task<JsonNode> List(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/v1/people?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!;
    }

    private async Task<string> IdOf(string employeeId) =>
        (string)(await List(_admin, $"search={employeeId}"))["people"]!.AsArray().Single(p => (string)p!["employeeId"]! == employeeId)!["id"]!;
}
