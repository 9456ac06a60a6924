using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Flipside.Domain;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Flipside.Tests.People.PeopleFiles;

namespace Flipside.Tests.People;

/// <summary>
/// Every import is recorded with its source and what it changed, can be undone in one go unless later changes depend
/// on it, and "this file lists everyone" can be limited to the people an earlier import from the same source created.
/// </summary>
public sealed class ImportHistoryTests(FlipsideFactory app) : AdministeredTests(app)
{
    private static readonly string Before = Csv(Row("A1"), Row("A2", manager: "A1"), Row("A3", manager: "A1"));

    [Fact]
    public async Task EachImport_IsInTheHistory_WithWhoWhenSourceAndCounts()
    {
        await Import(Before, "workday");
        App.Clock.Advance(TimeSpan.FromMinutes(5));
        await Import(Csv(Row("A1"), Row("A4")), "contractors");

        var history = await History();
        Assert.Equal(["2 contractors 1+0 by ada@example.com", "1 workday 3+0 by ada@example.com"],
            history.Select(h => $"{h!["number"]} {h["source"]} {h["created"]}+{h["updated"]} by {h["by"]}"));
        Assert.Equal(FlipsideFactory.Start.AddMinutes(5), (DateTimeOffset)history[0]!["at"]!);
    }

    [Fact]
    public async Task SameSourceOnly_MarksLeftOnlyThePeopleThatSourceCreated()
    {
        await Import(Before, "workday");
        await Import(Csv(Row("C1")), "contractors");

        var limited = await Import(Csv(Row("A1"), Row("A2", manager: "A1")), "Workday", markMissing: true, sameSourceOnly: true);
        Assert.Equal(["A3"], limited["leaving"]!.AsArray().Select(l => (string)l!["employeeId"]!));

        Assert.Equal(PersonStatus.Active, await StatusOf("C1"));
        Assert.Equal(PersonStatus.Left, await StatusOf("A3"));
        var unnamed = await Admin.PostAsync("/api/v1/people/import?markMissingAsLeft=true&sameSourceOnly=true&source=%20", Content(Before));
        Assert.Equal(HttpStatusCode.OK, unnamed.StatusCode); // an unnamed API import is "API", whose imports created nobody
    }

    [Fact]
    public async Task WithoutSameSourceOnly_EveryoneMissingIsMarkedLeft()
    {
        await Import(Before, "workday");
        await Import(Csv(Row("C1")), "contractors");
        var all = await Import(Csv(Row("A1"), Row("A2", manager: "A1")), "workday", markMissing: true, dryRun: true);
        Assert.Equal(["A3", "C1"], all["leaving"]!.AsArray().Select(l => (string)l!["employeeId"]!));
    }

    [Fact]
    public async Task Undo_ReversesTheImportsOwnChanges_AndIsAudited()
    {
        await Import(Csv(Row("A1"), Row("A2", manager: "A1"), Row("A3", status: "left"), Row("A5")), "workday");
        // A2 is renamed and takes the address of A3, who left, so A3's is released; A4 joins with A2's old one; A5 is missing.
        var second = await Import(Csv(Row("A1"), Row("A2", manager: "A1", name: "Ann New", email: "a3@example.com"), Row("A4", email: "a2@example.com")),
            "workday", markMissing: true);
        Assert.Equal(PersonStatus.Left, await StatusOf("A5"));

        var undo = await Admin.PostAsync($"/api/v1/people/imports/{second["importId"]}/undo", null);
        Assert.True(undo.StatusCode == HttpStatusCode.OK, await undo.Content.ReadAsStringAsync());

        Assert.Equal(["A1|Person A1|a1@example.com|Active", "A2|Person A2|a2@example.com|Active", "A3|Person A3|a3@example.com|Left",
            "A5|Person A5|a5@example.com|Active"], await Directory());
        Assert.Equal(1, await App.Query(db => db.AuditLog.CountAsync(a => a.Action == "people.import-undone")));
        Assert.NotNull((await History())[0]!["undoneAt"]);
        var again = await Admin.PostAsync($"/api/v1/people/imports/{second["importId"]}/undo", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Contains("already undone", await again.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Undo_IsRefused_NamingTheLaterImportThatChangedTheSamePeople()
    {
        var first = await Import(Before, "workday");
        await Import(Csv(Row("A1"), Row("A2", manager: "A1", grade: 5), Row("A3", manager: "A1")), "workday");

        var undo = await Admin.PostAsync($"/api/v1/people/imports/{first["importId"]}/undo", null);

        Assert.Equal(HttpStatusCode.Conflict, undo.StatusCode);
        Assert.Contains("Import 1 cannot be undone: import 2 changed A2 since. Undo the later import first.", await undo.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(3, await App.PeopleCount());
    }

    [Fact]
    public async Task Undo_IsRefused_WhenSomeoneNowReportsToAPersonItCreated()
    {
        await Import(Csv(Row("A1"), Row("A2", manager: "A1")), "workday");
        var second = await Import(Csv(Row("M1")), "contractors");
        await Import(Csv(Row("A2", manager: "M1")), "workday");

        var undo = await Admin.PostAsync($"/api/v1/people/imports/{second["importId"]}/undo", null);

        Assert.Equal(HttpStatusCode.Conflict, undo.StatusCode);
        Assert.Contains("A2 reports to someone this import created", await undo.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(PersonStatus.Active, await StatusOf("M1"));
    }

    [Fact]
    public async Task Undo_IsRefused_NamingThePersonAndFieldChangedByHandSince()
    {
        await Import(Before, "workday");
        var second = await Import(Csv(Row("A1"), Row("A2", manager: "A1", grade: 5), Row("A3", manager: "A1")), "workday");
        var a2 = await App.Query(db => db.People.Where(p => p.EmployeeId == "A2").Select(p => p.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"/api/v1/people/{a2}/leave", null)).StatusCode);

        var undo = await Admin.PostAsync($"/api/v1/people/imports/{second["importId"]}/undo", null);

        Assert.Equal(HttpStatusCode.Conflict, undo.StatusCode);
        Assert.Contains("A2's status changed since", await undo.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(5, await App.Query(db => db.People.Where(p => p.EmployeeId == "A2").Select(p => p.Grade).SingleAsync()));
    }

    private async Task<JsonNode> Import(string csv, string source, bool markMissing = false, bool sameSourceOnly = false, bool dryRun = false)
    {
        var response = await Admin.PostAsync(
            $"/api/v1/people/import?source={Uri.EscapeDataString(source)}&markMissingAsLeft={markMissing}&sameSourceOnly={sameSourceOnly}&dryRun={dryRun}", Content(csv));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        return JsonNode.Parse(body)!;
    }

    private async Task<JsonArray> History() => JsonNode.Parse(await Admin.GetStringAsync("/api/v1/people/imports"))!.AsArray();

    private Task<PersonStatus> StatusOf(string id) => App.Query(db => db.People.Where(p => p.EmployeeId == id).Select(p => p.Status).SingleAsync());

    private Task<List<string>> Directory() => App.Query(db => db.People.OrderBy(p => p.EmployeeId)
        .Select(p => p.EmployeeId + "|" + p.Name + "|" + p.Email + "|" + p.Status).ToListAsync());

    private static StringContent Content(string csv) => new(csv, Encoding.UTF8, "text/csv");
}
