using Microsoft.Extensions.Caching.Memory;

namespace Flipside.Data;

/// <summary>
/// A read kept in memory while nothing has changed: reused while the data stamp (<see cref="FlipsideDb.DataStamp"/>) is the
/// one it was built at and it is younger than <see cref="MaxAge"/>. The age bounds what the passing of time (a meeting
/// that has started, a day that has ended) or a bulk write that bypasses the stamp could leave out of date. The stamp is
/// one row in the database, so another instance's save invalidates this one's copy as well. Callers check access on every
/// request before asking, and put into the key whatever makes two readers see different things.
/// </summary>
public static class StampedCache
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    private sealed record Entry<T>(long Stamp, DateTimeOffset BuiltAt, T Value);

    // One build at a time per key, so 32 readers arriving together build a report once. A fixed set of gates shared by
    // hash: keys come and go (cohorts, pages, feeds), and a gate per key would be a dictionary that only grows.
    private static readonly SemaphoreSlim[] Gates = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    public static async Task<T?> GetOrBuild<T>(object key, IMemoryCache? cache, FlipsideDb db, TimeProvider clock, Func<Task<T?>> build,
        CancellationToken ct) where T : class
    {
        if (cache is null) return await build();
        var stamp = await db.DataStamp(ct);
        if (Fresh<T>(cache, key, stamp, clock) is { } hit) return hit;
        var gate = Gates[(key.GetHashCode() & int.MaxValue) % Gates.Length];
        await gate.WaitAsync(ct);
        try
        {
            if (Fresh<T>(cache, key, stamp, clock) is { } built) return built;
            var builtAt = clock.GetUtcNow();
            var value = await build();
            if (value is not null) cache.Set(key, new Entry<T>(stamp, builtAt, value), MaxAge);
            return value;
        }
        finally
        {
            gate.Release();
        }
    }

    private static T? Fresh<T>(IMemoryCache cache, object key, long stamp, TimeProvider clock) where T : class
    {
        if (!cache.TryGetValue(key, out Entry<T>? entry) || entry is null || entry.Stamp != stamp) return null;
        var age = clock.GetUtcNow() - entry.BuiltAt;
        return age >= TimeSpan.Zero && age < MaxAge ? entry.Value : null;
    }
}
