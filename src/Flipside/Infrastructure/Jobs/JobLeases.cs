using System.Collections.Concurrent;
using Npgsql;

namespace Flipside.Infrastructure.Jobs;

/// <summary>Who may run a job now: at most one holder per job name (docs/decisions/0007-jobs-and-leases.md).</summary>
public interface IJobLeases
{
    /// <returns>The lease, released when disposed; null while someone else holds it.</returns>
    Task<IAsyncDisposable?> TryAcquireAsync(string jobName, CancellationToken ct);
}

/// <summary>
/// PostgreSQL: a transaction-scoped advisory lock on a connection of the lease's own, held while the job runs.
/// Its own connection, so that the job's saves commit as the job makes them; transaction-scoped, so that the lock
/// goes when the transaction or the connection does, even if this process dies mid-run.
/// </summary>
public sealed class PostgresJobLeases(string connectionString) : IJobLeases
{
    public async Task<IAsyncDisposable?> TryAcquireAsync(string jobName, CancellationToken ct)
    {
        // The lease takes the connection over, or the finally below closes it; the analyzer cannot follow the hand-over.
#pragma warning disable CA2000
        NpgsqlConnection? connection = new(connectionString);
#pragma warning restore CA2000
        try
        {
            await connection.OpenAsync(ct);
            var transaction = await connection.BeginTransactionAsync(ct);
            await using var command = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(hashtext('flipside-job:' || @name))", connection, transaction);
            command.Parameters.AddWithValue("name", jobName);
            if (await command.ExecuteScalarAsync(ct) is not true) return null;
            var held = new Held(connection, transaction);
            connection = null; // the lease owns it now and closes it when the run ends
            return held;
        }
        finally
        {
            if (connection is not null) await connection.DisposeAsync();
        }
    }

    private sealed class Held(NpgsqlConnection connection, NpgsqlTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // Rolling back ends the transaction and with it the lock; closing would too, but this says so.
            try { await transaction.RollbackAsync(CancellationToken.None); }
            catch (NpgsqlException) { } // a broken connection has already lost the lock with its session
            await transaction.DisposeAsync();
            await connection.DisposeAsync();
        }
    }
}

/// <summary>SQLite lives on one machine with one app process: a lock in memory gives the same rule without a database.</summary>
public sealed class InProcessJobLeases : IJobLeases
{
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    public Task<IAsyncDisposable?> TryAcquireAsync(string jobName, CancellationToken ct)
    {
        var gate = _locks.GetOrAdd(jobName, _ => new SemaphoreSlim(1, 1));
        return Task.FromResult<IAsyncDisposable?>(gate.Wait(0, ct) ? new Held(gate) : null);
    }

    private sealed class Held(SemaphoreSlim gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0) gate.Release();
            return ValueTask.CompletedTask;
        }
    }
}
