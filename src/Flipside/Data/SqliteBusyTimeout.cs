using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Flipside.Data;

/// <summary>
/// Lets SQLite itself wait for the write lock. Without a busy timeout a second writer gets SQLITE_BUSY at once and
/// Microsoft.Data.Sqlite retries after sleeping 150 ms, so eight concurrent writers (an identity provider provisioning)
/// saw p95s of 300–600 ms for writes that take ten. SQLite's own handler retries within a millisecond or two. The
/// setting belongs to the native connection, which the pool keeps, so setting it again on each open costs a no-I/O pragma.
/// </summary>
public sealed class SqliteBusyTimeout : DbConnectionInterceptor
{
    private const string Pragma = "PRAGMA busy_timeout = 30000;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
