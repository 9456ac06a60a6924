using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Flipside.Features.Sessions;

/// <summary>
/// A cohort's meetings for its program managers: per published pairing, counts only (held against the cadence, last
/// meeting, cancellations by side and how many late, the leader's action items done of taken). Never an item's text,
/// an agenda or what anyone learned. The counts come from <see cref="PairingMeetingCounts"/>, which every meeting change keeps
/// (one row per pairing, no scan of the cohort's meetings); the table is a page of <see cref="PageSize"/> rows, the pairs
/// furthest behind their cadence first, or by name.
/// </summary>
public static class CohortMeetings
{
    public const int PageSize = 50;

    public sealed record Row(Guid PairingId, string MentorName, string MenteeName, PairingStatus Status, DateTimeOffset? PublishedAt, int Held, int Expected,
        DateTimeOffset? LastHeld, int Upcoming, int CancelledByMentor, int CancelledByMentee, int LateCancellationsByMentor, int LateCancellationsByMentee,
        int NoShowsByMentor, int NoShowsByMentee, int LeaderItemsTaken, int LeaderItemsDone)
    {
        public bool Behind => Held < Expected;
    }

    /// <summary><see cref="Sort"/> is "risk" (furthest behind first) or "name" (by the leader's name).</summary>
    public sealed record View(Guid CohortId, string CohortName, Guid ProgramId, string ProgramName, string MentorLabel, string MenteeLabel, int CadenceWeeks,
        IReadOnlyList<Row> Pairings, int Total, int Behind, int Page, int Pages, string Sort);

    private sealed record Key(Guid CohortId, int Page, bool ByName);

    // Any page number past the last shows the last page; bounding the key keeps a made-up page=1..N from filling memory.
    private const int MaxCachedPage = 1000;

    public static async Task<Outcome<View>> Handle(Guid cohortId, int? page, string? sort, Viewer viewer, FlipsideDb db, TimeProvider clock,
        CancellationToken ct, IMemoryCache? cache = null)
    {
        if (!await viewer.ManagedCohorts.AnyAsync(c => c.Id == cohortId, ct)) return Outcome.NotFound;
        var byName = string.Equals(sort, "name", StringComparison.OrdinalIgnoreCase);
        // Every manager of the cohort sees the same counts, and they change only with a save (or a meeting's start time
        // passing, which the cache's age bounds): the page is kept while the data stamp holds.
        var view = await StampedCache.GetOrBuild(new Key(cohortId, Math.Clamp(page ?? 1, 1, MaxCachedPage), byName), cache, db, clock, () => Build(cohortId, Math.Clamp(page ?? 1, 1, MaxCachedPage), byName, db, clock, ct), ct);
        return view is null ? Outcome.NotFound : view;
    }

    private static async Task<View?> Build(Guid cohortId, int? page, bool byName, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var cohort = await db.Cohorts.Where(c => c.Id == cohortId)
            .Select(c => new { c.Id, c.Name, c.ProgramId, Program = c.Program.Name, c.Program.MentorLabel, c.Program.MenteeLabel, c.Program.CadenceWeeks })
            .FirstOrDefaultAsync(ct);
        if (cohort is null) return null;
        var now = clock.GetUtcNow();
        // The order needs every pairing's held count, last held and leader's name: one narrow row each from the kept counts
        // (MeetingCounter), no scan of the cohort's meetings. The rest is read for the page's rows only.
        var all = (await (
                from p in db.Pairings.Where(p => p.CohortId == cohortId && p.PublishedAt != null)
                from c in db.PairingMeetingCounts.Where(c => c.PairingId == p.Id).DefaultIfEmpty()
                select new { p.Id, Mentee = p.MenteeEnrollment.Person.Name, p.PublishedAt, p.EndedAt, Held = c == null ? 0 : c.Held, LastHeld = c == null ? null : c.LastHeldAt })
            .AsNoTracking().ToListAsync(ct))
            .Select(r => (r, Expected: Ledger.Expected(r.PublishedAt, cohort.CadenceWeeks, r.EndedAt ?? now))).ToList();
        var ordered = byName
            ? all.OrderBy(x => x.r.Mentee, StringComparer.CurrentCultureIgnoreCase).ThenBy(x => x.r.Id)
            : all.OrderByDescending(x => x.Expected - x.r.Held).ThenBy(x => x.r.LastHeld ?? DateTimeOffset.MinValue)
                .ThenBy(x => x.r.Mentee, StringComparer.CurrentCultureIgnoreCase).ThenBy(x => x.r.Id);
        var pages = Math.Max(1, (all.Count + PageSize - 1) / PageSize);
        var number = Math.Clamp(page ?? 1, 1, pages);
        var shown = ordered.Skip((number - 1) * PageSize).Take(PageSize).ToList();
        var ids = shown.Select(x => x.r.Id).ToList();
        var details = await (
                from p in db.Pairings.Where(p => ids.Contains(p.Id))
                from c in db.PairingMeetingCounts.Where(c => c.PairingId == p.Id).DefaultIfEmpty()
                select new { p.Id, Mentor = p.MentorEnrollment.Person.Name, p.Status, Counts = c })
            .AsNoTracking().ToDictionaryAsync(d => d.Id, ct);
        // "Planned" depends on the clock (a planned meeting whose time has passed no longer counts), so it is read live,
        // for the shown pairings' meetings only.
        var upcoming = await db.Meetings.Where(m => ids.Contains(m.PairingId) && (m.Status == MeetingStatus.Proposed || m.Status == MeetingStatus.Accepted) && m.StartsAt > now)
            .GroupBy(m => m.PairingId).Select(g => new { PairingId = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.PairingId, g => g.Count, ct);
        return new View(cohort.Id, cohort.Name, cohort.ProgramId, cohort.Program, cohort.MentorLabel, cohort.MenteeLabel, cohort.CadenceWeeks,
            [.. shown.Select(x =>
            {
                var (r, d) = (x.r, details[x.r.Id]);
                var c = d.Counts;
                return new Row(r.Id, d.Mentor, r.Mentee, d.Status, r.PublishedAt, r.Held, x.Expected, r.LastHeld, upcoming.GetValueOrDefault(r.Id),
                    c?.CancelledByMentor ?? 0, c?.CancelledByMentee ?? 0, c?.LateCancellationsByMentor ?? 0, c?.LateCancellationsByMentee ?? 0,
                    c?.NoShowsByMentor ?? 0, c?.NoShowsByMentee ?? 0, c?.LeaderItemsTaken ?? 0, c?.LeaderItemsDone ?? 0);
            })],
            all.Count, all.Count(x => x.r.Held < x.Expected), number, pages, byName ? "name" : "risk");
    }
}
