using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Flipside.Domain;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Flipside.Tests.People.PeopleFiles;

namespace Flipside.Tests.People;

/// <summary>The pages around an import: its source, the history with an undo that asks first, and marking a person left by hand.</summary>
public sealed partial class ImportHistoryPageTests(FlipsideFactory app) : AdministeredTests(app)
{
    private static readonly string Everyone = Csv(Row("A1"), Row("A2", manager: "A1"), Row("A3", manager: "A1"));

    [Fact]
    public async Task TheSource_DefaultsToTheFileName_AndShowsInTheHistory()
    {
        Assert.Equal(HttpStatusCode.Redirect, (await Upload(Csv(Row("A1")), source: "")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Upload(Csv(Row("A2")), source: "Workday export")).StatusCode);

        var history = await (await Admin.GetAsync("/People/Imports")).Html();
        Assert.Contains("<th scope=\"row\">2</th>", history, StringComparison.Ordinal);
        Assert.Matches(@"<td>ada@example.com</td><td>Workday export</td>", history);
        Assert.Matches(@"<td>ada@example.com</td><td>people.csv</td>", history);
    }

    [Fact]
    public async Task Undo_AsksForConfirmation_ThenReversesTheImport()
    {
        await Upload(Everyone, source: "Workday");
        var history = await (await Admin.GetAsync("/People/Imports")).Html();
        var undoLink = UndoLink().Match(history).Groups[1].Value;

        var confirm = await (await Admin.GetAsync(undoLink)).Html();
        Assert.Contains("Undo import 1 from Workday?", confirm, StringComparison.Ordinal);
        Assert.Contains("This removes 3 people it added", confirm, StringComparison.Ordinal);
        var id = undoLink["/People/Imports?undo=".Length..];

        var unconfirmed = await Admin.Submit(undoLink, new Dictionary<string, string>(), $"/People/Imports?id={id}&handler=Undo");
        Assert.Contains("Tick the box to confirm the undo", await unconfirmed.Html(), StringComparison.Ordinal);
        Assert.Equal(3, await App.PeopleCount());

        var undone = await Admin.Submit(undoLink, new Dictionary<string, string> { ["confirmed"] = "true" }, $"/People/Imports?id={id}&handler=Undo");
        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        var after = await (await Admin.GetAsync("/People/Imports")).Html();
        Assert.Contains("Import 1 undone: 3 people removed, 0 people restored.", after, StringComparison.Ordinal);
        Assert.Contains("Undone ", after, StringComparison.Ordinal);
        Assert.Equal(0, await App.PeopleCount());
    }

    [Fact]
    public async Task ARefusedUndo_SaysWhyAboveTheList()
    {
        await Upload(Everyone, source: "Workday");
        await Upload(Csv(Row("A1", title: "Chief"), Row("A2", manager: "A1"), Row("A3", manager: "A1")), source: "Workday");
        var first = await App.Query(db => db.Set<Features.People.ImportRun>().Where(r => r.Number == 1).Select(r => r.Id).SingleAsync());

        var refused = await Admin.Submit("/People/Imports", new Dictionary<string, string> { ["confirmed"] = "true" }, $"/People/Imports?id={first}&handler=Undo");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Import 1 cannot be undone: import 2 changed A1 since. Undo the later import first.", await refused.Html(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ThePreview_NamesWhoWouldLeave_AndWhoStillReportsToThem()
    {
        await Upload(Everyone, source: "Workday");
        var html = await (await Upload(Csv(Row("A2", manager: "A1"), Row("A3", manager: "A1")), source: "Workday", markMissing: true)).Html();

        Assert.Contains("<li>mark 1 person as left</li>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">A1</th><td>Person A1</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>2 people who would still report to someone leaving: give them a new manager</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">A2</th><td>Person A2</td><td>Person A1 (A1)</td></tr>", html, StringComparison.Ordinal);
        Assert.Contains("mark 1 person as left</label>", html, StringComparison.Ordinal);
        Assert.Equal(PersonStatus.Active, await App.Query(db => db.People.Where(p => p.EmployeeId == "A1").Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task AStatusColumnThatMarksSomeoneLeft_IsPreviewedBeforeItApplies()
    {
        await Upload(Everyone, source: "Workday");
        var html = await (await Upload(Csv(Row("A1"), Row("A2", manager: "A1", status: "left"), Row("A3", manager: "A1")), source: "Workday")).Html();

        Assert.Contains("Check the changes before they are applied", html, StringComparison.Ordinal);
        Assert.Contains("<li>status: <del>active</del> → <ins>left</ins></li>", html, StringComparison.Ordinal);
        Assert.Equal(PersonStatus.Active, await App.Query(db => db.People.Where(p => p.EmployeeId == "A2").Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task ThePersonPage_MarksSomeoneLeftOnceConfirmed_AndListsWhoStillReportsToThem()
    {
        await Upload(Everyone, source: "Workday");
        var a1 = await App.Query(db => db.People.Where(p => p.EmployeeId == "A1").Select(p => p.Id).SingleAsync());
        var page = $"/People/Person?id={a1}";
        Assert.Contains("Mark Person A1 as left", await (await Admin.GetAsync(page)).Html(), StringComparison.Ordinal);
        var manager = await Given.AnAccount(App, Admin, "pm@example.com", Roles.ProgramManager);
        Assert.DoesNotContain("Mark Person A1 as left", await (await manager.GetAsync(page)).Html(), StringComparison.Ordinal);

        var unconfirmed = await Admin.Submit(page, new Dictionary<string, string>(), $"{page}&handler=Leave");
        Assert.Contains("Tick the box to confirm that this person has left.", await unconfirmed.Html(), StringComparison.Ordinal);
        var marked = await Admin.Submit(page, new Dictionary<string, string> { ["confirmed"] = "true" }, $"{page}&handler=Leave");
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);

        var html = await (await Admin.GetAsync(page)).Html();
        Assert.Contains("Person A1 is marked as left: 0 open enrolments ended and 0 accounts deactivated.", html, StringComparison.Ordinal);
        Assert.Contains("2 people still report to Person A1, who has left", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Mark Person A1 as left", html, StringComparison.Ordinal);
    }

    private async Task<HttpResponseMessage> Upload(string csv, string source, bool markMissing = false)
    {
        var page = await (await Admin.GetAsync("/People/Import")).Html();
        var form = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent(markMissing ? "true" : "false"), "MarkMissingAsLeft" },
            { new StringContent(source), "Source" },
        };
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "people.csv");
        return await Admin.PostAsync("/People/Import", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("href=\"(/People/Imports\\?undo=[0-9a-f-]+)\"")]
    private static partial Regex UndoLink();
}
