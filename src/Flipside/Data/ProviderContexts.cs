using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Flipside.Data;

public sealed class SqliteFlipsideDb(DbContextOptions<SqliteFlipsideDb> options) : FlipsideDb(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // SQLite has no date-time type; storing UTC ticks keeps comparisons and ORDER BY in SQL.
        builder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}

public sealed class PostgresFlipsideDb(DbContextOptions<PostgresFlipsideDb> options) : FlipsideDb(options);
