using Flipside.Infrastructure.Jobs;
using Flipside.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Flipside.Tests.Infrastructure;

public sealed class JobLeaseTests : IDisposable
{
    private readonly FlipsideFactory _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task AJobsLease_HasOneHolderAtATime_AndIsFreeAgainOnceReleased()
    {
        var leases = _app.Services.GetRequiredService<IJobLeases>();

        var first = await leases.TryAcquireAsync("outbox", CancellationToken.None);
        Assert.NotNull(first);
        Assert.Null(await leases.TryAcquireAsync("outbox", CancellationToken.None));
        await using (var other = await leases.TryAcquireAsync("reminders", CancellationToken.None))
            Assert.NotNull(other); // another job's lease is another lease

        await first.DisposeAsync();
        await using var again = await leases.TryAcquireAsync("outbox", CancellationToken.None);
        Assert.NotNull(again);
    }

    [Fact]
    public async Task OnPostgres_TwoInstances_CannotHoldTheSameJobsLease_UntilTheFirstLetsGo()
    {
        // SQLite lives on one machine with one app process: there is no second instance to keep out.
        if (!TestDatabase.IsPostgres) return;
        var connectionString = _app.Database.ConnectionString;
        _ = _app.Services; // creates the database
        var one = new PostgresJobLeases(connectionString);
        var two = new PostgresJobLeases(connectionString); // another app instance, with its own connections

        var held = await one.TryAcquireAsync("outbox", CancellationToken.None);
        Assert.NotNull(held);
        Assert.IsType<PostgresJobLeases>(_app.Services.GetRequiredService<IJobLeases>());
        Assert.Null(await two.TryAcquireAsync("outbox", CancellationToken.None));
        Assert.False(await LockIsFree(connectionString, "outbox"));

        await held.DisposeAsync();
        Assert.True(await LockIsFree(connectionString, "outbox"));
        await using var taken = await two.TryAcquireAsync("outbox", CancellationToken.None);
        Assert.NotNull(taken);
    }

    /// <summary>Asks from a third connection, as an operator would, whether the advisory lock is free.</summary>
    private static async Task<bool> LockIsFree(string connectionString, string job)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(hashtext('flipside-job:' || @job))", connection);
        command.Parameters.AddWithValue("job", job);
        return await command.ExecuteScalarAsync() is true;
    }
}
