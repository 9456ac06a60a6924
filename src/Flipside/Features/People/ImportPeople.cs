using System.Data.Common;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.People;

/// <summary>
/// Imports the directory from a CSV file: every problem in the whole file is found first, and only a clean file is
/// written, in one transaction, as an upsert by employee id. Called by the upload page, the API and the CLI verb.
/// </summary>
public static class ImportPeople
{
    public sealed record Request(Stream Csv, bool MarkMissingAsLeft);

    public sealed record Report(IReadOnlyList<ImportProblem> Problems, int Rows, int Created, int Updated, int Unchanged, int MarkedLeft)
    {
        public bool Applied => Problems.Count == 0;
        public string Summary => Applied
            ? $"Import applied: {Created} created, {Updated} updated, {Unchanged} unchanged, {MarkedLeft} marked as left."
            : $"The file has {Problems.Count} problem{(Problems.Count == 1 ? "" : "s")}; nothing was written. Fix them and import the file again.";
    }

    public enum Step { Reading, Checking, Writing }

    /// <remarks>
    /// Program managers import the directory their programs draw on; marking everyone missing from the file as left is
    /// an administrator's call, since it reaches every program (docs/decisions/0008-one-access-model-and-one-result.md).
    /// </remarks>
    public static async Task<Outcome<Report>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct,
        Action<Step, double>? progress = null)
    {
        if (!viewer.IsProgramStaff) return Outcome.Forbidden("Only program managers and administrators import the directory.");
        if (r.MarkMissingAsLeft && viewer.RequireAdministrator("mark everyone missing from a file as left") is { } refused) return refused;
        var problems = new List<ImportProblem>();
        if (await Read(r.Csv, clock, problems, progress, ct) is not { } rows) return Failed(problems, 0);

        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        // Change tracking by snapshot is what makes large imports slow; changes are marked by hand below instead.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var directory = await db.People.ToDictionaryAsync(p => p.EmployeeId, StringComparer.Ordinal, ct);
            var byId = WholeFileChecks.Run(rows, directory, problems);
            progress?.Invoke(Step.Checking, 1);
            if (problems.Count > 0) return Failed(problems, rows.Count);
            var report = await Write(rows, byId, directory, r.MarkMissingAsLeft, viewer, db, clock.GetUtcNow(), ct);
            progress?.Invoke(Step.Writing, 1);
            return report;
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = tracking;
        }
    }

    /// <summary>
    /// Every problem that <see cref="Handle"/> would report for this file, in the same order, writing nothing: the upload
    /// page shows only the first thousand and offers all of them as a CSV file from here.
    /// </summary>
    public static async Task<IReadOnlyList<ImportProblem>> Check(Stream csv, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var problems = new List<ImportProblem>();
        if (await Read(csv, clock, problems, null, ct) is { } rows)
            WholeFileChecks.Run(rows, await db.People.AsNoTracking().ToDictionaryAsync(p => p.EmployeeId, StringComparer.Ordinal, ct), problems);
        return Sorted(problems);
    }

    /// <summary>The file's rows, checked one by one; null when it is not UTF-8 text, which the problems then say.</summary>
    private static async Task<List<PersonRow>?> Read(Stream csv, TimeProvider clock, List<ImportProblem> problems, Action<Step, double>? progress,
        CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        using var buffer = new MemoryStream();
        await csv.CopyToAsync(buffer, ct);
        if (PeopleCsv.Utf8Text(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), problems) is not { } text) return null;
        var rows = PeopleCsv.Parse(text, today, problems, f => progress?.Invoke(Step.Reading, f));
        progress?.Invoke(Step.Reading, 1);
        return rows;
    }

    private static async Task<Report> Write(List<PersonRow> rows, Dictionary<string, PersonRow> byId, Dictionary<string, Person> directory,
        bool markMissingAsLeft, Viewer viewer, FlipsideDb db, DateTimeOffset now, CancellationToken ct)
    {
        int updated = 0, unchanged = 0, left = 0;
        var created = new List<Person>();
        var newEmails = new List<(Person Person, string Email)>();
        foreach (var row in rows)
        {
            if (!directory.TryGetValue(row.EmployeeId, out var person))
            {
                person = new Person(row.EmployeeId);
                Copy(row, person);
                created.Add(person);
                continue;
            }
            if (!string.Equals(person.Email, row.Email, StringComparison.Ordinal)) newEmails.Add((person, row.Email));
            if (Copy(row, person))
            {
                db.Entry(person).State = EntityState.Modified;
                updated++;
            }
            else unchanged++;
        }
        if (markMissingAsLeft)
            foreach (var person in directory.Values.Where(p => p.Status != PersonStatus.Left && !byId.ContainsKey(p.EmployeeId)))
            {
                person.Status = PersonStatus.Left;
                db.Entry(person).State = EntityState.Modified;
                left++;
            }
        var claimed = rows.Select(r => r.Email).Where(e => e.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var person in directory.Values.Where(p => p.Status == PersonStatus.Left && !byId.ContainsKey(p.EmployeeId) && claimed.Contains(p.Email)))
        {
            person.Email = $"(released) {person.Id}"; // no @, so never a real address: the person has left and someone new uses it
            db.Entry(person).State = EntityState.Modified;
        }
        foreach (var (person, _) in newEmails) person.Email = $"(changing) {person.Id}";
        db.Record(viewer, now, "people.imported", "Directory", "people",
            $"{rows.Count} rows: {created.Count} created, {updated} updated, {unchanged} unchanged, {left} marked as left");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        try
        {
            // Updates are few in a re-import and go through EF; new people, all of a first import, go in bulk.
            await db.SaveChangesAsync(ct);
            if (newEmails.Count > 0)
            {
                // Emails are unique row by row, so people who swap or pass on addresses would trip over each other's old
                // ones: the first save above gave them placeholders (no @, so never a real address), this one the new emails.
                foreach (var (person, email) in newEmails)
                {
                    person.Email = email;
                    db.Entry(person).State = EntityState.Modified;
                }
                await db.SaveChangesAsync(ct);
            }
            await PeopleBulkWriter.Insert(db, created, ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException || e is DbException d && PeopleBulkWriter.IsConflict(d))
        {
            // Someone else changed the directory between our read and our write; the transaction leaves it as it was.
            return Failed([new(1, PeopleCsv.File, "", "The directory changed while this file was being imported, so nothing was written.",
                "Import the file again.")], rows.Count);
        }
        return new([], rows.Count, created.Count, updated, unchanged, left);
    }

    /// <summary>
    /// Copies a row onto a person; true when anything changed. An empty hire date keeps the one on record, and a new
    /// person without one has none: tenure is unknown rather than counted from the day of the import.
    /// </summary>
    private static bool Copy(PersonRow row, Person p)
    {
        var changed = p.Name != row.Name || p.Email != row.Email || p.Title != row.Title || p.Grade != row.Grade
            || p.Department != row.Department || p.Location != row.Location || p.TimeZone != row.TimeZone
            || p.ManagerEmployeeId != row.ManagerId || (row.HireDate is { } hired && p.HireDate != hired)
            || p.BirthYear != row.BirthYear || p.Languages != row.Languages || p.Status != row.Status;
        (p.Name, p.Email, p.Title, p.Grade, p.Department, p.Location) = (row.Name, row.Email, row.Title, row.Grade, row.Department, row.Location);
        (p.TimeZone, p.ManagerEmployeeId, p.BirthYear, p.Languages, p.Status) = (row.TimeZone, row.ManagerId, row.BirthYear, row.Languages, row.Status);
        p.HireDate = row.HireDate ?? p.HireDate;
        return changed;
    }

    private static Report Failed(List<ImportProblem> problems, int rows) => new(Sorted(problems), rows, 0, 0, 0, 0);

    private static ImportProblem[] Sorted(List<ImportProblem> problems) => [.. problems.OrderBy(p => p.Row)];
}
