using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Flipside.Domain;
using Flipside.Features.People;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Flipside.Tests.People.PeopleFiles;

namespace Flipside.Tests.People;

/// <summary>
/// Before the upload page renames, re-addresses or re-grades people, or marks anyone left, it shows what would change
/// and applies the kept file only when that is confirmed.
/// </summary>
public sealed partial class ImportPreviewPageTests(FlipsideFactory app) : AdministeredTests(app)
{
    private static readonly string Before = Csv(Row("A1"), Row("A2", manager: "A1"), Row("A3", manager: "A1"));

    [Fact]
    public async Task ARenameIsPreviewed_AndAppliedOnlyOnceConfirmed_WithoutChoosingTheFileAgain()
    {
        await Admin.Applied(Before);
        var renamed = Csv(Row("A1"), Row("A2", manager: "A1", name: "Ann New", grade: 5), Row("A3", manager: "A1"), Row("A4"));

        var preview = await Upload(renamed, markMissingAsLeft: false);
        Assert.Equal(HttpStatusCode.OK, preview.StatusCode);
        var html = await preview.Html();
        Assert.Contains("Check the changes before they are applied", html, StringComparison.Ordinal);
        Assert.Contains("<li>add 1 person</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>update 1 person</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>leave 2 people unchanged</li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>name: <del>Person A2</del> → <ins>Ann New</ins></li>", html, StringComparison.Ordinal);
        Assert.Contains("<li>grade: <del>3</del> → <ins>5</ins></li>", html, StringComparison.Ordinal);
        Assert.Equal("Person A2", await NameOf("A2"));
        var uploadId = KeptId().Match(html).Groups[1].Value;
        Assert.Equal(1, await App.Query(db => db.Set<ImportUpload>().CountAsync()));

        var unconfirmed = await Admin.PostAsync("/People/Import", await Form(("UploadId", uploadId), ("MarkMissingAsLeft", "false")));
        Assert.Contains("Tick the box to confirm these changes", await unconfirmed.Html(), StringComparison.Ordinal);
        Assert.Equal("Person A2", await NameOf("A2"));

        var applied = await Admin.PostAsync("/People/Import", await Form(("UploadId", uploadId), ("MarkMissingAsLeft", "false"), ("Confirmed", "true"),
            ("PreviewStamp", StampOf(html))));
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal("Ann New", await NameOf("A2"));
        Assert.Equal(4, await App.PeopleCount());
        Assert.Equal(0, await App.Query(db => db.Set<ImportUpload>().CountAsync()));
    }

    [Fact]
    public async Task MarkingPeopleLeft_IsPreviewedWithWhoAndHowMany()
    {
        await Admin.Applied(Before);
        var html = await (await Upload(Csv(Row("A1"), Row("A2", manager: "A1")), markMissingAsLeft: true)).Html();
        Assert.Contains("<li>mark 1 person as left</li>", html, StringComparison.Ordinal);
        Assert.Contains("<caption>1 person who would be marked as left (missing from a file that lists everyone, or marked left in its status column)</caption>", html, StringComparison.Ordinal);
        Assert.Contains("<tr><th scope=\"row\">A3</th><td>Person A3</td></tr>", html, StringComparison.Ordinal);
        Assert.Equal(PersonStatus.Active, await App.Query(db => db.People.Where(p => p.EmployeeId == "A3").Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task AKeptFile_IsForgottenAfterAnHour_AndNeverHandedToAnotherAccount()
    {
        await Admin.Applied(Before);
        var html = await (await Upload(Csv(Row("A1", name: "Someone Else")), markMissingAsLeft: false)).Html();
        var uploadId = KeptId().Match(html).Groups[1].Value;
        var manager = await Given.AnAccount(App, Admin, "pm@example.com", Roles.ProgramManager);

        var other = await manager.PostAsync("/People/Import", await Form(manager, ("UploadId", uploadId), ("Confirmed", "true")));
        Assert.Contains("The checked file is no longer kept", await other.Html(), StringComparison.Ordinal);

        App.Clock.Advance(TimeSpan.FromMinutes(61));
        var late = await Admin.PostAsync("/People/Import", await Form(("UploadId", uploadId), ("Confirmed", "true")));
        Assert.Contains("The checked file is no longer kept", await late.Html(), StringComparison.Ordinal);
        Assert.Equal("Person A1", await NameOf("A1"));
    }

    [Fact]
    public async Task ADirectoryChangedSinceThePreview_IsShownAgainForANewConfirmation_AndNothingIsApplied()
    {
        await Admin.Applied(Before);
        var html = await (await Upload(Csv(Row("A1"), Row("A2", manager: "A1", name: "Ann New"), Row("A3", manager: "A1")), markMissingAsLeft: false)).Html();
        var uploadId = KeptId().Match(html).Groups[1].Value;
        // Someone else renames A3 in the meantime: the same file would now change A3 back as well.
        await Admin.Applied(Csv(Row("A1"), Row("A2", manager: "A1"), Row("A3", manager: "A1", name: "Changed Meanwhile")));

        var stale = await Admin.PostAsync("/People/Import", await Form(("UploadId", uploadId), ("MarkMissingAsLeft", "false"), ("Confirmed", "true"),
            ("PreviewStamp", StampOf(html))));

        var again = await stale.Html();
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("The directory has changed since you checked this file", again, StringComparison.Ordinal);
        Assert.Contains("<del>Changed Meanwhile</del>", again, StringComparison.Ordinal);
        Assert.Equal("Person A2", await NameOf("A2"));
        var applied = await Admin.PostAsync("/People/Import", await Form(("UploadId", uploadId), ("MarkMissingAsLeft", "false"), ("Confirmed", "true"),
            ("PreviewStamp", StampOf(again))));
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal("Ann New", await NameOf("A2"));
    }

    private static string StampOf(string html) => StampField().Match(html).Groups[1].Value;

    [GeneratedRegex("name=\"PreviewStamp\" value=\"([0-9A-F]*)\"")]
    private static partial Regex StampField();

    private Task<string> NameOf(string id) => App.Query(db => db.People.Where(p => p.EmployeeId == id).Select(p => p.Name).SingleAsync());

    private async Task<HttpResponseMessage> Upload(string csv, bool markMissingAsLeft)
    {
        var form = await Form(("MarkMissingAsLeft", markMissingAsLeft ? "true" : "false"));
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "Upload", "people.csv");
        return await Admin.PostAsync("/People/Import", form);
    }

    private Task<MultipartFormDataContent> Form(params (string Name, string Value)[] fields) => Form(Admin, fields);

    private static async Task<MultipartFormDataContent> Form(HttpClient client, params (string Name, string Value)[] fields)
    {
        var page = await (await client.GetAsync("/People/Import")).Html();
        var form = new MultipartFormDataContent { { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) form.Add(new StringContent(value), name);
        return form;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();

    [GeneratedRegex("name=\"UploadId\" value=\"([0-9a-f-]+)\"")]
    private static partial Regex KeptId();
}
