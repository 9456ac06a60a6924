using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Matching.Profiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Flipside.Features.Matching;

/// <summary>
/// The engine's request for a cohort as it stands today: the compiled profiles, minus whoever a running pairing
/// already holds (a mentor keeps only the room left), with this cohort's rejected and ended pairs never proposed
/// again, earlier cohorts' pairs of the program refused unless the program allows repeats, and every locked or
/// approved pair kept as a lock.
/// </summary>
public static class MatchSetup
{
    /// <summary>An existing pairing of the cohort, by person ids.</summary>
    public sealed record Existing(Guid Id, Guid MenteePersonId, Guid MentorPersonId, PairingStatus Status, bool Locked, int Version);

    public sealed record Setup(Guid CohortId, CohortMatchRequest.Result Compiled, MatchRequest Request, IReadOnlyList<Existing> Pairings)
    {
        /// <summary>Pairs kept through a re-run: locked proposals and approved pairs.</summary>
        public IEnumerable<Existing> Kept => Pairings.Where(p => p.Status == PairingStatus.Approved || (p.Status == PairingStatus.Proposed && p.Locked));
    }

    /// <summary>The setup; with a cache, the compiled cohort is reused while nothing it was made of has changed (<see cref="CompiledCohorts"/>).</summary>
    public static Task<Setup?> Build(Guid cohortId, MatchWeights weights, MatchObjective objective, Viewer viewer, FlipsideDb db, CancellationToken ct,
        IMemoryCache? cache = null) =>
        Build(cohortId, weights, objective, viewer.ManagedCohorts, db, ct, cache);

    /// <summary>The setup for a cohort in the given scope (see <see cref="CohortMatchRequest.Compile"/>).</summary>
    public static async Task<Setup?> Build(Guid cohortId, MatchWeights weights, MatchObjective objective, IQueryable<Cohort> scope, FlipsideDb db, CancellationToken ct,
        IMemoryCache? cache = null)
    {
        if (await CompiledCohorts.Get(cohortId, weights, objective, scope, db, cache, ct) is not { } compiled) return null;
        var pairings = await db.Pairings.Where(p => p.CohortId == cohortId)
            .OrderBy(p => p.CreatedAt).ThenBy(p => p.Id)
            .Select(p => new Existing(p.Id, p.MenteeEnrollment.PersonId, p.MentorEnrollment.PersonId, p.Status, p.Locked, p.Version))
            .ToListAsync(ct);
        // Earlier cohorts of the program: only pairs that were published count as "paired before".
        var earlier = compiled.AllowRepeatPairings ? [] : await db.Pairings
            .Where(p => p.Cohort.ProgramId == compiled.ProgramId && p.CohortId != cohortId && p.PublishedAt != null)
            .Select(p => new PairIds(p.MenteeEnrollment.PersonId.ToString(), p.MentorEnrollment.PersonId.ToString()))
            .ToListAsync(ct);

        var running = pairings.Where(p => Pairing.Running.Contains(p.Status)).ToList();
        var heldMentees = running.Select(p => p.MenteePersonId.ToString()).ToHashSet();
        var heldLoad = running.GroupBy(p => p.MentorPersonId.ToString()).ToDictionary(g => g.Key, g => g.Count());
        var request = compiled.Request;
        var setup = new Setup(cohortId, compiled, request, pairings);
        request = request with
        {
            Mentees = [.. request.Mentees.Where(m => !heldMentees.Contains(m.Id))],
            Mentors = [.. request.Mentors.Select(m => m with { Capacity = m.Capacity - heldLoad.GetValueOrDefault(m.Id) }).Where(m => m.Capacity > 0 || !heldLoad.ContainsKey(m.Id))],
            Exclusions = [.. pairings.Where(p => p.Status is PairingStatus.Rejected or PairingStatus.Ended).Select(Ids)],
            PreviousPairings = earlier,
            Locked = [.. setup.Kept.Select(Ids)],
        };
        return setup with { Request = request };
    }

    public static PairIds Ids(Existing p) => new(p.MenteePersonId.ToString(), p.MentorPersonId.ToString());
}
