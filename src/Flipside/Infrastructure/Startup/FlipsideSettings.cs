using Npgsql;

namespace Flipside.Infrastructure.Startup;

public enum DatabaseProvider { Sqlite, Postgres }

/// <summary>Where the data lives, resolved once from configuration.</summary>
public sealed record FlipsideSettings(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public static FlipsideSettings From(IConfiguration config)
    {
        var dataDirectory = Path.GetFullPath(config["Flipside:DataDirectory"] is { Length: > 0 } d ? d : "./data");
        var providerName = config["Database:Provider"] is { Length: > 0 } p ? p : nameof(DatabaseProvider.Sqlite);
        if (!Enum.TryParse<DatabaseProvider>(providerName, ignoreCase: true, out var provider))
            throw new StartupException($"Database:Provider is '{providerName}'; use Sqlite or Postgres.");
        var connectionString = config.GetConnectionString("Flipside");
        if (provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connectionString))
            throw new StartupException("Database:Provider is Postgres but ConnectionStrings:Flipside is empty; set ConnectionStrings__Flipside to e.g. Host=db;Username=flipside;Password=...;Database=flipside.");
        if (string.IsNullOrWhiteSpace(connectionString))
            connectionString = $"Data Source={Path.Combine(dataDirectory, "flipside.db")}";
        return new(provider, connectionString, dataDirectory);
    }

    /// <summary>"host:port" of the PostgreSQL server, for messages that help someone fix a connection.</summary>
    public string PostgresEndpoint()
    {
        var b = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"{b.Host}:{b.Port}";
    }
}

/// <summary>A reason the app cannot start, written as one line that says what to fix.</summary>
public sealed class StartupException(string message, Exception? inner = null) : Exception(message, inner);
