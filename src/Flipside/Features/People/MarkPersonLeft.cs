using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.People;

/// <summary>
/// An administrator records that one person has left, between imports: the same effects as an import marking them
/// (<see cref="PersonLeaves"/>), saved with the change in one unit of work.
/// </summary>
public static class MarkPersonLeft
{
    public sealed record Result(string Name, int EnrollmentsEnded, int AccountsDeactivated)
    {
        public string Summary => $"{Name} is marked as left: {Words.Count(EnrollmentsEnded, "open enrolment")} ended and {Words.Count(AccountsDeactivated, "account")} deactivated.";
    }

    public static async Task<Outcome<Result>> Handle(Guid personId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (viewer.RequireAdministrator("mark a person as left") is { } refused) return refused;
        if (await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, ct) is not { } person) return Outcome.NotFound;
        if (person.Status == PersonStatus.Left) return Outcome.Conflict($"{person.Name} is already marked as left.");
        var now = clock.GetUtcNow();
        var effects = await PersonLeaves.Handle(db, viewer, now, [personId], ct);
        db.Record(viewer, now, "person.marked-left", "Person", personId,
            $"{person.EmployeeId}: {Words.Count(effects.Enrollments.Count, "enrolment")} ended, {Words.Count(effects.Accounts.Count, "account")} deactivated");
        await db.SaveChangesAsync(ct);
        return new Result(person.Name, effects.Enrollments.Count, effects.Accounts.Count);
    }
}
