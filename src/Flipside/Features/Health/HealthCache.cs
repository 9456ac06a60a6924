using System.Collections.Concurrent;
using Flipside.Data;
using Microsoft.Extensions.Caching.Memory;

namespace Flipside.Features.Health;

/// <summary>
/// Program health read from memory while nothing has changed. Building it reads every pair, meeting and pulse of the
/// program (half a second at 5,000 pairs), and managers and sponsors open it far more often than the data changes. A
/// report is reused while the data stamp (<see cref="FlipsideDb.DataStamp"/>) is the one it was built at and it is
/// younger than <see cref="MaxAge"/>: the age bounds what a bulk write that bypasses the stamp, or the passing of days,
/// could leave out of date. Readers see different pairs (a flag is hidden from the leader's reporting line), so the
/// key holds who reads; access is checked on every request before the cache is asked.
/// </summary>
public static class HealthCache
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);

    public sealed record Key(Guid ProgramId, Guid? CohortId, bool CanDrillDown, Guid? ReaderPersonId);

    private sealed record Entry(long Stamp, DateTimeOffset BuiltAt, HealthReport Report);

    // One build at a time per key: 32 readers arriving together would otherwise build the same report 32 times.
    private static readonly ConcurrentDictionary<Key, SemaphoreSlim> Building = new();

    public static async Task<HealthReport?> GetOrBuild(Key key, IMemoryCache? cache, FlipsideDb db, TimeProvider clock,
        Func<Task<HealthReport?>> build, CancellationToken ct)
    {
        if (cache is null) return await build();
        var stamp = await db.DataStamp(ct);
        if (Fresh(cache, key, stamp, clock) is { } hit) return hit;
        var gate = Building.GetOrAdd(key, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            if (Fresh(cache, key, stamp, clock) is { } built) return built;
            var builtAt = clock.GetUtcNow();
            var report = await build();
            if (report is not null) cache.Set(key, new Entry(stamp, builtAt, report), MaxAge);
            return report;
        }
        finally
        {
            gate.Release();
        }
    }

    private static HealthReport? Fresh(IMemoryCache cache, Key key, long stamp, TimeProvider clock)
    {
        if (!cache.TryGetValue(key, out Entry? entry) || entry is null || entry.Stamp != stamp) return null;
        var age = clock.GetUtcNow() - entry.BuiltAt;
        return age >= TimeSpan.Zero && age < MaxAge ? entry.Report : null;
    }
}
