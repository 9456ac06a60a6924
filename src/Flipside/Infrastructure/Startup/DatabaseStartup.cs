using System.Net.Sockets;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Infrastructure.Demo;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Flipside.Infrastructure.Startup;

/// <summary>Everything that must be true of the database before the first request.</summary>
public static class DatabaseStartup
{
    public static void EnsureDataFolderWritable(FlipsideSettings settings)
    {
        if (settings.Provider != DatabaseProvider.Sqlite) return;
        var dir = settings.DataDirectory;
        try
        {
            Directory.CreateDirectory(dir);
            var probe = Path.Combine(dir, $".write-test-{Guid.NewGuid():N}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"Cannot write to the data folder {dir} ({e.GetType().Name}): choose a writable folder with --data DIR or fix its permissions.", e);
        }
    }

    public static async Task PrepareAsync(IServiceProvider services, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var settings = sp.GetRequiredService<FlipsideSettings>();
        var db = sp.GetRequiredService<FlipsideDb>();
        try
        {
            await db.Database.MigrateAsync(ct);
        }
        catch (Exception e) when (settings.Provider == DatabaseProvider.Postgres && IsUnreachable(e))
        {
            throw new StartupException($"Cannot reach PostgreSQL at {settings.PostgresEndpoint()} ({Innermost(e).Message.TrimEnd('.')}): start the server or fix ConnectionStrings:Flipside.", e);
        }
        catch (System.Data.Common.DbException e) when (e.Message.Contains(MigrationRefusal, StringComparison.Ordinal))
        {
            // A migration that cannot mend the data itself stops with words for the operator (see UniquePersonEmail).
            var words = e is PostgresException p ? p.MessageText : e.Message;
            throw new StartupException($"The database upgrade stopped, nothing was changed: {words.ReplaceLineEndings(" ")}", e);
        }
        catch (PostgresException e) when (e.SqlState.StartsWith("28", StringComparison.Ordinal) || e.SqlState == PostgresErrorCodes.InvalidCatalogName)
        {
            // Class 28 is "invalid authorization": a wrong user or password, or a client address pg_hba.conf refuses.
            throw new StartupException($"PostgreSQL at {settings.PostgresEndpoint()} refused the connection ({e.SqlState}: {e.MessageText.TrimEnd('.')}): fix the user, password or database in ConnectionStrings:Flipside.", e);
        }
        if (settings.Provider == DatabaseProvider.Sqlite)
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
        await KeysSetup.PrepareAsync(sp, db, ct);

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role))
                await roles.CreateAsync(new IdentityRole(role));

        var config = sp.GetRequiredService<IConfiguration>();
        if (config.GetValue<bool>("Demo:Enabled"))
            await DemoLoader.LoadOnceAsync(sp, config["Demo:Password"] ?? DemoLoader.DefaultPassword, ct);
    }

    /// <summary>The words every migration that refuses to run over bad data puts in its error.</summary>
    internal const string MigrationRefusal = "Flipside now needs";

    private static bool IsUnreachable(Exception e) =>
        Innermost(e) is SocketException or TimeoutException || e is NpgsqlException { InnerException: SocketException or TimeoutException or IOException };

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);
}
