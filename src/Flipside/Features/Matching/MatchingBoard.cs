using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Pairings;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Matching;

/// <summary>
/// The review board of a cohort, for the program managers of its program: the pairs in every status with their
/// reasons, the latest run with who it left unmatched and why, its fairness groups, the runs before it and what
/// changed since the previous one.
/// </summary>
public static class MatchingBoard
{
    public sealed record Board(CohortHeader Cohort, RunRow? Latest, IReadOnlyList<PairRow> Pairs, IReadOnlyList<RunDetail.Unpaired> Unmatched,
        IReadOnlyList<RunDetail.Unpaired> LeftOut, IReadOnlyList<RunDetail.Group> Fairness, IReadOnlyList<RunRow> Runs, Changes? SincePrevious)
    {
        /// <summary>Running pairings that a directory change put inside a reporting line, waiting for a pause, an end or a kept reason.</summary>
        public IReadOnlyList<KeepInReportingLine.Flagged> InsideReportingLines { get; init; } = [];
        /// <summary>Everyone enrolled whom no pairing holds (a mentor: with room left), for pairing by hand and rematching.</summary>
        public IReadOnlyList<FreePerson> Free { get; init; } = [];
        /// <summary>The weight preset that fits the program, and why; <see cref="Presets"/> lists it first.</summary>
        public WeightPresets.Suggestion Suggested { get; init; } = WeightPresets.SuggestFor([]);
        public IReadOnlyList<WeightPresets.Preset> Presets { get; init; } = WeightPresets.All;
        /// <summary>For a ranked choice cohort: how many have ranked on each side and when ranking closes; null otherwise.</summary>
        public RankedChoiceRun.Status? Ranking { get; init; }
    }

    /// <summary>A person free to pair; Ended when a pairing of theirs ended in this cohort, so the board offers a rematch.</summary>
    public sealed record FreePerson(Guid PersonId, string Name, ParticipantRole Role, bool Ended, bool AskedForRematch);

    public sealed record CohortHeader(Guid Id, string Name, Guid ProgramId, string ProgramName, CohortStatus Status, string MentorLabel, string MenteeLabel);

    public sealed record RunRow(Guid Id, DateTimeOffset StartedAt, string StartedBy, MatchObjective Objective, MatchWeights Weights, int Pairs, long Total,
        int Unmatched, int LeftOut, bool ProvenOptimal, int FairnessFlags, int ElapsedMilliseconds);

    public sealed record PairRow(Guid Id, PairingStatus Status, bool Locked, bool ByHand, long Score, Guid MenteePersonId, string MenteeName,
        Guid MentorPersonId, string MentorName, IReadOnlyList<string> Reasons, int Version, PairingActor? EndedBy, string? EndReason, bool RematchRequested,
        DateTimeOffset? PublishedAt);

    public sealed record Changes(IReadOnlyList<RunDetail.Pair> Added, IReadOnlyList<RunDetail.Pair> Removed);

    public static async Task<Board?> Handle(Guid cohortId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        var found = await viewer.ManagedCohorts.Where(c => c.Id == cohortId)
            .Select(c => new
            {
                Header = new CohortHeader(c.Id, c.Name, c.ProgramId, c.Program.Name, c.Status, c.Program.MentorLabel, c.Program.MenteeLabel),
                c.Program.FocusAreas,
                c.Program.MatchingMode,
                c.Program.RankingDays,
                c.MatchingSince,
            })
            .SingleOrDefaultAsync(ct);
        if (found is null) return null;
        var cohort = found.Header;
        var suggested = WeightPresets.SuggestFor(found.FocusAreas);
        var runs = await db.MatchRuns.Where(r => r.CohortId == cohortId).OrderByDescending(r => r.StartedAt).Take(20)
            .Select(r => new RunRow(r.Id, r.StartedAt, r.StartedBy, r.Objective, r.Weights, r.Pairs, r.Total, r.Unmatched, r.LeftOut, r.ProvenOptimal,
                r.FairnessFlags, r.ElapsedMilliseconds))
            .ToListAsync(ct);
        // Only the latest run's detail and the one before it are read: a detail is a few hundred kilobytes for a large
        // cohort, and reading twenty of them on every page was most of the board's database time.
        var recent = runs.Take(2).Select(r => r.Id).ToList();
        var details = await db.MatchRuns.Where(r => recent.Contains(r.Id)).Select(r => new { r.Id, r.Detail }).ToDictionaryAsync(r => r.Id, r => r.Detail, ct);
        var names = await StartedByNames(db, runs.Select(r => r.StartedBy), ct);
        var rows = runs.Select(r => r with { StartedBy = names.GetValueOrDefault(r.StartedBy, r.StartedBy) }).ToList();
        var pairs = await db.Pairings.Where(p => p.CohortId == cohortId)
            .OrderBy(p => p.MenteeEnrollment.Person.Name).ThenBy(p => p.Id)
            .Select(p => new PairRow(p.Id, p.Status, p.Locked, p.ByHand, p.Score, p.MenteeEnrollment.PersonId, p.MenteeEnrollment.Person.Name,
                p.MentorEnrollment.PersonId, p.MentorEnrollment.Person.Name, p.StaffReasons, p.Version, p.EndedBy, p.EndReason, p.RematchRequested, p.PublishedAt))
            .ToListAsync(ct);

        // A leader (or someone above one) who manages the program still never reads why their own partner left.
        var withReasons = pairs.Where(p => p.EndReason is not null).Select(p => p.MenteePersonId).Distinct().ToList();
        var hidden = await Pairings.ExitPrivacy.HiddenFrom((await viewer.Person(ct))?.Id, withReasons, db, ct);
        pairs = [.. pairs.Select(p => hidden.Contains(p.MenteePersonId) ? p with { EndReason = null, EndedBy = null, RematchRequested = false } : p)];

        var latest = (runs.Count > 0 ? RunDetail.FromJson(details[runs[0].Id]) : RunDetail.Empty).SeenBy(viewer.IsAdministrator);
        // Whoever was paired since the run (by hand, or a lock) is no longer unmatched.
        var held = pairs.Where(p => Pairing.Holding.Contains(p.Status)).SelectMany(p => new[] { p.MenteePersonId, p.MentorPersonId }).ToHashSet();
        var unmatched = latest.Unmatched.Where(u => !held.Contains(u.PersonId)).ToList();
        Changes? changes = null;
        if (runs.Count > 1)
        {
            var (added, removed) = latest.ComparedWith(RunDetail.FromJson(details[runs[1].Id]));
            changes = new Changes(added, removed);
        }
        return new Board(cohort, rows.FirstOrDefault(), pairs, unmatched, latest.LeftOut, latest.Fairness, rows, changes)
        {
            InsideReportingLines = await KeepInReportingLine.Waiting(cohortId, viewer, db, ct),
            Free = await FreePeople(cohortId, pairs, db, ct),
            Suggested = suggested,
            Presets = WeightPresets.Ordered(suggested),
            Ranking = found.MatchingMode == MatchingMode.RankedChoice
                ? await RankedChoiceRun.StatusOf(cohortId, found.MatchingSince?.AddDays(found.RankingDays), db, ct)
                : null,
        };
    }

    private static async Task<IReadOnlyList<FreePerson>> FreePeople(Guid cohortId, List<PairRow> pairs, FlipsideDb db, CancellationToken ct)
    {
        var enrolled = await db.Enrollments.Where(e => e.CohortId == cohortId && e.Status == EnrollmentStatus.Enrolled && e.Person.Status != PersonStatus.Left)
            .OrderBy(e => e.Person.Name).ThenBy(e => e.PersonId)
            .Select(e => new { e.PersonId, e.Person.Name, e.Role, e.Cohort.Program.DefaultMentorCapacity }).ToListAsync(ct);
        // Counted once by person: looking through every pair for every person was millions of steps a page for 2,000 people.
        var holding = pairs.Where(p => Pairing.Holding.Contains(p.Status)).ToList();
        var heldMentees = holding.Select(p => p.MenteePersonId).ToHashSet();
        var mentorLoad = holding.CountBy(p => p.MentorPersonId).ToDictionary();
        var ended = pairs.Where(p => p.Status == PairingStatus.Ended)
            .SelectMany(p => new[] { (Key: (p.MenteePersonId, ParticipantRole.Mentee), p.RematchRequested), (Key: (p.MentorPersonId, ParticipantRole.Mentor), p.RematchRequested) })
            .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.Any(x => x.RematchRequested));
        return [.. enrolled
            .Where(e => e.Role == ParticipantRole.Mentee
                ? !heldMentees.Contains(e.PersonId)
                : mentorLoad.GetValueOrDefault(e.PersonId) < e.DefaultMentorCapacity)
            .Select(e => ended.TryGetValue((e.PersonId, e.Role), out var asked)
                ? new FreePerson(e.PersonId, e.Name, e.Role, true, asked)
                : new FreePerson(e.PersonId, e.Name, e.Role, false, false))];
    }

    private static async Task<Dictionary<string, string>> StartedByNames(FlipsideDb db, IEnumerable<string> userIds, CancellationToken ct)
    {
        var ids = userIds.Distinct().ToList();
        return await db.Users.Where(u => ids.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.DisplayName.Length > 0 ? u.DisplayName : u.Email ?? u.Id, ct);
    }
}
