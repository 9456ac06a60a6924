using Microsoft.Data.Sqlite;
using Npgsql;

namespace Flipside.Tests.Support;

/// <summary>
/// A fresh, empty database for one test app. The provider comes from FLIPSIDE_TEST_PROVIDER (set by
/// test.sh), so the same tests run on SQLite and on PostgreSQL.
/// </summary>
public sealed class TestDatabase : IDisposable
{
    public string Provider { get; }
    public string ConnectionString { get; }
    public string DataDirectory { get; }
    private readonly string? _databaseName;

    public static string CurrentProvider => Environment.GetEnvironmentVariable("FLIPSIDE_TEST_PROVIDER") is { Length: > 0 } p ? p : "Sqlite";
    public static bool IsPostgres => CurrentProvider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);

    public TestDatabase()
    {
        Provider = CurrentProvider;
        DataDirectory = Directory.CreateTempSubdirectory("flipside-test-").FullName;
        if (IsPostgres)
        {
            var server = Environment.GetEnvironmentVariable("FLIPSIDE_TEST_POSTGRES")
                ?? throw new InvalidOperationException("FLIPSIDE_TEST_POSTGRES must hold a connection string to a PostgreSQL server (test.sh sets it).");
            _databaseName = $"flipside_test_{Guid.NewGuid():N}";
            ConnectionString = new NpgsqlConnectionStringBuilder(server) { Database = _databaseName }.ConnectionString;
        }
        else
        {
            ConnectionString = $"Data Source={Path.Combine(DataDirectory, "flipside.db")}";
        }
    }

    /// <summary>Makes the database stop answering, to see how the app reports it.</summary>
    public void Break()
    {
        if (_databaseName is null)
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(DataDirectory, recursive: true);
            return;
        }
        NpgsqlConnection.ClearAllPools();
        using var admin = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Database = "postgres" }.ConnectionString);
        admin.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_databaseName}\" WITH (FORCE)", admin);
        drop.ExecuteNonQuery();
    }

    public void Dispose()
    {
        if (_databaseName is not null)
        {
            try { Break(); } catch (NpgsqlException) { /* the throwaway server is removed after the run anyway */ }
        }
        else
        {
            SqliteConnection.ClearAllPools();
        }
        if (Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
    }
}
