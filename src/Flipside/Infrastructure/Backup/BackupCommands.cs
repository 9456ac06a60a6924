using System.CommandLine;
using Flipside.Infrastructure.Security;
using Flipside.Infrastructure.Startup;
using Microsoft.Data.Sqlite;

namespace Flipside.Infrastructure.Backup;

/// <summary>
/// <c>flipside backup --to FILE</c> and <c>flipside restore --from FILE</c> for the SQLite database. The backup is
/// online: SQLite's backup API copies a consistent snapshot while the app goes on serving (in WAL mode writers do not
/// wait for it). The key-encryption key goes beside the copy as FILE.key, because the database alone opens no
/// session, note or message (docs/decisions/0006). PostgreSQL has its own tools; the README gives the commands.
/// </summary>
public static class BackupCommands
{
    public static readonly Option<string?> To = new("--to") { Description = "The backup file to write (it must not exist yet); the key file goes beside it as FILE.key" };
    public static readonly Option<string?> From = new("--from") { Description = "The backup file to restore (with FILE.key beside it)" };
    public const string KeySuffix = ".key";

    private const string OnPostgres = "This database is PostgreSQL: back it up with pg_dump and restore it with pg_restore (see the README's \"Backup and restore\"), and keep the key file with it.";

    public static Command Backup()
    {
        var backup = new Command("backup", "Copy the SQLite database, while Flipside runs, and its key file to a backup") { To };
        backup.TreatUnmatchedTokensAsErrors = false; // configuration in the --Section:Key=value form passes through
        backup.SetAction((parsed, _) => WithSettings(parsed, (settings, keys) => BackupAsync(parsed.GetValue(To), settings, keys)));
        return backup;
    }

    public static Command Restore()
    {
        var restore = new Command("restore", "Put a backup and its key file into an empty data folder") { From };
        restore.TreatUnmatchedTokensAsErrors = false;
        restore.SetAction((parsed, _) => WithSettings(parsed, (settings, keys) => RestoreAsync(parsed.GetValue(From), settings, keys)));
        return restore;
    }

    /// <summary>Reads the settings as the app would, without starting it or touching the database.</summary>
    private static async Task<int> WithSettings(ParseResult parsed, Func<FlipsideSettings, KeyEncryptionKeys, Task<int>> run)
    {
        try
        {
            await using var app = FlipsideApp.Build(ServeCommand.HostArgs(parsed, FlipsideCli.PassThrough(parsed), demo: false, demoPassword: null));
            var settings = app.Services.GetRequiredService<FlipsideSettings>();
            if (settings.Provider != DatabaseProvider.Sqlite) return await Fail(OnPostgres, FlipsideCli.UsageError);
            return await run(settings, app.Services.GetRequiredService<KeyEncryptionKeys>());
        }
        catch (StartupException e)
        {
            return await Fail(e.Message, 1);
        }
    }

    private static async Task<int> BackupAsync(string? to, FlipsideSettings settings, KeyEncryptionKeys keys)
    {
        if (string.IsNullOrWhiteSpace(to)) return await Fail("Name the backup file with --to FILE.", FlipsideCli.UsageError);
        var target = Path.GetFullPath(to);
        var database = DatabaseFile(settings);
        if (!File.Exists(database)) return await Fail($"There is no database at {database}: give the data folder with --data DIR.", 1);
        if (File.Exists(target) || File.Exists(target + KeySuffix))
            return await Fail($"{target} or {target + KeySuffix} already exists: choose a new file name, so that no backup is overwritten.", 1);
        if (!keys.FromConfiguration && !File.Exists(keys.KeyFile))
            return await Fail($"The key file {keys.KeyFile} is missing: without it a backup opens nothing. Restore it first, or set {KeyEncryptionKeys.KeySetting}.", 1);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        await Copy(database, target);
        string key;
        if (keys.FromConfiguration)
            key = $"The key-encryption key comes from {KeyEncryptionKeys.KeySetting}, so no key file was copied: back that setting up too, from wherever you keep it.";
        else
        {
            CopyPrivate(keys.KeyFile, target + KeySuffix);
            key = $"Key file: {target + KeySuffix}";
        }
        Console.WriteLine($"Database: {target} ({new FileInfo(target).Length / 1024.0 / 1024.0:0.0} MB, a consistent copy taken while Flipside ran)");
        Console.WriteLine(key);
        Console.WriteLine("Keep the key with the backup, but as safely as a password: the database without its key opens no sign-in, note or message, and anyone with both can read them.");
        return 0;
    }

    private static async Task<int> RestoreAsync(string? from, FlipsideSettings settings, KeyEncryptionKeys keys)
    {
        if (string.IsNullOrWhiteSpace(from)) return await Fail("Name the backup file with --from FILE.", FlipsideCli.UsageError);
        var source = Path.GetFullPath(from);
        if (!File.Exists(source)) return await Fail($"There is no backup at {source}.", 1);
        var folder = settings.DataDirectory;
        if (Directory.Exists(folder) && Directory.EnumerateFileSystemEntries(folder).Any())
            return await Fail($"The data folder {folder} is not empty: restore only into an empty folder, so that no database or key is overwritten. Choose another with --data DIR, or move its files away first.", 1);
        var keyBackup = source + KeySuffix;
        if (!keys.FromConfiguration && !File.Exists(keyBackup))
            return await Fail($"The key file {keyBackup} is missing: the backup opens nothing without it. Put it beside the backup, or set {KeyEncryptionKeys.KeySetting}.", 1);
        if (await IntegrityProblem(source) is { } problem) return await Fail($"{source} is not a sound SQLite database ({problem}); nothing was restored.", 1);

        Directory.CreateDirectory(folder);
        var database = DatabaseFile(settings);
        await Copy(source, database);
        if (!keys.FromConfiguration) CopyPrivate(keyBackup, keys.KeyFile);
        Console.WriteLine($"Restored {source} into {folder}. Start Flipside with --data {folder}.");
        return 0;
    }

    private static string DatabaseFile(FlipsideSettings settings) => Path.GetFullPath(new SqliteConnectionStringBuilder(settings.ConnectionString).DataSource);

    /// <remarks>Opened for writing although only read: a database in WAL mode needs its shared-memory file, which a read-only open cannot make.</remarks>
    private static async Task Copy(string from, string to)
    {
        await using var source = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = from, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ConnectionString);
        await using var target = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = to, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ConnectionString);
        await source.OpenAsync();
        await target.OpenAsync();
        // One step copies every page under one read transaction: a snapshot, however many writes arrive meanwhile.
        source.BackupDatabase(target);
    }

    private static async Task<string?> IntegrityProblem(string file)
    {
        try
        {
            await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ConnectionString);
            await connection.OpenAsync();
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check";
            var result = (string?)await check.ExecuteScalarAsync();
            return result == "ok" ? null : result;
        }
        catch (SqliteException e)
        {
            return e.Message;
        }
    }

    /// <summary>A key file is readable by its owner only, as the app creates it.</summary>
    private static void CopyPrivate(string from, string to)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        File.Copy(from, to, overwrite: false);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(to, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    private static async Task<int> Fail(string message, int code)
    {
        await Console.Error.WriteLineAsync(message);
        return code;
    }
}
