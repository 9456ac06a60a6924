using Flipside.Tests.Support;

namespace Flipside.Tests.Cli;

public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("flipside-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Help_ListsVerbsAndOptions()
    {
        var run = await FlipsideProcess.Run(["--help"]);

        Assert.Equal(0, run.ExitCode);
        foreach (var word in new[] { "migrate", "--data", "--demo", "--demo-password", "--urls" })
            Assert.Contains(word, run.Out);
    }

    [Fact]
    public async Task MigrateHelp_ShowsHelp_AndTouchesNoDatabase()
    {
        var data = Path.Combine(_dir, "data");

        var run = await FlipsideProcess.Run(["migrate", "--help", "--data", data]);

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Apply database migrations and exit", run.Out);
        Assert.False(Directory.Exists(data));
    }

    [Fact]
    public async Task AnUnknownVerb_PrintsHelp_AndExits2()
    {
        var run = await FlipsideProcess.Run(["frobnicate"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("Unknown command or argument 'frobnicate'", run.Error);
        Assert.Contains("migrate", run.Out);
    }

    [Fact]
    public async Task Migrate_CreatesTheDatabaseInTheDataFolder_AndExits0()
    {
        var data = Path.Combine(_dir, "data");

        var run = await FlipsideProcess.Run(["migrate", "--data", data]);

        Assert.True(run.ExitCode == 0, run.Error);
        Assert.True(File.Exists(Path.Combine(data, "flipside.db")));
    }

    [Fact]
    public async Task ADataFolderThatCannotBeWritten_StopsStartupWithOneLine()
    {
        var blocker = Path.Combine(_dir, "a-file");
        await File.WriteAllTextAsync(blocker, "not a folder");
        var data = Path.Combine(blocker, "data");

        var run = await FlipsideProcess.Run(["--data", data, "--urls", "http://127.0.0.1:0"]);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(data, line);
        Assert.Contains("--data", line);
    }

    [Fact]
    public async Task AnUnreachablePostgres_StopsStartupWithOneLineNamingHostAndPort()
    {
        var run = await FlipsideProcess.Run(["migrate"], new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Flipside"] = "Host=127.0.0.1;Port=1;Username=flipside;Database=flipside;Timeout=3",
        });

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("Cannot reach PostgreSQL at 127.0.0.1:1", line);
    }

    [SkippableFact]
    public async Task APostgresThatRefusesTheUser_StopsStartupWithOneLine()
    {
        // Needs a live server: the PostgreSQL pass of test.sh provides one; the SQLite pass has none to ask.
        var server = Environment.GetEnvironmentVariable("FLIPSIDE_TEST_POSTGRES");
        Skip.If(string.IsNullOrEmpty(server), "Needs a PostgreSQL server (FLIPSIDE_TEST_POSTGRES), which only the PostgreSQL pass has.");
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(server) { Username = "no_such_role", Database = "flipside_cli", Timeout = 5 };

        var run = await FlipsideProcess.Run(["migrate"], new Dictionary<string, string>
        {
            ["Database__Provider"] = "Postgres",
            ["ConnectionStrings__Flipside"] = builder.ConnectionString,
        });

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"PostgreSQL at {builder.Host}:{builder.Port} refused the connection (28", line);
        Assert.Contains("no_such_role", line);
    }

    [Fact]
    public async Task AShortDemoPassword_IsRefusedBeforeAnythingStarts()
    {
        var run = await FlipsideProcess.Run(["--demo", "--demo-password", "short", "--data", Path.Combine(_dir, "data")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--demo-password", run.Error);
        Assert.False(Directory.Exists(Path.Combine(_dir, "data")));
    }
}
