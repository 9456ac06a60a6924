using System.Data.Common;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.People;

/// <summary>
/// Creates or changes one person with the import's checks (RowChecker for the fields, WholeFileChecks for the manager
/// and cycles), so a person edited by hand, through the API or by an identity provider (SCIM) meets the same rules as
/// one imported from a file. A person who turns left leaves as the import makes them leave (<see cref="PersonLeaves"/>).
/// Called by the edit page, <c>PUT /api/v1/people/{id}</c> and SCIM provisioning.
/// </summary>
public static class ChangePerson
{
    /// <summary>
    /// The person as they should be afterwards, written as a file writes it (grade "5", hire date "2021-03-15", status
    /// "left"), so that every value meets the import's own checks and messages. Id null creates a person.
    /// Version, when given, is the person's version the change was made against: a stale one is refused.
    /// </summary>
    public sealed record Request(Guid? Id, string EmployeeId, string Name, string Email, string Grade, string Department, string TimeZone,
        string Title = "", string Location = "", string ManagerId = "", string HireDate = "", string BirthYear = "", string Languages = "",
        string Status = "active", int? Version = null);

    public sealed record Result(Guid Id, string EmployeeId, string Name, bool Created, IReadOnlyList<string> Changed, int EnrollmentsEnded,
        int AccountsDeactivated)
    {
        public string Summary => Created ? $"{Name} is added to the directory."
            : Changed.Count == 0 ? $"Nothing changed for {Name}."
            : $"{Name} is saved: {string.Join(", ", Changed)} changed"
              + (EnrollmentsEnded + AccountsDeactivated == 0 ? "." : $"; {Words.Count(EnrollmentsEnded, "open enrolment")} ended and {Words.Count(AccountsDeactivated, "account")} deactivated.");
    }

    /// <summary>The request's fields in the import's column order; field errors are keyed by these names.</summary>
    private static readonly (string Column, string Field)[] Fields =
    [
        (PeopleCsv.EmployeeId, nameof(Request.EmployeeId)), (PeopleCsv.Name, nameof(Request.Name)), (PeopleCsv.Email, nameof(Request.Email)),
        (PeopleCsv.Grade, nameof(Request.Grade)), (PeopleCsv.Department, nameof(Request.Department)), (PeopleCsv.TimeZone, nameof(Request.TimeZone)),
        (PeopleCsv.Title, nameof(Request.Title)), (PeopleCsv.Location, nameof(Request.Location)), (PeopleCsv.ManagerId, nameof(Request.ManagerId)),
        (PeopleCsv.HireDate, nameof(Request.HireDate)), (PeopleCsv.BirthYear, nameof(Request.BirthYear)), (PeopleCsv.Languages, nameof(Request.Languages)),
        (PeopleCsv.Status, nameof(Request.Status)),
    ];

    private static readonly Dictionary<string, int> Columns = Fields.Select((f, i) => (f.Column, i)).ToDictionary(x => x.Column, x => x.i);

    /// <param name="alongside">Staged with the change and saved in the same transaction (SCIM keeps its identity this way).</param>
    public static async Task<Outcome<Result>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct,
        Action<Person>? alongside = null)
    {
        if (viewer.RequireAdministrator("change a person in the directory") is { } refused) return refused;
        var now = clock.GetUtcNow();
        var person = r.Id is { } id ? await db.People.SingleOrDefaultAsync(p => p.Id == id, ct) : null;
        if (r.Id is not null && person is null) return Outcome.NotFound;
        if (person is not null)
        {
            if (r.Version is { } version && version != person.Version) return Outcome.Conflict(Outcome.ChangedMeanwhile);
            if (r.EmployeeId.Trim().Length > 0 && r.EmployeeId.Trim() != person.EmployeeId)
                return Outcome.Invalid(nameof(Request.EmployeeId), $"The employee id ({person.EmployeeId}) identifies the person across imports and does not change.");
        }
        var employeeId = person?.EmployeeId ?? r.EmployeeId.Trim();
        var problems = new List<ImportProblem>();
        var row = new RowChecker(Columns, DateOnly.FromDateTime(now.UtcDateTime), problems).Check(2, Record(r with { EmployeeId = employeeId }));
        if (problems.Count > 0 || row is null) return Invalid(problems);
        if (person is null && await db.People.AnyAsync(p => p.EmployeeId == employeeId, ct))
            return Outcome.Conflict($"The employee id {employeeId} belongs to someone in the directory already.");
        var holder = await db.People.Where(p => p.Email == row.Email && p.EmployeeId != employeeId).FirstOrDefaultAsync(ct);
        if (holder is not null && holder.Status != PersonStatus.Left)
            return Outcome.Conflict($"The email {row.Email} belongs to {holder.Name} ({holder.EmployeeId}) in the directory.");
        WholeFileChecks.Run([row], await Managers(db, row.ManagerId, employeeId, ct), problems);
        if (problems.Count > 0) return Invalid(problems);

        var changed = person is null ? [] : ImportPlan.Diff(row, person).Select(c => c.Field).ToList();
        if (person is not null && changed.Count == 0) return new Result(person.Id, person.EmployeeId, person.Name, false, [], 0, 0);
        var effects = new PersonLeaves.Effects([], []);
        // Leaving first, while the person still holds the email their account is found by.
        if (person is not null && row.Status == PersonStatus.Left && person.Status != PersonStatus.Left)
            effects = await PersonLeaves.Handle(db, viewer, now, [person.Id], ct);
        var managerChanged = person is null ? row.ManagerId is not null : person.ManagerEmployeeId != row.ManagerId;
        var created = person is null;
        person ??= db.People.Add(new Person(employeeId)).Entity;
        ImportPlan.Copy(row, person);
        alongside?.Invoke(person);
        db.Record(viewer, now, created ? "person.created" : "person.changed", "Person", person.Id,
            created ? $"{employeeId}: added" : $"{employeeId}: {string.Join(", ", changed)} changed");
        try
        {
            // SCIM may hold a transaction already (it releases a leaver's userName in it); then the change joins it.
            await using var transaction = await db.BeginUnlessInTransaction(ct);
            if (holder is not null)
            {
                // As the import does: a leaver's address may go to someone new. Released in a save of its own, since emails are
                // unique row by row and the order of updates within one save is not ours to choose.
                var email = person.Email;
                person.Email = $"(changing) {person.Id}";
                holder.Email = $"(released) {holder.Id}";
                await db.SaveChangesAsync(ct);
                person.Email = email;
            }
            await db.SaveChangesAsync(ct);
            if (managerChanged) await Pairings.ReportingLineMoves.Check(db, viewer, now, ct, moved: person.Id);
            if (transaction is not null) await transaction.CommitAsync(ct);
        }
        catch (Exception e) when (e is DbUpdateException or DbException)
        {
            // Another change took the same employee id or email between the checks and the save; the transaction wrote nothing.
            db.ChangeTracker.Clear();
            return Outcome.Conflict(Outcome.SameTime);
        }
        return new Result(person.Id, employeeId, person.Name, created, changed, effects.Enrollments.Count, effects.Accounts.Count);
    }

    private static string[] Record(Request r) =>
    [
        r.EmployeeId, r.Name.Trim(), r.Email.Trim(), r.Grade.Trim(), r.Department.Trim(), r.TimeZone.Trim(), r.Title.Trim(), r.Location.Trim(),
        r.ManagerId.Trim(), r.HireDate.Trim(), r.BirthYear.Trim(), r.Languages.Trim(), r.Status.Trim(),
    ];

    /// <summary>
    /// The new manager and everyone above them: all the directory that the manager and cycle checks read for one person.
    /// The walk stops at the person themself, where the check then finds the cycle.
    /// </summary>
    private static async Task<Dictionary<string, Person>> Managers(FlipsideDb db, string? managerId, string employeeId, CancellationToken ct)
    {
        var chain = new Dictionary<string, Person>(StringComparer.Ordinal);
        for (var id = managerId; id is not null && id != employeeId && !chain.ContainsKey(id);)
        {
            var next = id;
            if (await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.EmployeeId == next, ct) is not { } manager) break;
            chain[id] = manager;
            id = manager.ManagerEmployeeId;
        }
        return chain;
    }

    private static Problem Invalid(List<ImportProblem> problems) => Outcome.Invalid([.. problems.Select(p =>
        new FieldError(Fields.First(f => f.Column == p.Column).Field, $"{p.Problem} {p.Fix}"))]);
}
