using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;
using static Flipside.Features.People.ImportMapping;

namespace Flipside.Features.People;

/// <summary>What a mapped import shows beside the counts: the mapping, the first rows as stored, external managers, people at the top.</summary>
public sealed record MappingPreview(string? Name, IReadOnlyList<StoredRow> FirstRows, MappingNotes Notes);

/// <summary>A row as Flipside will store it.</summary>
public sealed record StoredRow(string EmployeeId, string Name, string Email, int Grade, string Department, string TimeZone, string? ManagerId,
    DateOnly? HireDate, string Status);

/// <summary>
/// Imports any HR export (CSV or .xlsx) through a mapping, given as is or by the name it was saved under: the file becomes
/// Flipside's columns, then goes through <see cref="ImportPeople"/>, so the checks, the preview and the single
/// transaction are the same; problems name the HR file's own rows and columns.
/// </summary>
public static class ImportMapped
{
    public const int RowsShown = 5;

    public sealed record Request(byte[] File, string FileName, ImportMapping? Mapping, string? MappingName, bool MarkMissingAsLeft, bool DryRun,
        string Source, bool SameSourceOnly = false);

    public static async Task<Outcome<ImportPeople.Report>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!viewer.IsProgramStaff) return Outcome.Forbidden("Only program managers and administrators import the directory.");
        var mapping = r.Mapping;
        if (mapping is null)
        {
            var name = r.MappingName?.Trim() ?? "";
            var saved = await db.Set<SavedImportMapping>().AsNoTracking().SingleOrDefaultAsync(m => m.Name == name, ct);
            if (saved is null)
            {
                var names = await db.Set<SavedImportMapping>().Select(m => m.Name).OrderBy(n => n).ToListAsync(ct);
                return Outcome.Invalid("mapping", names.Count == 0
                    ? $"No mapping is saved under the name \"{name}\", and none is saved yet: save one on the import page's mapping screen."
                    : $"No mapping is saved under the name \"{name}\". Saved mappings: {string.Join(", ", names)}.");
            }
            mapping = FromJson(saved.Definition);
        }
        var problems = new List<ImportProblem>();
        if (HrFile.Read(r.File, r.FileName, problems) is not { } table) return Failed(problems, 0);
        if (mapping.Check(table.Headers) is { Count: > 0 } errors) return Outcome.Invalid(errors);

        var directory = await db.People.AsNoTracking()
            .Select(p => new MappedFile.Candidate(p.EmployeeId, p.Name, p.Email, p.Status == PersonStatus.Left)).ToListAsync(ct);
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var mapped = MappedFile.Translate(table, mapping, directory, today, problems);
        if (problems.Count > 0)
        {
            // The rest of the file's problems are listed too, once: a value the mapping could not turn is not reported again as empty.
            var seen = problems.Select(p => (p.Row, p.Column)).ToHashSet();
            var more = Remap(await ImportPeople.Check(new MemoryStream(mapped.Csv), db, clock, ct), mapped, mapping).Where(p => !seen.Contains((p.Row, p.Column)));
            return Failed([.. problems, .. more], table.Rows.Count);
        }
        var outcome = await Outcome.Of(ImportPeople.Handle(new(new MemoryStream(mapped.Csv), r.MarkMissingAsLeft, r.DryRun, r.Source, r.SameSourceOnly),
            viewer, db, clock, ct));
        if (outcome.Problem is { } refused) return refused;
        var report = outcome.Value;
        return report with
        {
            Problems = Remap(report.Problems, mapped, mapping),
            Mapping = new(r.MappingName, FirstRows(mapped, today), mapped.Notes),
        };
    }

    private static ImportPeople.Report Failed(List<ImportProblem> problems, int rows) =>
        new([.. problems.OrderBy(p => p.Row)], rows, 0, 0, 0, 0);

    /// <summary>Problems found in the Flipside columns, told in the HR file's rows and column names.</summary>
    private static List<ImportProblem> Remap(IEnumerable<ImportProblem> problems, MappedFile mapped, ImportMapping mapping) =>
        [.. problems.Select(p => p with
        {
            Row = p.Row >= 2 && p.Row - 2 < mapped.RowOf.Length ? mapped.RowOf[p.Row - 2] : p.Row,
            Column = SourceColumn(p.Column, mapping),
        })];

    private static string SourceColumn(string column, ImportMapping mapping)
    {
        string? field = column switch
        {
            PeopleCsv.ManagerId => Manager,
            PeopleCsv.Status => mapping.ColumnOf(Status) is null ? TerminationDate : Status,
            PeopleCsv.Name when mapping.NameForm == NameForm.TwoColumns => null,
            _ => Fields.Contains(column) ? column : null,
        };
        return field is null ? column : mapping.ColumnOf(field) ?? column;
    }

    private static List<StoredRow> FirstRows(MappedFile mapped, DateOnly today)
    {
        var file = PeopleCsv.Parse(mapped.Csv, today, []);
        return [.. file.Rows.Take(RowsShown).Select(p => new StoredRow(p.EmployeeId, p.Name, p.Email, p.Grade, p.Department, p.TimeZone, p.ManagerId,
            p.HireDate, PersonStatusText.Slug(p.Status)))];
    }
}
