using Flipside.Data;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Matching;

/// <summary>
/// Each person's managers from the directory, nearest first, up to the top: the engine refuses a pair when
/// either appears in the other's chain, so a skip-level manager is caught as surely as a direct one.
/// </summary>
public static class ReportingLines
{
    /// <summary>Managers' person ids, nearest first, for each of the given people (keyed by person id).</summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>> ChainsAsync(FlipsideDb db, IReadOnlyCollection<Guid> people, CancellationToken ct)
    {
        var start = await db.People.Where(p => people.Contains(p.Id)).Select(p => new Start(p.Id, p.EmployeeId, p.ManagerEmployeeId)).ToListAsync(ct);
        return await ChainsAsync(db, start, ct);
    }

    /// <summary>A person whose directory row the caller has already read.</summary>
    public sealed record Start(Guid Id, string EmployeeId, string? ManagerEmployeeId);

    /// <summary>Managers' person ids, nearest first, for people whose own rows the caller has read (keyed by person id).</summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>> ChainsAsync(FlipsideDb db, IReadOnlyList<Start> start, CancellationToken ct)
    {
        // Walks up one level a query, loading only the people on the way: a directory may be far larger than a cohort.
        var known = new Dictionary<string, (Guid Id, string? Manager)>();
        foreach (var p in start)
            known[p.EmployeeId] = (p.Id, p.ManagerEmployeeId);
        var wanted = known.Values.Select(v => v.Manager).OfType<string>().Where(m => !known.ContainsKey(m)).ToHashSet();
        while (wanted.Count > 0)
        {
            var level = await db.People.Where(p => wanted.Contains(p.EmployeeId)).Select(p => new { p.Id, p.EmployeeId, p.ManagerEmployeeId }).ToListAsync(ct);
            foreach (var p in level)
                known[p.EmployeeId] = (p.Id, p.ManagerEmployeeId);
            wanted = [.. level.Select(p => p.ManagerEmployeeId).OfType<string>().Where(m => !known.ContainsKey(m))];
        }
        return start.ToDictionary(p => p.Id, p => Chain(p.EmployeeId, known));
    }

    // A cycle in the directory (A manages B manages A) ends the chain where it repeats instead of looping.
    private static IReadOnlyList<Guid> Chain(string employeeId, Dictionary<string, (Guid Id, string? Manager)> known)
    {
        var chain = new List<Guid>();
        var seen = new HashSet<string> { employeeId };
        for (var manager = known[employeeId].Manager; manager is not null && seen.Add(manager) && known.TryGetValue(manager, out var next); manager = next.Manager)
            chain.Add(next.Id);
        return chain;
    }
}
