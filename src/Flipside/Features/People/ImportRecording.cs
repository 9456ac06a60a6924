using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.People;

/// <summary>
/// Writes an import's entry in the history as it is applied: the people it created, every person it changed with the
/// fields before and after, and what their leaving ended, so that <see cref="UndoImport"/> can put it all back.
/// </summary>
internal sealed class ImportRecording(ImportRun run)
{
    private readonly Dictionary<Guid, (Person Person, PersonFields Before)> _touched = [];

    public ImportRun Run => run;

    public static async Task<ImportRun> Start(Viewer viewer, DateTimeOffset now, string source, int rows, ImportPlan plan, FlipsideDb db, CancellationToken ct)
    {
        // Two imports at once would pick the same number; its unique index then refuses the second, as any lost race.
        var number = (await db.Set<ImportRun>().MaxAsync(r => (int?)r.Number, ct) ?? 0) + 1;
        var run = new ImportRun(number, now, viewer.UserId, viewer.Email.Length > 0 ? viewer.Email : viewer.UserId, source,
            (rows, plan.New.Count, plan.Updated.Count, plan.Unchanged, plan.Leaving.Count));
        db.Add(run);
        return run;
    }

    /// <summary>Keeps a person's fields as they were before the import first changes them.</summary>
    public void Touch(Person person) => _touched.TryAdd(person.Id, (person, PersonFields.Of(person)));

    /// <summary>The history's rows, once every person holds their final values.</summary>
    public List<ImportRunChange> Changes(List<Person> created, PersonLeaves.Effects effects)
    {
        var changes = new List<ImportRunChange>(created.Count + _touched.Count + effects.Enrollments.Count + effects.Accounts.Count);
        changes.AddRange(created.Select(p => new ImportRunChange(run.Id, ImportChangeKind.Created, p.Id, p.EmployeeId, null, null, PersonFields.Of(p).ToJson())));
        changes.AddRange(_touched.Values.Select(t => new ImportRunChange(run.Id, ImportChangeKind.Updated, t.Person.Id, t.Person.EmployeeId, null,
            t.Before.ToJson(), PersonFields.Of(t.Person).ToJson())));
        var employeeIds = _touched.Values.ToDictionary(t => t.Person.Id, t => t.Person.EmployeeId);
        changes.AddRange(effects.Enrollments.Select(e => new ImportRunChange(run.Id, ImportChangeKind.EnrollmentEnded, e.PersonId,
            employeeIds.GetValueOrDefault(e.PersonId, ""), e.EnrollmentId.ToString(), e.Before.ToString(), nameof(EnrollmentStatus.Left))));
        changes.AddRange(effects.Accounts.Select(a => new ImportRunChange(run.Id, ImportChangeKind.AccountDeactivated, a.PersonId,
            employeeIds.GetValueOrDefault(a.PersonId, ""), a.UserId, "active", "inactive")));
        return changes;
    }

    /// <summary>
    /// The people that imports from this source created and that are still there to mark as left: the source's own
    /// people, told apart from those another feed or a hand-made file brought in. Undone imports count for nothing.
    /// </summary>
    public static async Task<IReadOnlySet<Guid>> CreatedBy(string source, FlipsideDb db, CancellationToken ct)
    {
        var key = source.ToLowerInvariant();
        var ids = await db.Set<ImportRun>().Where(r => r.UndoneAt == null && r.Source.ToLower() == key)
            .SelectMany(r => r.Changes).Where(c => c.Kind == ImportChangeKind.Created).Select(c => c.PersonId).ToListAsync(ct);
        return ids.ToHashSet();
    }
}
