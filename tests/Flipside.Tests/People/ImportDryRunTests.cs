using System.Net;
using System.Text.Json.Nodes;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Flipside.Tests.People.PeopleFiles;

namespace Flipside.Tests.People;

/// <summary>A dry run reports what the import would do, through the API and the command line, and writes nothing.</summary>
public sealed class ImportDryRunTests : IDisposable
{
    private readonly FlipsideFactory _app = new();
    private readonly TestDatabase _cliDatabase = new();

    public void Dispose()
    {
        _app.Dispose();
        _cliDatabase.Dispose();
    }

    private static readonly string Before = Csv(Row("A1"), Row("A2", manager: "A1"), Row("A3", manager: "A1"));
    private static readonly string After = Csv(Row("A1"), Row("A2", manager: "A1", name: "Ann New", email: "ann.new@example.com", grade: 5), Row("A4"));

    [Fact]
    public async Task Api_DryRun_ReportsCountsAndChangedFields_AndWritesNothing()
    {
        var admin = await Given.AnAdministrator(_app);
        await admin.Applied(Before);
        var before = await Snapshot();

        var response = await admin.PostAsync("/api/v1/people/import?dryRun=true&markMissingAsLeft=true", Content(After));
        var body = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.OK, body);
        var report = JsonNode.Parse(body)!;
        Assert.Equal((true, false, 1, 1, 1, 1), ((bool)report["dryRun"]!, (bool)report["applied"]!, (int)report["created"]!,
            (int)report["updated"]!, (int)report["unchanged"]!, (int)report["markedLeft"]!));
        var change = Assert.Single(report["changes"]!.AsArray())!;
        Assert.Equal(("A2", "Person A2"), ((string)change["employeeId"]!, (string)change["name"]!));
        Assert.Equal(["name: Person A2 → Ann New", "email: a2@example.com → ann.new@example.com", "grade: 3 → 5"],
            change["fields"]!.AsArray().Select(f => $"{f!["field"]}: {f["old"]} → {f["new"]}"));
        Assert.Equal("A3", (string)Assert.Single(report["leaving"]!.AsArray())!["employeeId"]!);
        Assert.Equal(before, await Snapshot());
        Assert.Equal(1, await _app.Query(db => db.AuditLog.CountAsync(a => a.Action == "people.imported")));
    }

    [Fact]
    public async Task Command_DryRun_PrintsThePreview_AndWritesNothing()
    {
        var dir = _cliDatabase.DataDirectory;
        var (before, after) = (Path.Combine(dir, "before.csv"), Path.Combine(dir, "after.csv"));
        await File.WriteAllTextAsync(before, Before);
        await File.WriteAllTextAsync(after, After);
        Assert.Equal(0, (await Cli(["import", "people", before, "--data", dir])).ExitCode);

        for (var run = 0; run < 2; run++)
        {
            // The second run previews the same changes: the first wrote nothing.
            var dry = await Cli(["import", "people", after, "--dry-run", "--mark-missing-as-left", "--data", dir]);
            Assert.True(dry.ExitCode == 0, dry.Out + dry.Error);
            Assert.Contains("Update A2 (Person A2): name \"Person A2\" → \"Ann New\"; email \"a2@example.com\" → \"ann.new@example.com\"; grade \"3\" → \"5\"",
                dry.Out, StringComparison.Ordinal);
            Assert.Contains("Mark as left A3 (Person A3)", dry.Out, StringComparison.Ordinal);
            Assert.Contains("Dry run, nothing was written: the import would create 1, update 1, leave 1 unchanged and mark 1 as left.", dry.Out, StringComparison.Ordinal);
        }
        var applied = await Cli(["import", "people", before, "--data", dir]);
        Assert.Contains("0 created, 0 updated, 3 unchanged", applied.Out, StringComparison.Ordinal);
    }

    private static StringContent Content(string csv) => new(csv, System.Text.Encoding.UTF8, "text/csv");

    private Task<List<string>> Snapshot() => _app.Query(db => db.People.AsNoTracking().OrderBy(p => p.EmployeeId)
        .Select(p => p.EmployeeId + "|" + p.Name + "|" + p.Email + "|" + p.Grade + "|" + p.Status).ToListAsync());

    private Task<FlipsideProcess.Outcome> Cli(string[] args) => FlipsideProcess.Run(args, new Dictionary<string, string>
    {
        ["Database__Provider"] = _cliDatabase.Provider,
        ["ConnectionStrings__Flipside"] = _cliDatabase.ConnectionString,
    }, TimeSpan.FromSeconds(120));
}
