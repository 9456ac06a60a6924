using Flipside.Data;
using Flipside.Domain;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Flipside.Tests.Platform;

/// <summary>An upgrade that meets data it cannot mend stops with one line for the operator and changes nothing.</summary>
public sealed class UpgradeTests
{
    // The last migration before each email had to be unique.
    private const string BeforeUniqueEmails = "20261123200433_PeopleSearchTrigramIndex";

    [Fact]
    public async Task AnUpgradeMeetingTwoPeopleWithOneEmail_StopsWithOneLine_AndChangesNothing()
    {
        using var database = new TestDatabase();
        await using (var db = Open(database))
        {
            await db.GetService<IMigrator>().MigrateAsync(BeforeUniqueEmails);
            db.People.AddRange(
                new Person("E1") { Name = "Ana One", Email = "shared@example.com", Grade = 3, HireDate = new DateOnly(2020, 1, 6) },
                new Person("E2") { Name = "Ben Two", Email = "Shared@Example.com", Grade = 8, HireDate = new DateOnly(2015, 3, 2) });
            await db.SaveChangesAsync();
        }

        var run = await FlipsideProcess.Run(["migrate", "--data", database.DataDirectory], TestDatabase.IsPostgres
            ? new Dictionary<string, string> { ["Database__Provider"] = "Postgres", ["ConnectionStrings__Flipside"] = database.ConnectionString }
            : null);

        Assert.Equal(1, run.ExitCode);
        var line = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("The database upgrade stopped, nothing was changed:", line, StringComparison.Ordinal);
        Assert.Contains("share an email address", line, StringComparison.Ordinal);
        await using var after = Open(database);
        Assert.Equal(BeforeUniqueEmails, (await after.Database.GetAppliedMigrationsAsync()).Last());
        Assert.Equal(["Shared@Example.com", "shared@example.com"], (await after.People.Select(p => p.Email).ToListAsync()).Order(StringComparer.Ordinal));
    }

    private static FlipsideDb Open(TestDatabase database) => TestDatabase.IsPostgres
        ? new PostgresFlipsideDb(new DbContextOptionsBuilder<PostgresFlipsideDb>().UseNpgsql(database.ConnectionString).Options)
        : new SqliteFlipsideDb(new DbContextOptionsBuilder<SqliteFlipsideDb>().UseSqlite(database.ConnectionString).Options);
}
