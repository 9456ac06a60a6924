using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.People;

/// <summary>Saves a mapping under a name, replacing the one saved under it before; and lists and finds saved mappings.</summary>
public static class SaveImportMapping
{
    /// <summary>The field an invalid mapping name is reported under; "name" is the mapping's own name field.</summary>
    public const string NameField = "mappingName";

    public sealed record Saved(string Name, DateTimeOffset SavedAt, ImportMapping Mapping);

    public static async Task<Outcome<Saved>> Handle(string name, ImportMapping mapping, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!viewer.IsProgramStaff) return Outcome.Forbidden("Only program managers and administrators manage import mappings.");
        name = name.Trim();
        if (name.Length is 0 or > SavedImportMapping.MaxNameLength)
            return Outcome.Invalid(NameField, $"Name the mapping in 1 to {SavedImportMapping.MaxNameLength} characters, such as the HR system it is for.");
        if (mapping.Check(null) is { Count: > 0 } errors) return Outcome.Invalid(errors);
        var now = clock.GetUtcNow();
        var saved = await db.Set<SavedImportMapping>().SingleOrDefaultAsync(m => m.Name == name, ct);
        if (saved is null) db.Add(saved = new SavedImportMapping(name));
        (saved.Definition, saved.SavedAt, saved.SavedBy) = (mapping.ToJson(), now, viewer.UserId);
        db.Record(viewer, now, "people.mapping-saved", "ImportMapping", name, $"Import mapping {name} saved");
        return await Outcome.Of(Save(db, new Saved(name, now, mapping), ct));
    }

    private static async Task<Outcome<Saved>> Save(FlipsideDb db, Saved saved, CancellationToken ct)
    {
        await db.SaveChangesAsync(ct);
        return saved;
    }

    public static async Task<Outcome<IReadOnlyList<Saved>>> List(Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        if (!viewer.IsProgramStaff) return Outcome.Forbidden("Only program managers and administrators manage import mappings.");
        var rows = await db.Set<SavedImportMapping>().AsNoTracking().OrderBy(m => m.Name).ToListAsync(ct);
        return rows.Select(m => new Saved(m.Name, m.SavedAt, ImportMapping.FromJson(m.Definition))).ToList();
    }

    public static async Task<Outcome<Saved>> Find(string name, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        if (!viewer.IsProgramStaff) return Outcome.Forbidden("Only program managers and administrators manage import mappings.");
        var found = await db.Set<SavedImportMapping>().AsNoTracking().SingleOrDefaultAsync(m => m.Name == name.Trim(), ct);
        return found is null ? Outcome.NotFound : new Saved(found.Name, found.SavedAt, ImportMapping.FromJson(found.Definition));
    }
}
