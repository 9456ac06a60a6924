using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Flipside.Domain;
using Flipside.Tests.Support;
using static Flipside.Tests.People.PeopleFiles;

namespace Flipside.Tests.People;

/// <summary>The upload page and the <c>flipside import people</c> verb call the same import.</summary>
public sealed partial class ImportPageAndCommandTests : IDisposable
{
    private readonly FlipsideFactory _app = new();
    private readonly TestDatabase _cliDatabase = new();

    public void Dispose()
    {
        _app.Dispose();
        _cliDatabase.Dispose();
    }

    [Fact]
    public async Task UploadPage_ShowsEveryProblemAsATable_ThenAppliesACleanFile()
    {
        var admin = await Given.AnAdministrator(_app);
        var manager = await Given.AnAccount(_app, admin, "pm@example.com", Roles.ProgramManager);

        var refused = await Upload(manager, Csv(Row("A1", email: "not-an-email"), Row("A2", manager: "Z9")));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var html = await refused.Html();
        Assert.Contains("The file has 2 problems; nothing was written.", html, StringComparison.Ordinal);
        Assert.Contains("<th scope=\"col\">How to fix it</th>", html, StringComparison.Ordinal);
        Assert.Contains("<td>manager_id</td><td><code>Z9</code></td>", html, StringComparison.Ordinal);
        Assert.Equal(0, await _app.PeopleCount());

        var applied = await Upload(manager, Csv(Row("A1"), Row("A2", manager: "A1")));
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        var directory = await (await manager.GetAsync(applied.Headers.Location!.OriginalString)).Html();
        Assert.Contains("Import applied: 2 created, 0 updated, 0 unchanged, 0 marked as left.", directory, StringComparison.Ordinal);

        var sample = await manager.GetAsync("/People/Import?handler=Sample");
        Assert.Equal(HttpStatusCode.OK, sample.StatusCode);
        Assert.StartsWith("employee_id,name,email", await sample.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task UploadPage_WithoutAFile_AsksForOne()
    {
        var admin = await Given.AnAdministrator(_app);
        var html = await (await Upload(admin, null)).Html();
        Assert.Contains("Choose a CSV file to import.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Command_Exits0WhenApplied_1WithTheReport_2ForUsageErrors()
    {
        var dir = _cliDatabase.DataDirectory;
        var good = Path.Combine(dir, "people.csv");
        await File.WriteAllTextAsync(good, Csv(Row("C1"), Row("C2", manager: "C1"), Row("C3", manager: "C1")));

        var applied = await Cli(["import", "people", good, "--data", dir]);
        Assert.True(applied.ExitCode == 0, applied.Out + applied.Error);
        Assert.Contains("3 created", applied.Out, StringComparison.Ordinal);

        var again = await Cli(["import", "people", good, "--data", dir]);
        Assert.Contains("0 created, 0 updated, 3 unchanged", again.Out, StringComparison.Ordinal);

        var partial = Path.Combine(dir, "partial.csv");
        await File.WriteAllTextAsync(partial, Csv(Row("C1"), Row("C2", manager: "C1")));
        // The first imports' source is their file's name, so another source's full list reaches none of their people.
        var otherSource = await Cli(["import", "people", partial, "--mark-missing-as-left", "--same-source-only", "--source", "HR feed", "--data", dir]);
        Assert.True(otherSource.ExitCode == 0, otherSource.Out + otherSource.Error);
        Assert.Contains("0 marked as left", otherSource.Out, StringComparison.Ordinal);
        var marked = await Cli(["import", "people", partial, "--mark-missing-as-left", "--same-source-only", "--source", "people.csv", "--data", dir]);
        Assert.True(marked.ExitCode == 0, marked.Out + marked.Error);
        Assert.Contains("1 marked as left", marked.Out, StringComparison.Ordinal);

        var bad = Path.Combine(dir, "bad.csv");
        await File.WriteAllTextAsync(bad, Csv(Row("C4", grade: 42), Row("C5", zone: "Moon/Base")));
        var refused = await Cli(["import", "people", bad, "--data", dir]);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Row 2, grade, \"42\"", refused.Out, StringComparison.Ordinal);
        Assert.Contains("Row 3, time_zone, \"Moon/Base\"", refused.Out, StringComparison.Ordinal);
        Assert.Contains("nothing was written", refused.Error, StringComparison.Ordinal);

        Assert.Equal(2, (await Cli(["import", "people", "--data", dir])).ExitCode);
        Assert.Equal(2, (await Cli(["import", "people", Path.Combine(dir, "missing.csv"), "--data", dir])).ExitCode);
        Assert.Equal(2, (await Cli(["import", "--data", dir])).ExitCode);
    }

    private Task<FlipsideProcess.Outcome> Cli(string[] args) => FlipsideProcess.Run(args, new Dictionary<string, string>
    {
        ["Database__Provider"] = _cliDatabase.Provider,
        ["ConnectionStrings__Flipside"] = _cliDatabase.ConnectionString,
    }, TimeSpan.FromSeconds(120));

    private static async Task<HttpResponseMessage> Upload(HttpClient client, string? csv)
    {
        var page = await (await client.GetAsync("/People/Import")).Html();
        var form = new MultipartFormDataContent
        {
            { new StringContent(Token().Match(page).Groups[1].Value), "__RequestVerificationToken" },
            { new StringContent("false"), "MarkMissingAsLeft" },
        };
        if (csv is not null)
        {
            var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
            file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
            form.Add(file, "Upload", "people.csv");
        }
        return await client.PostAsync("/People/Import", form);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
