using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Programs;

/// <summary>What the list, the overview, the home page and the API read about programs the viewer may see.</summary>
public static class ProgramQueries
{
    /// <param name="Pairs">Pairings published and running (active or paused); only the program page counts them.</param>
    public sealed record CohortRow(Guid Id, string Name, DateOnly StartsOn, DateOnly EndsOn, int Capacity, CohortStatus Status, bool OpenForApplications, int Pairs = 0)
    {
        public static CohortRow Of(Cohort c) => new(c.Id, c.Name, c.StartsOn, c.EndsOn, c.Capacity, c.Status, c.OpenForApplications);
    }

    public sealed record ProgramRow(Guid Id, string Name, ProgramStatus Status, IReadOnlyList<CohortRow> Cohorts);

    public sealed record ManagerRow(string UserId, string Name, string Email);

    /// <summary><see cref="Version"/> goes up with every change; send it back (If-Match, or the form's hidden field) to save safely.</summary>
    public sealed record ProgramDetails(Guid Id, ProgramStatus Status, DateTimeOffset CreatedAt, DateTimeOffset? ArchivedAt, string Cadence,
        ProgramInput Program, IReadOnlyList<CohortRow> Cohorts, IReadOnlyList<ManagerRow> Managers, IReadOnlyList<ManagerRow> Sponsors, int Version);

    /// <summary>Running programs first, then by name.</summary>
    public static async Task<IReadOnlyList<ProgramRow>> List(Viewer viewer, CancellationToken ct) =>
        await viewer.ManagedPrograms
            .OrderBy(p => p.Status == ProgramStatus.Archived).ThenBy(p => p.Name)
            .Select(p => new ProgramRow(p.Id, p.Name, p.Status, p.Cohorts.OrderBy(c => c.StartsOn).ThenBy(c => c.Name)
                .Select(c => new CohortRow(c.Id, c.Name, c.StartsOn, c.EndsOn, c.Capacity, c.Status, c.OpenForApplications)).ToList()))
            .ToListAsync(ct);

    public static async Task<ProgramDetails?> Get(Guid id, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        var p = await viewer.ManagedPrograms.AsNoTracking().AsSplitQuery()
            .Include(x => x.Objectives).ThenInclude(o => o.Measures).Include(x => x.Cohorts).Include(x => x.Managers).Include(x => x.Sponsors)
            .FirstOrDefaultAsync(x => x.Id == id, ct);
        if (p is null) return null;
        var ids = p.Managers.Select(m => m.UserId).Concat(p.Sponsors.Select(s => s.UserId)).ToList();
        var accounts = await db.Users.Where(u => ids.Contains(u.Id)).OrderBy(u => u.DisplayName)
            .Select(u => new ManagerRow(u.Id, u.DisplayName, u.Email!)).ToListAsync(ct);
        var cohortIds = p.Cohorts.Select(c => c.Id).ToList();
        var pairs = await db.Pairings.Where(x => cohortIds.Contains(x.CohortId) && Pairing.Running.Contains(x.Status))
            .GroupBy(x => x.CohortId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count, ct);
        var cohorts = p.Cohorts.OrderBy(c => c.StartsOn).ThenBy(c => c.Name).Select(c => CohortRow.Of(c) with { Pairs = pairs.GetValueOrDefault(c.Id) }).ToList();
        return new(p.Id, p.Status, p.CreatedAt, p.ArchivedAt, p.DescribeCadence(), ProgramInput.From(p), cohorts,
            [.. accounts.Where(a => p.IsManagedBy(a.UserId))], [.. accounts.Where(a => p.Sponsors.Any(s => s.UserId == a.UserId))], p.Version);
    }

    /// <summary>A cohort of a program the viewer manages, or null.</summary>
    public static Task<Cohort?> Cohort(Guid programId, Guid cohortId, Viewer viewer, CancellationToken ct) =>
        viewer.ManagedCohorts.AsNoTracking().FirstOrDefaultAsync(c => c.Id == cohortId && c.ProgramId == programId, ct);
}
