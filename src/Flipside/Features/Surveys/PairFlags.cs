using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Surveys;

/// <summary>
/// Flags raised by pulses, for the program's managers and administrators only (through <see cref="Viewer.ManagedPrograms"/>):
/// never a sponsor, the leader or the leader's line. Each names its pairing and month, not the meeting or the answer.
/// </summary>
public static class PairFlags
{
    public sealed record Row(Guid FlagId, Guid PairingId, Guid CohortId, string CohortName, string MentorName, string MenteeName, PairFlagKind Kind,
        string What, DateOnly Month, bool Resolved);

    /// <summary>
    /// Readers learn the month a flag was raised, not its week: at a weekly or fortnightly cadence the week would point
    /// at the meeting, which only the mentor may know.
    /// </summary>
    public static DateOnly MonthOf(DateOnly day) => new(day.Year, day.Month, 1);

    /// <summary>
    /// Flags raised before this day are released to readers: the Monday (UTC) of the week <paramref name="now"/> falls in.
    /// A flag raised this week waits for the next Monday with every other flag of the week, so the moment it appears
    /// says only which week a pulse was given, never which meeting's pulse it was (decision 0014).
    /// </summary>
    public static DateOnly ReleasedBefore(DateTimeOffset now) => PairFlag.WeekOf(DateOnly.FromDateTime(now.UtcDateTime));

    /// <summary>Why a program's manager sees no flags at all: they cannot be placed outside the leaders' reporting lines.</summary>
    public const string Withheld = "Flags are hidden from you: your account's email is not in the directory exactly once, so Flipside cannot tell " +
        "whether you are a leader or in a leader's reporting line. Ask an administrator to correct the directory entry.";

    public static string Describe(PairFlagKind kind) => kind == PairFlagKind.SafetyConcern
        ? "The mentor said they could not speak openly. Check in with them, privately and without naming the pulse."
        : "A partner found a meeting of little use. A word with the pair may help.";

    public static async Task<Outcome<IReadOnlyList<Row>>> Handle(Guid programId, Guid? cohortId, bool includeResolved, Viewer viewer, FlipsideDb db,
        TimeProvider clock, CancellationToken ct)
    {
        if (!await viewer.ManagedPrograms.AnyAsync(p => p.Id == programId, ct)) return Outcome.NotFound;
        var released = ReleasedBefore(clock.GetUtcNow());
        var rows = await db.PairFlags.Join(db.Pairings, f => f.PairingId, p => p.Id, (f, p) => new { f, p })
            .Where(x => x.p.Cohort.ProgramId == programId && (cohortId == null || x.p.CohortId == cohortId) && (includeResolved || x.f.ResolvedAt == null)
                && x.f.RaisedWeekOf < released)
            .Select(x => new
            {
                x.f.Id, x.f.PairingId, x.p.CohortId, Cohort = x.p.Cohort.Name, Mentor = x.p.MentorEnrollment.Person.Name, Mentee = x.p.MenteeEnrollment.Person.Name,
                x.f.Kind, x.f.RaisedWeekOf, Resolved = x.f.ResolvedAt != null, MenteePersonId = x.p.MenteeEnrollment.PersonId,
            })
            .ToListAsync(ct);
        var hidden = await Pairings.ExitPrivacy.FlagsHiddenFrom((await viewer.Person(ct))?.Id, [.. rows.Select(r => r.MenteePersonId).Distinct()], db, ct);
        return rows.Where(r => !hidden.Contains(r.MenteePersonId)).OrderBy(r => r.Resolved).ThenByDescending(r => r.RaisedWeekOf).ThenBy(r => r.Mentee).ThenBy(r => r.Id)
            .Select(r => new Row(r.Id, r.PairingId, r.CohortId, r.Cohort, r.Mentor, r.Mentee, r.Kind, Describe(r.Kind), MonthOf(r.RaisedWeekOf), r.Resolved)).ToList();
    }

    public static async Task<Outcome<Done>> Resolve(Guid flagId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var released = ReleasedBefore(now);
        var flag = await db.PairFlags.FirstOrDefaultAsync(f => f.Id == flagId && f.RaisedWeekOf < released && viewer.ManagedPairings.Any(p => p.Id == f.PairingId), ct);
        if (flag is null) return Outcome.NotFound;
        // A flag a reader may not see is one they may not resolve: the same fail-closed rule as the list.
        var mentee = await db.Pairings.Where(p => p.Id == flag.PairingId).Select(p => p.MenteeEnrollment.PersonId).SingleAsync(ct);
        if ((await Pairings.ExitPrivacy.FlagsHiddenFrom((await viewer.Person(ct))?.Id, [mentee], db, ct)).Count > 0) return Outcome.NotFound;
        flag.Resolve(viewer.Email.Length > 0 ? viewer.Email : viewer.UserId, now);
        db.Record(viewer, now, "flag.resolved", "PairFlag", flag.Id, $"{flag.Kind} flag resolved");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }
}
