using Flipside.Data;
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
            // In that migration's columns, not through today's model: a column added to people since is not there yet.
            await OldPerson(db, "E1", "Ana One", "shared@example.com", 3, new DateOnly(2020, 1, 6));
            await OldPerson(db, "E2", "Ben Two", "Shared@Example.com", 8, new DateOnly(2015, 3, 2));
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

    private static Task<int> OldPerson(FlipsideDb db, string employeeId, string name, string email, int grade, DateOnly hired)
    {
        // SQLite keeps ids and dates as text, as EF writes them there.
        object id = TestDatabase.IsPostgres ? Guid.NewGuid() : Guid.NewGuid().ToString().ToUpperInvariant();
        object date = TestDatabase.IsPostgres ? hired : hired.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return db.Database.ExecuteSqlAsync($"""
            INSERT INTO "People" ("Id", "EmployeeId", "Name", "Email", "Title", "Grade", "Department", "Location", "TimeZone", "HireDate", "Languages", "Status")
            VALUES ({id}, {employeeId}, {name}, {email}, '', {grade}, '', '', 'UTC', {date}, '', 'Active')
            """);
    }

    private static FlipsideDb Open(TestDatabase database) => TestDatabase.IsPostgres
        ? new PostgresFlipsideDb(new DbContextOptionsBuilder<PostgresFlipsideDb>().UseNpgsql(database.ConnectionString).Options)
        : new SqliteFlipsideDb(new DbContextOptionsBuilder<SqliteFlipsideDb>().UseSqlite(database.ConnectionString).Options);
}
