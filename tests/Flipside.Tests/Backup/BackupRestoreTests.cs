using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flipside.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Backup;

/// <summary><c>flipside backup</c> and <c>flipside restore</c> as processes, against a test app that keeps writing.</summary>
public sealed class BackupRestoreTests(FlipsideFactory app) : AdministeredTests(app), IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("flipside-backup-").FullName;

    private Task<FlipsideProcess.Outcome> Backup(string file) => FlipsideProcess.Run(["backup", "--to", file, "--data", App.Database.DataDirectory], new Dictionary<string, string>
    {
        ["Database__Provider"] = App.Database.Provider,
        ["ConnectionStrings__Flipside"] = App.Database.ConnectionString,
    }, TimeSpan.FromSeconds(300));

    private static Task<FlipsideProcess.Outcome> Restore(string file, string data) =>
        FlipsideProcess.Run(["restore", "--from", file, "--data", data], timeout: TimeSpan.FromSeconds(300));

    [SkippableFact]
    public async Task BackupDuringWrites_RestoresIntoANewFolder_AndTheAppServesTheCopy()
    {
        Skip.If(TestDatabase.IsPostgres, "PostgreSQL is backed up with pg_dump; the SQLite pass covers flipside backup.");
        var acknowledged = 0;
        using var stop = new CancellationTokenSource();
        var writes = Task.Run(async () =>
        {
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                var invited = await Admin.PostAsJsonAsync("/api/v1/admin/invitations", new { email = $"p{i}@example.com", name = $"Person {i}", role = "Participant" });
                Assert.Equal(HttpStatusCode.Created, invited.StatusCode);
                Interlocked.Increment(ref acknowledged);
            }
        });
        while (Volatile.Read(ref acknowledged) < 10) await Task.Delay(20);
        var before = Volatile.Read(ref acknowledged);
        var file = Path.Combine(_folder, "flipside-backup.db");

        var backup = await Backup(file);
        var during = Volatile.Read(ref acknowledged) - before;
        await stop.CancelAsync();
        await writes;

        Assert.True(backup.ExitCode == 0, backup.Error + backup.Out);
        Assert.Contains(file + ".key", backup.Out);
        Assert.Contains("without its key", backup.Out);
        Assert.True(during > 0, "no write was acknowledged while the backup ran, so the test proved nothing about an online copy");
        var data = Path.Combine(_folder, "restored");
        var restore = await Restore(file, data);
        Assert.True(restore.ExitCode == 0, restore.Error + restore.Out);
        Assert.Equal("ok", await IntegrityCheck(Path.Combine(data, "flipside.db")));

        using var copy = new FlipsideFactory()
            .With("Flipside:DataDirectory", data)
            .With("ConnectionStrings:Flipside", $"Data Source={Path.Combine(data, "flipside.db")}");
        var admin = await Given.SignedIn(copy, Given.AdminEmail);
        var invited = JsonDocument.Parse(await admin.GetStringAsync("/api/v1/audit?action=account.invited")).RootElement.GetProperty("entries");
        var invitations = await copy.Query(db => db.Invitations.CountAsync());
        Assert.InRange(invitations, before, Volatile.Read(ref acknowledged));
        Assert.Equal(Math.Min(invitations, 50), invited.GetArrayLength());
    }

    [SkippableFact]
    public async Task Restore_IntoAFolderThatIsNotEmpty_IsRefused_AndBackupNeverOverwrites()
    {
        Skip.If(TestDatabase.IsPostgres, "PostgreSQL is backed up with pg_dump; the SQLite pass covers flipside backup.");
        var file = Path.Combine(_folder, "backup.db");
        Assert.Equal(0, (await Backup(file)).ExitCode);
        var occupied = Path.Combine(_folder, "occupied");
        Directory.CreateDirectory(occupied);
        await File.WriteAllTextAsync(Path.Combine(occupied, "flipside.db"), "someone's data");

        var restore = await Restore(file, occupied);
        var again = await Backup(file);

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("is not empty", restore.Error);
        Assert.Equal("someone's data", await File.ReadAllTextAsync(Path.Combine(occupied, "flipside.db")));
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("already exists", again.Error);
    }

    [SkippableFact]
    public async Task Restore_WithoutTheKeyFile_IsRefused()
    {
        Skip.If(TestDatabase.IsPostgres, "PostgreSQL is backed up with pg_dump; the SQLite pass covers flipside backup.");
        var file = Path.Combine(_folder, "backup.db");
        Assert.Equal(0, (await Backup(file)).ExitCode);
        File.Delete(file + ".key");

        var restore = await Restore(file, Path.Combine(_folder, "restored"));

        Assert.Equal(1, restore.ExitCode);
        Assert.Contains("key file", restore.Error);
        Assert.False(File.Exists(Path.Combine(_folder, "restored", "flipside.db")));
    }

    [SkippableFact]
    public async Task Backup_OnPostgres_PointsToPgDump()
    {
        Skip.IfNot(TestDatabase.IsPostgres, "Only a PostgreSQL database is sent to pg_dump; the PostgreSQL pass covers it.");

        var backup = await Backup(Path.Combine(_folder, "backup.db"));

        Assert.Equal(2, backup.ExitCode);
        Assert.Contains("pg_dump", backup.Error);
    }

    private static async Task<string?> IntegrityCheck(string file)
    {
        await using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        await connection.OpenAsync();
        await using var check = connection.CreateCommand();
        check.CommandText = "PRAGMA integrity_check";
        return (string?)await check.ExecuteScalarAsync();
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try { Directory.Delete(_folder, recursive: true); } catch (IOException) { /* a file still open on a slow runner; the temp folder is cleaned later */ }
    }
}
