using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Flipside.Features.Matching;

/// <summary>
/// A cohort compiled for the engine (<see cref="CohortMatchRequest"/>), kept between a preview and the next while a stamp
/// read from the database says nothing it was compiled from has changed. The stamp is read on every call, so several app
/// instances each keep their own copy and none can serve one older than the database (nothing in memory decides anything).
/// Weights and objective are the caller's, put in on every call; pairings are not part of the compiled cohort and are
/// always read fresh (<see cref="MatchSetup"/>).
/// </summary>
public static class CompiledCohorts
{
    /// <summary>
    /// Everything the compiled cohort is made of, in one statement. The cohort's and program's settings are read as
    /// values. Enrolments and profiles are never deleted, so a sum of (version + 1) rises with every insert and every
    /// change. The directory counts the same way as a whole, because reporting lines walk up through managers who need
    /// not be in the cohort and a new person can complete a chain; people are removed only by undoing an import, and
    /// an undo is counted, so a removal followed by inserts cannot bring the sum back unnoticed.
    /// </summary>
    private sealed record Stamp(Guid ProgramId, DateOnly StartsOn, int MinGradeGap, bool ExcludeSameDepartment, int DefaultMentorCapacity,
        bool AllowRepeatPairings, long Enrollments, long Profiles, long People, int UndoneImports);

    private sealed record Entry(Stamp Stamp, CohortMatchRequest.Result Compiled);

    private sealed record Key(Guid CohortId);

    /// <summary>The compiled cohort with these weights and objective, or null when there is no such cohort in the scope.</summary>
    public static async Task<CohortMatchRequest.Result?> Get(Guid cohortId, MatchWeights weights, MatchObjective objective, IQueryable<Cohort> scope, FlipsideDb db,
        IMemoryCache? cache, CancellationToken ct)
    {
        if (cache is null) return await CohortMatchRequest.Compile(cohortId, scope, db, ct, weights, objective);
        if (await Read(cohortId, scope, db, ct) is not { } stamp) return null;
        if (cache.TryGetValue(new Key(cohortId), out Entry? kept) && kept!.Stamp == stamp) return With(kept.Compiled, weights, objective);

        var compiled = await CohortMatchRequest.Compile(cohortId, scope, db, ct, weights, objective);
        // Kept only when nothing changed while it was compiled (its queries are not one snapshot): a write in between
        // would otherwise leave newer rows under the older stamp, or older ones under the newer.
        if (compiled is not null && await Read(cohortId, scope, db, ct) == stamp)
            cache.Set(new Key(cohortId), new Entry(stamp, compiled), new MemoryCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) });
        return compiled;
    }

    private static CohortMatchRequest.Result With(CohortMatchRequest.Result compiled, MatchWeights weights, MatchObjective objective)
    {
        var rules = compiled.Request.Rules with { Weights = CohortMatchRequest.ToEngine(weights), Objective = CohortMatchRequest.ToEngine(objective) };
        return compiled with { Request = compiled.Request with { Rules = rules } };
    }

    private static Task<Stamp?> Read(Guid cohortId, IQueryable<Cohort> scope, FlipsideDb db, CancellationToken ct) =>
        scope.Where(c => c.Id == cohortId)
            .Select(c => new Stamp(c.ProgramId, c.StartsOn, c.Program.Eligibility.MinGradeGap, c.Program.Eligibility.ExcludeSameDepartment,
                c.Program.DefaultMentorCapacity, c.Program.AllowRepeatPairings,
                db.Enrollments.Where(e => e.CohortId == cohortId).Sum(e => e.Version + 1L),
                db.Enrollments.Where(e => e.CohortId == cohortId && e.Profile != null).Sum(e => e.Profile!.Version + 1L),
                db.People.Sum(p => p.Version + 1L),
                db.Set<ImportRun>().Count(r => r.UndoneAt != null)))
            .SingleOrDefaultAsync(ct)!;
}
