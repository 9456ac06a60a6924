using System.CommandLine;
using Flipside.Data;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Startup;
using Spectre.Console;

namespace Flipside.Features.People;

/// <summary><c>flipside import people FILE.csv [--mark-missing-as-left [--same-source-only]] [--source NAME] [--dry-run] [--mapping NAME]</c>: the same import as the upload page, for automation.</summary>
public static class ImportPeopleCommand
{
    public static readonly Argument<FileInfo> File = new("FILE") { Description = "The CSV file of people (see the README's People CSV section)" };
    public static readonly Option<bool> MarkMissingAsLeft = new("--mark-missing-as-left")
    {
        Description = "The file lists everyone: mark people missing from it as left",
    };
    public static readonly Option<bool> DryRun = new("--dry-run")
    {
        Description = "Check the file and print what the import would change (counts, changed fields, who would be marked left); write nothing",
    };
    public static readonly Option<string> Source = new("--source")
    {
        Description = "Where the file comes from, kept in the import history (default: the file's name)",
    };
    public static readonly Option<bool> SameSourceOnly = new("--same-source-only")
    {
        Description = "With --mark-missing-as-left: mark only people that earlier imports from the same source created",
    };
    public static readonly Option<string> Mapping = new("--mapping")
    {
        Description = "Read the file (any HR export: CSV or .xlsx) through the import mapping saved under this name",
    };
    public static readonly Command People = new("people", "Import people from a CSV file: all or nothing, an upsert by employee id")
    {
        File, MarkMissingAsLeft, DryRun, Source, SameSourceOnly, Mapping,
    };

    public static Command Create()
    {
        People.TreatUnmatchedTokensAsErrors = false; // configuration in the --Section:Key=value form passes through
        People.SetAction((parsed, _) => RunAsync(parsed, FlipsideCli.PassThrough(parsed)));
        return new("import", "Import data from files") { People };
    }

    public static async Task<int> RunAsync(ParseResult parsed, string[] passThrough)
    {
        var file = parsed.GetValue(File);
        if (file is null || !file.Exists)
        {
            await Console.Error.WriteLineAsync($"The file {file?.FullName ?? "(none)"} does not exist. Usage: flipside import people FILE.csv [--mark-missing-as-left [--same-source-only]] [--source NAME] [--dry-run]");
            return FlipsideCli.UsageError;
        }
        var (markMissing, dryRun) = (parsed.GetValue(MarkMissingAsLeft), parsed.GetValue(DryRun));
        var (source, sameSource) = (parsed.GetValue(Source) is { Length: > 0 } named ? named : file.Name, parsed.GetValue(SameSourceOnly));
        var mapping = parsed.GetValue(Mapping);
        return await ServeCommand.RunGuarded(ServeCommand.HostArgs(parsed, passThrough, demo: false, demoPassword: null), async app =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<FlipsideDb>();
            var clock = scope.ServiceProvider.GetRequiredService<TimeProvider>();
            await using var csv = file.OpenRead();
            // Whoever runs the binary can read the database anyway, so the console acts with an administrator's rights.
            var viewer = Viewer.System(db, "cli:import-people");
            var outcome = mapping is null
                ? await WithProgress(progress => Outcome.Of(ImportPeople.Handle(new(csv, markMissing, dryRun, source, sameSource), viewer, db, clock, CancellationToken.None, progress)))
                : await Outcome.Of(ImportMapped.Handle(new(await System.IO.File.ReadAllBytesAsync(file.FullName), file.Name, null, mapping, markMissing, dryRun, source, sameSource),
                    viewer, db, clock, CancellationToken.None));
            if (outcome.Problem is { } refused)
            {
                await Console.Error.WriteLineAsync($"{file.Name}: {refused.Reason}");
                foreach (var error in refused.Errors.Where(e => e.Message != refused.Reason))
                    await Console.Error.WriteLineAsync($"  {error.Field}: {error.Message}");
                return 1;
            }
            var report = outcome.Value;
            if (report.Problems.Count == 0)
            {
                if (report.DryRun || report.Mapping is not null) ImportPreviewText.Write(report, Console.Out);
                Console.WriteLine(report.Summary);
                return 0;
            }
            foreach (var p in report.Problems)
                Console.WriteLine($"Row {p.Row}, {p.Column}, \"{p.Value}\": {p.Problem} Fix: {p.Fix}");
            await Console.Error.WriteLineAsync($"{file.Name}: {report.Summary}");
            return 1;
        });
    }

    private static Task<T> WithProgress<T>(Func<Action<ImportPeople.Step, double>, Task<T>> import) =>
        AnsiConsole.Progress().AutoClear(false).HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async ctx =>
            {
                var tasks = new Dictionary<ImportPeople.Step, ProgressTask>
                {
                    [ImportPeople.Step.Reading] = ctx.AddTask("Reading the file", maxValue: 1),
                    [ImportPeople.Step.Checking] = ctx.AddTask("Checking every row", maxValue: 1),
                    [ImportPeople.Step.Writing] = ctx.AddTask("Writing in one transaction", maxValue: 1),
                };
                var report = await import((step, done) => tasks[step].Value = done);
                foreach (var t in tasks.Values.Where(t => t.Value < 1)) t.StopTask();
                return report;
            });
}
