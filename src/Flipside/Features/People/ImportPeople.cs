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
    /// <param name="DryRun">Check the file and report what it would change, writing nothing.</param>
    /// <param name="Source">Where the file comes from (an HR system, a file name), kept in the import history.</param>
    /// <param name="SameSourceOnly">Marking missing people as left reaches only those an earlier import from this source created.</param>
    public sealed record Request(Stream Csv, bool MarkMissingAsLeft, bool DryRun = false, string Source = "", bool SameSourceOnly = false);

    public const int MaxSourceLength = 260;

    /// <summary>
    /// The outcome of an import or, for a dry run, its preview. Changes lists every updated person's changed fields
    /// (old → new) and Leaving everyone marked as left, so that a dry run and the import it previews say the same.
    /// </summary>
    public sealed record Report(IReadOnlyList<ImportProblem> Problems, int Rows, int Created, int Updated, int Unchanged, int MarkedLeft)
    {
        public bool DryRun { get; init; }
        public IReadOnlyList<PersonChange> Changes { get; init; } = [];
        public IReadOnlyList<Leaver> Leaving { get; init; } = [];
        /// <summary>Active people whose manager the import marks as left.</summary>
        public IReadOnlyList<ReportOfLeaver> ReportsOfLeavers { get; init; } = [];
        /// <summary>Open enrolments that end, and accounts deactivated, because their people leave.</summary>
        public int EnrollmentsEnded { get; init; }
        public int AccountsDeactivated { get; init; }
        public string Source { get; init; } = "";
        /// <summary>The import's entry in the history, by which it can be undone; null for a dry run or a refused file.</summary>
        public Guid? ImportId { get; init; }
        /// <summary>For a file read through a mapping: the first rows as stored, external managers and people at the top.</summary>
        public MappingPreview? Mapping { get; init; }
        public bool Applied => Problems.Count == 0 && !DryRun;
        public string Summary => Problems.Count > 0
            ? $"The file has {Problems.Count} problem{(Problems.Count == 1 ? "" : "s")}; nothing was written. Fix them and import the file again."
            : DryRun
                ? $"Dry run, nothing was written: the import would create {Created}, update {Updated}, leave {Unchanged} unchanged and mark {MarkedLeft} as left{Effects("would end", "deactivate")}."
                : $"Import applied: {Created} created, {Updated} updated, {Unchanged} unchanged, {MarkedLeft} marked as left{Effects("ended", "deactivated")}.";

        private string Effects(string end, string deactivate) => EnrollmentsEnded + AccountsDeactivated == 0 ? ""
            : $"; leaving {end} {Words.Count(EnrollmentsEnded, "enrolment")} and {deactivate} {Words.Count(AccountsDeactivated, "account")}";
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
        var source = r.Source.Trim();
        if (source.Length > MaxSourceLength) return Outcome.Invalid("source", $"Shorten the source name to {MaxSourceLength} characters.");
        if (r.SameSourceOnly && source.Length == 0) return Outcome.Invalid("source", "Name the source, so that only the people its earlier imports created are marked as left.");
        var problems = new List<ImportProblem>();
        if (await Read(r.Csv, clock, problems, progress, ct) is not { } file) return Failed(problems, 0);

        var tracking = db.ChangeTracker.AutoDetectChangesEnabled;
        // Change tracking by snapshot is what makes large imports slow; changes are marked by hand below instead.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            var directory = await db.People.ToDictionaryAsync(p => p.EmployeeId, StringComparer.Ordinal, ct);
            var rows = ImportPlan.Complete(file, directory);
            var byId = WholeFileChecks.Run(rows, directory, problems);
            progress?.Invoke(Step.Checking, 1);
            if (problems.Count > 0) return Failed(problems, rows.Count);
            var onlyThese = r.MarkMissingAsLeft && r.SameSourceOnly ? await ImportRecording.CreatedBy(source, db, ct) : null;
            var plan = ImportPlan.Of(rows, byId, directory, r.MarkMissingAsLeft, onlyThese);
            if (plan.LeavingByStatus is { Count: > 0 } byStatus && viewer.RequireAdministrator(
                    $"mark people as left; the file's status column marks {Names(byStatus)} as left. Leave those rows out, or ask an administrator to import the file") is { } notYours)
                return notYours;
            if (r.DryRun)
            {
                var (ending, deactivating) = await PersonLeaves.Reach(db, viewer, plan.AllLeaving, ct);
                return Reported(plan, rows.Count, viewer, source) with { DryRun = true, EnrollmentsEnded = ending, AccountsDeactivated = deactivating };
            }
            var (report, run, effects) = await Write(plan, rows, byId, directory, viewer, db, clock.GetUtcNow(), source, ct);
            progress?.Invoke(Step.Writing, 1);
            return report.Problems.Count > 0 ? report : Reported(plan, rows.Count, viewer, source) with
            {
                ImportId = run,
                EnrollmentsEnded = effects.Enrollments.Count,
                AccountsDeactivated = effects.Accounts.Count,
            };
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
        if (await Read(csv, clock, problems, null, ct) is { } file)
        {
            var directory = await db.People.AsNoTracking().ToDictionaryAsync(p => p.EmployeeId, StringComparer.Ordinal, ct);
            WholeFileChecks.Run(ImportPlan.Complete(file, directory), directory, problems);
        }
        return Sorted(problems);
    }

    /// <summary>The file's rows, checked one by one; null when it is not UTF-8 text, which the problems then say.</summary>
    private static async Task<PeopleFile?> Read(Stream csv, TimeProvider clock, List<ImportProblem> problems, Action<Step, double>? progress,
        CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        using var buffer = new MemoryStream();
        await csv.CopyToAsync(buffer, ct);
        if (PeopleCsv.Utf8Text(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), problems) is not { } text) return null;
        var file = PeopleCsv.Parse(text, today, problems, f => progress?.Invoke(Step.Reading, f));
        progress?.Invoke(Step.Reading, 1);
        return file;
    }

    private static async Task<(Report Report, Guid Run, PersonLeaves.Effects Effects)> Write(ImportPlan plan, List<PersonRow> rows,
        Dictionary<string, PersonRow> byId, Dictionary<string, Person> directory, Viewer viewer, FlipsideDb db, DateTimeOffset now, string source,
        CancellationToken ct)
    {
        var history = new ImportRecording(await ImportRecording.Start(viewer, now, source, rows.Count, plan, db, ct));
        var created = new List<Person>(plan.New.Count);
        foreach (var row in plan.New)
        {
            var person = new Person(row.EmployeeId);
            ImportPlan.Copy(row, person);
            created.Add(person);
        }
        // Taken before anyone is marked: the status column's leavers are read from people not yet left.
        var leaving = plan.AllLeaving;
        foreach (var person in leaving) history.Touch(person);
        var effects = await PersonLeaves.Handle(db, viewer, now, [.. leaving.Select(p => p.Id)], ct);
        var newEmails = new List<(Person Person, string Email)>();
        foreach (var (row, person, _) in plan.Updated)
        {
            history.Touch(person);
            if (!string.Equals(person.Email, row.Email, StringComparison.Ordinal)) newEmails.Add((person, row.Email));
            ImportPlan.Copy(row, person);
            db.Entry(person).State = EntityState.Modified;
        }
        // Everyone the import marks left: missing from a file that lists everyone, and marked left by the status column.
        int updated = plan.Updated.Count, unchanged = plan.Unchanged, left = leaving.Count;
        var claimed = rows.Select(r => r.Email).Where(e => e.Length > 0).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (var person in directory.Values.Where(p => p.Status == PersonStatus.Left && !byId.ContainsKey(p.EmployeeId) && claimed.Contains(p.Email)))
        {
            history.Touch(person);
            person.Email = $"(released) {person.Id}"; // no @, so never a real address: the person has left and someone new uses it
            db.Entry(person).State = EntityState.Modified;
        }
        foreach (var (person, _) in newEmails) person.Email = $"(changing) {person.Id}";
        db.Record(viewer, now, "people.imported", "Directory", "people",
            $"{Words.Count(rows.Count, "row")} from {source}: {created.Count} created, {updated} updated, {unchanged} unchanged, {left} marked as left");
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
            await PeopleBulkWriter.Insert(db, history.Changes(created, effects), ct);
            // A new manager can put a running pairing inside a reporting line: its program manager must hear of it.
            await Pairings.ReportingLineMoves.Check(db, viewer, now, ct);
            await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException || e is DbException d && PeopleBulkWriter.IsConflict(d))
        {
            // Someone else changed the directory between our read and our write; the transaction leaves it as it was.
            return (Failed([new(1, PeopleCsv.File, "", "The directory changed while this file was being imported, so nothing was written.",
                "Import the file again.")], rows.Count), Guid.Empty, effects);
        }
        return (new([], rows.Count, created.Count, updated, unchanged, left), history.Run.Id, effects);
    }

    private static string Names(List<Person> people) =>
        string.Join(", ", people.Take(10).Select(p => p.EmployeeId)) + (people.Count > 10 ? $" and {people.Count - 10} more" : "");

    /// <summary>The plan as a report. Birth years are shown only to administrators, so a manager's preview hides them.</summary>
    private static Report Reported(ImportPlan plan, int rows, Viewer viewer, string source) =>
        new([], rows, plan.New.Count, plan.Updated.Count, plan.Unchanged, plan.AllLeaving.Count)
        {
            Source = source,
            ReportsOfLeavers = plan.Stranded,
            Changes = viewer.IsAdministrator ? plan.Changes : [.. plan.Changes.Select(c => c with
            {
                Fields = [.. c.Fields.Select(f => f.Field == PeopleCsv.BirthYear ? f with { Old = "(hidden)", New = "(hidden)" } : f)],
            })],
            Leaving = plan.Leavers,
        };

    private static Report Failed(List<ImportProblem> problems, int rows) => new(Sorted(problems), rows, 0, 0, 0, 0);

    private static ImportProblem[] Sorted(List<ImportProblem> problems) => [.. problems.OrderBy(p => p.Row)];
}
