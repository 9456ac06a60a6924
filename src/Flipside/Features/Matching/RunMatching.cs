using System.Diagnostics;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Matching;
using Flipside.Matching.Assignment;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Flipside.Features.Matching;

/// <summary>
/// Runs the engine on a cohort and saves its proposals for review: the previous run's open proposals give way to
/// this run's, locked and approved pairs stay (scored again with this run's weights), and the run is kept with
/// its weights, objective, totals and detail. Nothing is saved when the run cannot start.
/// </summary>
public static class RunMatching
{
    public sealed record Request(Guid CohortId, MatchWeights Weights, MatchObjective Objective);

    public sealed record Summary(Guid RunId, int Pairs, long Total, int Unmatched, int LeftOut, bool ProvenOptimal, int FairnessFlags, int Added, int Removed);

    /// <summary>The cohort, its setup and the engine's answer: what a run saves and a preview only reports.</summary>
    public sealed record Solved(Cohort Cohort, MatchSetup.Setup Setup, MatchResult Result);

    /// <summary>A ranked choice cohort is matched on its participants' rankings (a stable matching), any other on the optimum.</summary>
    public static async Task<Outcome<Solved>> Solve(Request r, Viewer viewer, FlipsideDb db, CancellationToken ct, IMemoryCache? cache = null)
    {
        var ranked = await RankedChoiceRun.Of(r.CohortId, viewer, db, ct);
        return await Solve(r, viewer, db, setup => ranked is null ? Matcher.Match(setup.Request) : RankedChoiceRun.Match(setup, ranked),
            (cohort, setup, result) => new Solved(cohort, setup, result), ct, cache);
    }

    /// <summary>
    /// The cohort and its setup, refused as a run is refused, then <paramref name="engine"/> on the setup: a run
    /// explains its answer, a preview only needs the optimum (<see cref="Matcher.Solve"/>).
    /// </summary>
    public static async Task<Outcome<T>> Solve<TResult, T>(Request r, Viewer viewer, FlipsideDb db, Func<MatchSetup.Setup, TResult> engine,
        Func<Cohort, MatchSetup.Setup, TResult, T> result, CancellationToken ct, IMemoryCache? cache = null)
    {
        var cohort = await viewer.ManagedCohorts.Include(c => c.Program).FirstOrDefaultAsync(c => c.Id == r.CohortId, ct);
        if (cohort is null) return Outcome.NotFound;
        if (CanMatch(cohort) is { } refusal) return refusal;
        if (await MatchSetup.Build(r.CohortId, r.Weights, r.Objective, viewer, db, ct, cache) is not { } setup) return Outcome.NotFound;
        if (CannotRun(setup) is { } cannot) return cannot;
        try
        {
            return result(cohort, setup, engine(setup));
        }
        catch (AssignmentException e)
        {
            return Outcome.Conflict($"A locked or approved pair no longer fits: {e.Message}. Reject or unlock it, then run again.");
        }
    }

    /// <summary>The run; with a cache, a compiled cohort a preview left is reused while it is current (<see cref="CompiledCohorts"/>).</summary>
    public static async Task<Outcome<Summary>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct, IMemoryCache? cache = null)
    {
        var watch = Stopwatch.StartNew();
        var solved = await Solve(r, viewer, db, ct, cache);
        if (solved.Problem is { } problem) return problem;
        var (cohort, setup, result) = solved.Value;

        var now = clock.GetUtcNow();
        var detail = RunDetail.From(setup.Compiled, setup, result);
        var previous = await db.MatchRuns.Where(m => m.CohortId == r.CohortId).OrderByDescending(m => m.StartedAt).Select(m => m.Detail).FirstOrDefaultAsync(ct);
        var (added, removed) = previous is null ? (detail.Pairs, []) : detail.ComparedWith(RunDetail.FromJson(previous));
        // The weights still score and explain each pair of a ranked choice run; the rankings chose them.
        var objective = cohort.Program.MatchingMode == MatchingMode.RankedChoice ? MatchObjective.RankedChoice : r.Objective;
        var run = new MatchRun(r.CohortId, viewer.UserId, now, objective, r.Weights);
        db.MatchRuns.Add(run);
        await SaveProposals(db, setup, result, run.Id, now, ct);
        // The count kept with the run is the one every program manager may read: flags by generation show on the board to administrators only.
        int flags = detail.SeenBy(administrator: false).Flagged.Count();
        run.Record(result.Pairings.Count, result.Unmatched.Count, detail.LeftOut.Count, result.TotalScore, result.ProvenOptimal, flags,
            (int)watch.ElapsedMilliseconds, detail.ToJson());
        // Two runs of one cohort at once: the cohort's version makes the second refused, not interleaved.
        cohort.Version++;
        db.Record(viewer, now, "matching.run", "Cohort", cohort.Id,
            $"{cohort.Program.Name}, {cohort.Name}: {Words.Count(result.Pairings.Count, "pair")} proposed, total {result.TotalScore}, {result.Unmatched.Count} unmatched");
        await db.SaveChangesAsync(ct);
        return new Summary(run.Id, result.Pairings.Count, result.TotalScore, result.Unmatched.Count, detail.LeftOut.Count, result.ProvenOptimal, flags,
            added.Count, removed.Count);
    }

    /// <summary>Matching runs once enrolment is over: in the matching step, or while active to pair whoever is left.</summary>
    public static Problem? CanMatch(Cohort cohort)
    {
        if (cohort.Program.Status == ProgramStatus.Archived) return Outcome.Conflict("This program is archived. Restore it before matching its cohorts.");
        if (cohort.Status == CohortStatus.Closed)
            return Outcome.Conflict("This cohort is closed: its pairings have run their course. Start a new cohort of the program to match again.");
        return cohort.Status is CohortStatus.Matching or CohortStatus.Active ? null
            : Outcome.Conflict($"This cohort is {cohort.Status.ToString().ToLowerInvariant()}. Move it to matching when enrolment is over, then run matching.");
    }

    /// <summary>A run that could only come back empty is refused before it is recorded as if it had succeeded.</summary>
    public static Problem? CannotRun(MatchSetup.Setup setup)
    {
        var request = setup.Request;
        // Mentors with complete profiles whose every place a running pairing already holds: full, not missing.
        if (request.Mentees.Count > 0 && request.Mentors.Count == 0 && setup.Compiled.Request.Mentors.Count > 0)
            return Outcome.Conflict("Every mentor already has as many running pairings as the program allows. Raise the program's mentor capacity, or enrol more mentors.");
        if (request.Mentees.Count == 0 || request.Mentors.Count == 0)
        {
            var missing = new List<string>();
            if (request.Mentees.Count == 0) missing.Add("leaders");
            if (request.Mentors.Count == 0) missing.Add("mentors");
            string leftOut = setup.Compiled.Skipped.Count == 0 ? "" : $" {Words.Count(setup.Compiled.Skipped.Count, "person")} enrolled have not finished their matching profile yet.";
            return Outcome.Conflict($"There is no one to match: no {string.Join(" and no ", missing)} with a complete profile waiting for a pair.{leftOut}");
        }
        if (request.Mentors.All(m => m.Capacity <= 0))
            return Outcome.Conflict("Every mentor's capacity is zero, so no leader can be paired. Raise the program's mentor capacity first.");
        var absent = setup.Kept.Where(p => !setup.Compiled.Members.ContainsKey(p.MenteePersonId) || !setup.Compiled.Members.ContainsKey(p.MentorPersonId)).ToList();
        if (absent.Count > 0)
            return Outcome.Conflict($"{Words.Count(absent.Count, "locked or approved pair")} name someone who is no longer enrolled with a complete profile. Reject those pairs, then run again.");
        return null;
    }

    private static async Task SaveProposals(FlipsideDb db, MatchSetup.Setup setup, MatchResult result, Guid runId, DateTimeOffset now, CancellationToken ct)
    {
        var members = setup.Compiled.Members;
        // The previous run's open proposals give way; rejected, locked, approved and published pairs stay.
        var open = await db.Pairings.Where(p => p.CohortId == setup.CohortId)
            .Where(p => p.Status == PairingStatus.Proposed || p.Status == PairingStatus.Approved).ToListAsync(ct);
        var kept = open.Where(p => p.Locked || p.Status == PairingStatus.Approved).ToDictionary(p => p.MenteeEnrollmentId);
        db.Pairings.RemoveRange(open.Where(p => !kept.ContainsKey(p.MenteeEnrollmentId) || kept[p.MenteeEnrollmentId] != p));
        foreach (var proposal in result.Pairings)
        {
            var mentee = members[Guid.Parse(proposal.MenteeId)];
            var mentor = members[Guid.Parse(proposal.MentorId)];
            var reasons = PairingReasons.For(mentee.Name, mentor.Name, proposal.Parts);
            if (kept.TryGetValue(mentee.EnrollmentId, out var existing))
            {
                // The engine kept the pairs it was given; a kept pair with another mentor was decided while it ran.
                if (existing.MentorEnrollmentId != mentor.EnrollmentId) throw new DomainException(Outcome.ChangedMeanwhile);
                existing.Rescore(proposal.Score, reasons);
            }
            else
                db.Pairings.Add(new Pairing(setup.CohortId, mentor.EnrollmentId, mentee.EnrollmentId, proposal.Score, reasons, runId, now));
        }
    }
}
