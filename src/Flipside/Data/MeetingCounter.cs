using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Data;

/// <summary>
/// Keeps <see cref="PairingMeetingCounts"/> equal to a recount of each pairing's meetings and action items. It is the one
/// place every meeting and action-item change passes through: <see cref="FlipsideDb.SaveChangesAsync(bool, CancellationToken)"/>
/// calls it for the pairings whose meetings or items the save adds, changes or removes, in the save's transaction.
/// Counting again from the rows (one pairing's dozen meetings, by index) rather than adding deltas means no kind of
/// change can be forgotten, and the lock taken first means two saves for one pairing count one after the other.
/// </summary>
public static class MeetingCounter
{
    /// <summary>The pairings a pending save touches; a new pairing gets its (empty) counts row in the same save.</summary>
    internal static IReadOnlyList<Guid> Touched(FlipsideDb db)
    {
        foreach (var added in db.ChangeTracker.Entries<Pairing>().Where(e => e.State == EntityState.Added).ToList())
            if (!db.ChangeTracker.Entries<PairingMeetingCounts>().Any(c => c.Entity.PairingId == added.Entity.Id))
                db.PairingMeetingCounts.Add(new PairingMeetingCounts(added.Entity.Id));
        var changed = new[] { EntityState.Added, EntityState.Modified, EntityState.Deleted };
        return [.. db.ChangeTracker.Entries<Meeting>().Where(e => changed.Contains(e.State)).Select(e => e.Entity.PairingId)
            .Concat(db.ChangeTracker.Entries<ActionItem>().Where(e => changed.Contains(e.State)).Select(e => e.Entity.PairingId))
            .Distinct().Order()];
    }

    /// <summary>
    /// Takes the pairings' count rows for this transaction (an UPDATE: a row lock on PostgreSQL; SQLite's transactions
    /// already take the database's write lock when they begin) and moves their stamps. A use case that reads the pair's
    /// meetings to decide a write (no two meetings overlap) calls it first, inside its transaction, so a second request for
    /// the same pairing waits and then reads the first one's meeting. Always in pairing order, so two locks never cross.
    /// </summary>
    public static async Task Lock(FlipsideDb db, IReadOnlyList<Guid> pairingIds, CancellationToken ct)
    {
        foreach (var id in pairingIds.Distinct().Order())
            await db.PairingMeetingCounts.Where(c => c.PairingId == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.Stamp, c => c.Stamp + 1), ct);
    }

    internal static async Task Recount(FlipsideDb db, IReadOnlyList<Guid> pairingIds, CancellationToken ct)
    {
        var counts = await Count(db, pairingIds, ct);
        var missing = new List<Guid>();
        foreach (var id in pairingIds)
        {
            var c = counts.GetValueOrDefault(id) ?? Counts.None;
            var updated = await db.PairingMeetingCounts.Where(x => x.PairingId == id).ExecuteUpdateAsync(s => s
                .SetProperty(x => x.Held, c.Held).SetProperty(x => x.LastHeldAt, c.LastHeldAt)
                .SetProperty(x => x.CancelledByMentor, c.CancelledByMentor).SetProperty(x => x.CancelledByMentee, c.CancelledByMentee)
                .SetProperty(x => x.LateCancellationsByMentor, c.LateByMentor).SetProperty(x => x.LateCancellationsByMentee, c.LateByMentee)
                .SetProperty(x => x.NoShowsByMentor, c.NoShowsByMentor).SetProperty(x => x.NoShowsByMentee, c.NoShowsByMentee)
                .SetProperty(x => x.LeaderItemsTaken, c.LeaderItemsTaken).SetProperty(x => x.LeaderItemsDone, c.LeaderItemsDone), ct);
            if (updated == 0) missing.Add(id);
        }
        // A pairing made before its counts existed and missed by the migration's backfill (none should be): make its row now.
        if (missing.Count == 0) return;
        foreach (var id in missing) db.PairingMeetingCounts.Add(new PairingMeetingCounts(id));
        await db.SaveUncounted(ct);
        await Recount(db, missing, ct);
    }

    /// <summary>What the counts should be, from the rows: the recount that the kept counts must always equal.</summary>
    public sealed record Counts(int Held, DateTimeOffset? LastHeldAt, int CancelledByMentor, int CancelledByMentee, int LateByMentor, int LateByMentee,
        int NoShowsByMentor, int NoShowsByMentee, int LeaderItemsTaken, int LeaderItemsDone)
    {
        public static readonly Counts None = new(0, null, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /// <summary>
    /// Counts every pairing that has no row yet, in SQL that SQLite and PostgreSQL both run (quoted names, CASE, correlated
    /// subqueries; enums are stored by name, and SQLite's instants as UTC binary values, which order as the instants).
    /// The migration that made the table runs it; tests run it against a recount.
    /// </summary>
    public const string BackfillSql = """
        INSERT INTO "PairingMeetingCounts" ("PairingId", "Held", "LastHeldAt", "CancelledByMentor", "CancelledByMentee", "LateCancellationsByMentor",
            "LateCancellationsByMentee", "NoShowsByMentor", "NoShowsByMentee", "LeaderItemsTaken", "LeaderItemsDone", "Stamp")
        SELECT p."Id",
            (SELECT COUNT(*) FROM "Meetings" m WHERE m."PairingId" = p."Id" AND m."Status" = 'Held'),
            (SELECT MAX(m."StartsAt") FROM "Meetings" m WHERE m."PairingId" = p."Id" AND m."Status" = 'Held'),
            (SELECT COUNT(*) FROM "Meetings" m WHERE m."PairingId" = p."Id" AND m."Status" = 'Cancelled' AND m."CancelledBy" = 'Mentor'),
            (SELECT COUNT(*) FROM "Meetings" m WHERE m."PairingId" = p."Id" AND m."Status" = 'Cancelled' AND m."CancelledBy" = 'Mentee'),
            (SELECT COUNT(*) FROM "Meetings" m WHERE m."PairingId" = p."Id" AND m."Status" = 'Cancelled' AND m."CancelledBy" = 'Mentor' AND m."CancelledHoursBefore" < 24),
            (SELECT COUNT(*) FROM "Meetings" m WHERE m."PairingId" = p."Id" AND m."Status" = 'Cancelled' AND m."CancelledBy" = 'Mentee' AND m."CancelledHoursBefore" < 24),
            (SELECT COUNT(*) FROM "Meetings" m WHERE m."PairingId" = p."Id" AND m."Status" = 'NotHeld' AND m."NoShow" = 'Mentor'),
            (SELECT COUNT(*) FROM "Meetings" m WHERE m."PairingId" = p."Id" AND m."Status" = 'NotHeld' AND m."NoShow" = 'Mentee'),
            (SELECT COUNT(*) FROM "ActionItems" a WHERE a."PairingId" = p."Id" AND a."Owner" = 'Mentee'),
            (SELECT COUNT(*) FROM "ActionItems" a WHERE a."PairingId" = p."Id" AND a."Owner" = 'Mentee' AND a."CompletedAt" IS NOT NULL),
            0
        FROM "Pairings" p
        WHERE NOT EXISTS (SELECT 1 FROM "PairingMeetingCounts" c WHERE c."PairingId" = p."Id")
        """;

    /// <summary>A cancellation less than this many hours before the start is late (the ledger's rule).</summary>
    public const double LateHours = 24;

    public static async Task<Dictionary<Guid, Counts>> Count(FlipsideDb db, IReadOnlyCollection<Guid> pairingIds, CancellationToken ct)
    {
        const double late = LateHours;
        var meetings = await db.Meetings.Where(m => pairingIds.Contains(m.PairingId)).GroupBy(m => m.PairingId)
            .Select(g => new
            {
                PairingId = g.Key,
                Held = g.Count(m => m.Status == MeetingStatus.Held),
                LastHeld = g.Where(m => m.Status == MeetingStatus.Held).Max(m => (DateTimeOffset?)m.StartsAt),
                ByMentor = g.Count(m => m.Status == MeetingStatus.Cancelled && m.CancelledBy == ParticipantRole.Mentor),
                ByMentee = g.Count(m => m.Status == MeetingStatus.Cancelled && m.CancelledBy == ParticipantRole.Mentee),
                LateByMentor = g.Count(m => m.Status == MeetingStatus.Cancelled && m.CancelledBy == ParticipantRole.Mentor && m.CancelledHoursBefore < late),
                LateByMentee = g.Count(m => m.Status == MeetingStatus.Cancelled && m.CancelledBy == ParticipantRole.Mentee && m.CancelledHoursBefore < late),
                NoShowMentor = g.Count(m => m.Status == MeetingStatus.NotHeld && m.NoShow == ParticipantRole.Mentor),
                NoShowMentee = g.Count(m => m.Status == MeetingStatus.NotHeld && m.NoShow == ParticipantRole.Mentee),
            })
            .ToDictionaryAsync(c => c.PairingId, ct);
        var items = await db.ActionItems.Where(a => a.Owner == ParticipantRole.Mentee && pairingIds.Contains(a.PairingId)).GroupBy(a => a.PairingId)
            .Select(g => new { PairingId = g.Key, Taken = g.Count(), Done = g.Count(a => a.CompletedAt != null) })
            .ToDictionaryAsync(c => c.PairingId, ct);
        return pairingIds.Distinct().ToDictionary(id => id, id =>
        {
            var m = meetings.GetValueOrDefault(id);
            var i = items.GetValueOrDefault(id);
            return m is null && i is null ? Counts.None
                : new Counts(m?.Held ?? 0, m?.LastHeld, m?.ByMentor ?? 0, m?.ByMentee ?? 0, m?.LateByMentor ?? 0, m?.LateByMentee ?? 0,
                    m?.NoShowMentor ?? 0, m?.NoShowMentee ?? 0, i?.Taken ?? 0, i?.Done ?? 0);
        });
    }
}
