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
            Row("K3", name: "Chloé Martin", title: "Social Media Specialist", location: "Paris", manager: "K1"),
            Row("K4", name: "Omar Haddad", status: "left", manager: "K1"),
            Row("K5", name: "Jacalyn Ortiz", manager: "D00001"),
            Row("K6", name: "Sam Reid", location: "\"Sacramento, CA\"", manager: "D00001")]));
    }

    // xunit disposes the class fixture after the class's last test.
    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [InlineData("search=kwame", "K1")]
    [InlineData("search=K2@EXAMPLE.com&status=all", "K2")]
    [InlineData("search=social%20media", "K3")]
    [InlineData("department=Finance&status=all", "K2")]
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
            var result = await List(_admin, $"page={page}&pageSize=25&status=all");
            Assert.Equal((66, 3), ((int)result["total"]!, (int)result["pages"]!));
            seen.AddRange(result["people"]!.AsArray().Select(p => (string)p!["name"]!));
        }
        Assert.Equal(66, seen.Distinct().Count());
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
    [InlineData("withoutManager=maybe", "withoutManager")]
    [InlineData("search=a%00b", "search")]
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

    [Theory]
    [InlineData("search=Mensah%20Kwame", "K1")]
    [InlineData("search=martin,%20chlo%C3%A9", "K3")]
    [InlineData("search=media%20chlo%C3%A9%20paris", "K3")]
    [InlineData("search=ca", "K6")]
    [InlineData("search=sacr%20ca", "K6")]
    public async Task Search_MatchesEveryWordInAnyOrder_AndAShortWordOnlyWhereAWordStarts(string query, string employeeId)
    {
        var result = await List(_manager, query);
        Assert.Equal(employeeId, (string)result["people"]![0]!["employeeId"]!);
        // "ca" is inside Jacalyn and inside Social: a state code must not find them.
        Assert.Equal(1, (int)result["total"]!);
        Assert.Equal(0, (int)(await List(_manager, "search=kwame%20grace"))["total"]!);
    }

    [Fact]
    public async Task Directory_ListsActivePeopleByDefault_AndOnlyPeopleWithoutAManagerWhenAsked()
    {
        var shown = (await List(_manager, "pageSize=200"))["people"]!.AsArray().Select(p => (string)p!["employeeId"]!).ToList();
        Assert.DoesNotContain("K2", shown);
        Assert.DoesNotContain("K4", shown);
        Assert.Contains("K1", shown);
        Assert.Equal(66, (int)(await List(_manager, "status=all"))["total"]!);
        Assert.Equal(["K4"], (await List(_manager, "status=left"))["people"]!.AsArray().Select(p => (string)p!["employeeId"]!));

        var top = (await List(_manager, "withoutManager=true"))["people"]!.AsArray().Select(p => (string)p!["employeeId"]!);
        Assert.Equal(["D00001"], top);
        var page = await (await _manager.GetAsync("/People?WithoutManager=true")).Html();
        Assert.Contains("1 person", page, StringComparison.Ordinal);
        Assert.Contains("Person D00001", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Omar Haddad", await (await _manager.GetAsync("/People?Search=omar")).Html(), StringComparison.Ordinal);
        Assert.Contains("Omar Haddad", await (await _manager.GetAsync("/People?Search=omar&Status=all")).Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task PersonPage_ShowsTheWholeReportingLine_TheCountBelow_AndMarksLeavers()
    {
        var chloe = (await _manager.GetFromJsonAsync<JsonObject>($"/api/v1/people/{await IdOf("K3")}"))!;
        Assert.Equal(["K1", "D00001"], chloe["reportingLine"]!.AsArray().Select(m => (string)m!["employeeId"]!));
        Assert.Equal(0, (int)chloe["peopleBelow"]!);

        var kwame = (await _manager.GetFromJsonAsync<JsonObject>($"/api/v1/people/{await IdOf("K1")}"))!;
        // Chloé below; Omar has left and is not counted, but is still listed and marked.
        Assert.Equal(1, (int)kwame["peopleBelow"]!);
        Assert.True((bool)kwame["directReports"]!.AsArray().Single(r => (string)r!["employeeId"]! == "K4")!["left"]!);

        // Everyone else is below the top: 59 D people and K1, K2 (on leave), K3, K5, K6; K4 has left.
        var top = (await _manager.GetFromJsonAsync<JsonObject>($"/api/v1/people/{await IdOf("D00001")}"))!;
        Assert.Equal(64, (int)top["peopleBelow"]!);
        Assert.Empty(top["reportingLine"]!.AsArray());

        var html = await (await _manager.GetAsync($"/People/Person?id={await IdOf("K3")}")).Html();
        var text = System.Text.RegularExpressions.Regex.Replace(html, "<[^>]*>", " ");
        Assert.Matches(@"Reporting line Person D00001 ?, Engineer Kwame Mensah ?, Engineer Chloé Martin Direct reports", System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " "));
        var kwamePage = await (await _manager.GetAsync($"/People/Person?id={await IdOf("K1")}")).Html();
        Assert.Contains("Omar Haddad</a>, Engineer <span class=\"badge text-bg-secondary ms-1\">Left</span>", kwamePage, StringComparison.Ordinal);
        Assert.Contains("is at the top of the organisation", await (await _manager.GetAsync($"/People/Person?id={await IdOf("D00001")}")).Html(), StringComparison.Ordinal);
    }

    private static async Task<JsonNode> List(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/v1/people?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!;
    }

    private async Task<string> IdOf(string employeeId) =>
        (string)(await List(_admin, $"search={employeeId}&status=all"))["people"]!.AsArray().Single(p => (string)p!["employeeId"]! == employeeId)!["id"]!;
}
