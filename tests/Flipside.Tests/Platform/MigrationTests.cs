using Flipside.Data;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Platform;

/// <summary>Fails when the model has changes that a provider's migrations do not cover.</summary>
public sealed class MigrationTests
{
    [Fact]
    public void SqliteMigrations_CoverTheModel()
    {
        using var db = new SqliteFlipsideDb(new DbContextOptionsBuilder<SqliteFlipsideDb>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet run --project tools/AddMigration -- <Name>");
    }

    [Fact]
    public void PostgresMigrations_CoverTheModel()
    {
        using var db = new PostgresFlipsideDb(new DbContextOptionsBuilder<PostgresFlipsideDb>().UseNpgsql("Host=localhost").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "Run: dotnet run --project tools/AddMigration -- <Name>");
    }
}
