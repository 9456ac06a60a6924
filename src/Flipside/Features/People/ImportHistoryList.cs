using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.People;

/// <summary>The latest imports, newest first, with who ran them, from which source, what they did and whether they were undone.</summary>
public static class ImportHistoryList
{
    public const int Shown = 50;

    public sealed record Row(Guid Id, int Number, DateTimeOffset At, string By, string Source, int Rows, int Created, int Updated, int Unchanged,
        int MarkedLeft, DateTimeOffset? UndoneAt);

    public static async Task<Outcome<IReadOnlyList<Row>>> Handle(Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        if (!viewer.IsProgramStaff) return Outcome.Forbidden("Only program managers and administrators see the import history.");
        return await db.Set<ImportRun>().OrderByDescending(r => r.Number).Take(Shown)
            .Select(r => new Row(r.Id, r.Number, r.At, r.ByName, r.Source, r.Rows, r.Created, r.Updated, r.Unchanged, r.MarkedLeft, r.UndoneAt))
            .ToListAsync(ct);
    }
}
