using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.People;

/// <summary>
/// Reverses one import from its history, in one transaction: the people it created go, the people it changed get their
/// fields back, and what their leaving ended (enrolments, accounts) is restored. Refused, naming the people and fields,
/// when a later change depends on the import's own: a later import touched the same person, or someone changed them since.
/// </summary>
public static class UndoImport
{
    public sealed record Result(int Number, int Removed, int Restored, int EnrollmentsReturned, int AccountsReactivated)
    {
        public string Summary => $"Import {Number} undone: {Words.Count(Removed, "person")} removed, {Words.Count(Restored, "person")} restored"
            + (EnrollmentsReturned + AccountsReactivated > 0 ? $", {Words.Count(EnrollmentsReturned, "enrolment")} and {Words.Count(AccountsReactivated, "account")} given back" : "") + ".";
    }

    private const int NamesShown = 10;

    public static async Task<Outcome<Result>> Handle(Guid importId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!viewer.IsProgramStaff) return Outcome.Forbidden("Only program managers and administrators undo imports.");
        var run = await db.Set<ImportRun>().Include(r => r.Changes).SingleOrDefaultAsync(r => r.Id == importId, ct);
        if (run is null) return Outcome.NotFound;
        if (run.UndoneAt is { } undone) return Outcome.Conflict($"Import {run.Number} was already undone on {undone:d MMM yyyy}.");
        var people = run.Changes.Where(c => c.Kind is ImportChangeKind.Created or ImportChangeKind.Updated).ToList();
        // Bringing people back from having left reactivates accounts and enrolments across programs: an administrator's call, as marking them was.
        if (people.Any(c => c.Kind == ImportChangeKind.Updated && (Fields(c.Before).Status == PersonStatus.Left) != (Fields(c.After).Status == PersonStatus.Left))
            && viewer.RequireAdministrator("undo an import that marked people as left") is { } refused) return refused;
        if (await Dependents(run, people, db, ct) is { } blocked) return Outcome.Conflict(blocked);

        var now = clock.GetUtcNow();
        var current = await db.People.Where(p => db.Set<ImportRunChange>().Any(c => c.ImportId == run.Id && c.PersonId == p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var reasons = Changed(people, current);
        var created = people.Where(c => c.Kind == ImportChangeKind.Created).Select(c => c.PersonId).ToList();
        var enrolled = await db.Enrollments.Where(e => created.Contains(e.PersonId)).Select(e => e.Person.EmployeeId).Distinct().ToListAsync(ct);
        if (enrolled.Count > 0) reasons.Add($"{List(enrolled)} {(enrolled.Count == 1 ? "has" : "have")} been invited to or applied for a cohort since");
        if (await PairingsEnded(run, people, db, ct) is { } pairings) reasons.Add(pairings);
        // Someone outside this import who now reports to a person it created would be left naming a manager who is gone.
        var createdIds = people.Where(c => c.Kind == ImportChangeKind.Created).Select(c => c.EmployeeId).ToList();
        var touched = people.Select(c => c.PersonId).ToList();
        var reports = await db.People.Where(p => p.ManagerEmployeeId != null && createdIds.Contains(p.ManagerEmployeeId) && !touched.Contains(p.Id))
            .Select(p => p.EmployeeId).OrderBy(id => id).ToListAsync(ct);
        if (reports.Count > 0) reasons.Add($"{List(reports)} {(reports.Count == 1 ? "reports" : "report")} to someone this import created");
        if (reasons.Count > 0) return Outcome.Conflict($"Import {run.Number} cannot be undone: {string.Join("; ", reasons)}. Change those back first, or import a corrected file instead.");

        var emails = new List<(Person Person, string Email)>();
        foreach (var change in people)
        {
            var person = current[change.PersonId];
            if (change.Kind == ImportChangeKind.Created)
            {
                db.People.Remove(person);
                continue;
            }
            var before = Fields(change.Before);
            before.CopyTo(person);
            // Addresses are unique row by row, as in the import: placeholders first, the addresses once every row has let go of its own.
            if (before.Email != Fields(change.After).Email) (person.Email, emails) = ($"(restoring) {person.Id}", [.. emails, (person, before.Email)]);
        }
        var (returned, reactivated) = await Restore(run, viewer, db, now, ct);
        run.Undo(viewer.UserId, now);
        db.Record(viewer, now, "people.import-undone", "Import", run.Id, $"Import {run.Number} from {run.Source}: {created.Count} removed, {people.Count - created.Count} restored");
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        if (emails.Count > 0)
        {
            foreach (var (person, email) in emails) person.Email = email;
            await db.SaveChangesAsync(ct);
        }
        // Restoring old managers can move a running pairing into a reporting line (or out of one) as surely as an import.
        await Pairings.ReportingLineMoves.Check(db, viewer, now, ct);
        await transaction.CommitAsync(ct);
        return new Result(run.Number, created.Count, people.Count - created.Count, returned, reactivated);
    }

    /// <summary>
    /// Pairings this import's leavers ended (or, unpublished, rejected) when it marked them left. Their partners were told,
    /// and a pairing does not restart behind their back, so the undo is refused naming the people instead of pretending
    /// to reverse everything: the program manager re-pairs them on the board.
    /// </summary>
    private static async Task<string?> PairingsEnded(ImportRun run, List<ImportRunChange> people, FlipsideDb db, CancellationToken ct)
    {
        var leavers = people.Where(c => c.Kind == ImportChangeKind.Updated && Fields(c.After).Status == PersonStatus.Left && Fields(c.Before).Status != PersonStatus.Left)
            .Select(c => c.PersonId).ToList();
        if (leavers.Count == 0) return null;
        var at = run.At;
        var ended = await db.Pairings
            .Where(p => (leavers.Contains(p.MentorEnrollment.PersonId) || leavers.Contains(p.MenteeEnrollment.PersonId))
                && ((p.EndedBy == PairingActor.Directory && p.EndedAt == at) || (p.Status == PairingStatus.Rejected && p.DecidedBy == "directory" && p.DecidedAt == at)))
            .Select(p => leavers.Contains(p.MentorEnrollment.PersonId) ? p.MentorEnrollment.Person.EmployeeId : p.MenteeEnrollment.Person.EmployeeId)
            .ToListAsync(ct);
        if (ended.Count == 0) return null;
        var who = ended.Distinct().Order(StringComparer.Ordinal).ToList();
        return $"leaving ended or withdrew {Words.Count(ended.Count, "pairing")} of {List(who)}, and their partners were told; " +
            "a pairing is not restarted by an undo (pair them again on the matching board)";
    }

    /// <summary>Later imports, not undone, that wrote the same people: undoing this one first would take their changes with it.</summary>
    private static async Task<string?> Dependents(ImportRun run, List<ImportRunChange> people, FlipsideDb db, CancellationToken ct)
    {
        if (people.Count == 0) return null;
        var mine = db.Set<ImportRunChange>().Where(o => o.ImportId == run.Id).Select(o => o.PersonId);
        var later = await (
            from c in db.Set<ImportRunChange>()
            join r in db.Set<ImportRun>() on c.ImportId equals r.Id
            where r.Number > run.Number && r.UndoneAt == null && (c.Kind == ImportChangeKind.Created || c.Kind == ImportChangeKind.Updated)
                && mine.Contains(c.PersonId)
            select new { r.Number, c.EmployeeId }).ToListAsync(ct);
        if (later.Count == 0) return null;
        var each = later.GroupBy(l => l.Number).OrderBy(g => g.Key)
            .Select(g => $"import {g.Key} changed {List([.. g.Select(l => l.EmployeeId).Distinct().Order(StringComparer.Ordinal)])} since");
        return $"Import {run.Number} cannot be undone: {string.Join("; ", each)}. Undo the later import first.";
    }

    /// <summary>People who no longer look as the import left them: someone changed them since, so putting the old values back would lose that.</summary>
    private static List<string> Changed(List<ImportRunChange> people, Dictionary<Guid, Person> current)
    {
        var reasons = new List<string>();
        var gone = people.Where(c => !current.ContainsKey(c.PersonId)).Select(c => c.EmployeeId).ToList();
        if (gone.Count > 0) reasons.Add($"{List(gone)} {(gone.Count == 1 ? "is" : "are")} no longer in the directory");
        foreach (var c in people.Where(c => current.ContainsKey(c.PersonId)).OrderBy(c => c.EmployeeId, StringComparer.Ordinal))
            if (PersonFields.Of(current[c.PersonId]).Differences(Fields(c.After)) is { Count: > 0 } fields)
                reasons.Add($"{c.EmployeeId}'s {string.Join(", ", fields)} changed since");
        return reasons.Count > NamesShown ? [.. reasons.Take(NamesShown), $"and {reasons.Count - NamesShown} more"] : reasons;
    }

    private static async Task<(int Enrollments, int Accounts)> Restore(ImportRun run, Viewer viewer, FlipsideDb db, DateTimeOffset now, CancellationToken ct)
    {
        var ended = run.Changes.Where(c => c.Kind == ImportChangeKind.EnrollmentEnded)
            .ToDictionary(c => Guid.Parse(c.TargetId!), c => Enum.Parse<EnrollmentStatus>(c.Before!));
        var enrollmentIds = ended.Keys.ToList();
        var enrollments = await db.Enrollments.Where(e => enrollmentIds.Contains(e.Id) && e.Status == EnrollmentStatus.Left).ToListAsync(ct);
        foreach (var e in enrollments) e.ReturnAfterLeaving(ended[e.Id]);
        var userIds = run.Changes.Where(c => c.Kind == ImportChangeKind.AccountDeactivated).Select(c => c.TargetId!).ToList();
        var users = await db.Users.Where(u => userIds.Contains(u.Id) && !u.IsActive).ToListAsync(ct);
        foreach (var user in users)
        {
            user.IsActive = true;
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            db.Record(viewer, now, "account.reactivated", "Account", user.Id, $"{user.Email}: import {run.Number} undone");
        }
        return (enrollments.Count, users.Count);
    }

    private static PersonFields Fields(string? json) => PersonFields.FromJson(json ?? throw new InvalidOperationException("An updated person's history has no fields."));

    private static string List(IReadOnlyList<string> ids) =>
        string.Join(", ", ids.Take(NamesShown)) + (ids.Count > NamesShown ? $" and {ids.Count - NamesShown} more" : "");
}
