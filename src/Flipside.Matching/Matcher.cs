using Flipside.Matching.Assignment;
using Flipside.Matching.Profiles;
using Flipside.Matching.Scoring;

namespace Flipside.Matching;

/// <summary>A proposed pairing with its score, explained part by part.</summary>
public sealed record PairingProposal(string MenteeId, string MentorId, long Score, IReadOnlyList<ScorePart> Parts, bool Locked);

/// <summary>Someone left without a pairing, and why.</summary>
public sealed record UnmatchedPerson(string PersonId, bool IsMentee, IReadOnlyList<string> Reasons);

/// <summary>The outcome of a matching run.</summary>
public sealed record MatchResult(
    IReadOnlyList<PairingProposal> Pairings,
    IReadOnlyList<UnmatchedPerson> Unmatched,
    long TotalScore,
    bool ProvenOptimal,
    int Rounds);

/// <summary>
/// The optimum alone: the pairs, their total, how many people it leaves unmatched (mentees without a mentor and
/// mentors without a mentee, counted as <see cref="MatchResult.Unmatched"/> counts them) and whether it is proven.
/// </summary>
public sealed record MatchSolution(IReadOnlyList<PairIds> Pairs, long TotalScore, int Unmatched, bool ProvenOptimal);

/// <summary>Why a pair is or is not allowed, and how it scores.</summary>
public sealed record PairExplanation(bool Eligible, IReadOnlyList<string> Constraints, long Score, IReadOnlyList<ScorePart> Parts);

/// <summary>
/// Matches mentees (senior leaders) to mentors (junior guides): scores every eligible pair,
/// finds the exact optimum under the program's rules and explains it. Pure and deterministic:
/// people are ordered by id, so ties always break the same way.
/// </summary>
public static class Matcher
{
    /// <summary>Proposes the optimal pairings for a cohort.</summary>
    public static MatchResult Match(MatchRequest request) => Match(new CompiledCohort(request), request);

    /// <summary>
    /// The same optimum as <see cref="Match(MatchRequest)"/> without explaining it: no score parts and no reasons for
    /// whoever is left unmatched. A preview after a weight change needs only this, and explaining is most of the
    /// rest of a run's cost.
    /// </summary>
    public static MatchSolution Solve(MatchRequest request)
    {
        var cohort = new CompiledCohort(request);
        var (_, solution) = Assign(cohort, request);
        var pairs = new List<PairIds>(cohort.Mentees.Length);
        var load = new int[cohort.Mentors.Length];
        int unmatched = 0;
        for (int i = 0; i < cohort.Mentees.Length; i++)
        {
            int j = solution.MentorOf[i];
            if (j < 0)
            {
                unmatched++;
                continue;
            }
            pairs.Add(new PairIds(cohort.Mentees[i].Id, cohort.Mentors[j].Id));
            load[j]++;
        }
        unmatched += load.Count(l => l == 0);
        return new MatchSolution(pairs, solution.Objective, unmatched, solution.ProvenOptimal);
    }

    /// <summary>Scores and explains one pair, eligible or not.</summary>
    public static PairExplanation Explain(MatchRequest request, string menteeId, string mentorId)
    {
        var cohort = new CompiledCohort(request);
        int i = cohort.IndexOfMentee(menteeId), j = cohort.IndexOfMentor(mentorId);
        if (i < 0 || j < 0)
            throw new ArgumentException($"no mentee '{menteeId}' or no mentor '{mentorId}' in the request");
        var pair = new PairIds(menteeId, mentorId);
        var constraints = Constraints(cohort, i, j, request.Exclusions.Contains(pair),
            !request.Rules.AllowRepeatPairings && request.PreviousPairings.Contains(pair));
        return new PairExplanation(constraints.Count == 0, constraints, cohort.Score(i, j), PairExplainer.Explain(cohort, i, j));
    }

    internal static MatchResult Match(CompiledCohort cohort, MatchRequest request)
    {
        var (locked, solution) = Assign(cohort, request);
        var lockedMentees = locked.Select(l => l.i).ToHashSet();
        // Explaining every pairing is the largest cost after the solve; each is independent of the others.
        var proposals = new PairingProposal?[cohort.Mentees.Length];
        Parallel.For(0, proposals.Length, i =>
        {
            int j = solution.MentorOf[i];
            if (j >= 0)
            {
                proposals[i] = new PairingProposal(cohort.Mentees[i].Id, cohort.Mentors[j].Id, cohort.Score(i, j),
                    PairExplainer.Explain(cohort, i, j), lockedMentees.Contains(i));
            }
        });
        var pairings = proposals.OfType<PairingProposal>().ToList();
        var load = new int[cohort.Mentors.Length];
        foreach (int j in solution.MentorOf.Where(j => j >= 0))
            load[j]++;
        var unmatched = new List<UnmatchedPerson>();
        var unmatchedMentees = Enumerable.Range(0, cohort.Mentees.Length).Where(i => solution.MentorOf[i] < 0).ToList();
        var mode = request.Rules.Objective;
        var withRoomLeft = unmatchedMentees.Count == 0 ? [] : Enumerable.Range(0, cohort.Mentors.Length).Where(j => load[j] < cohort.Mentors[j].Capacity).ToList();
        foreach (int i in unmatchedMentees)
            unmatched.Add(new UnmatchedPerson(cohort.Mentees[i].Id, true, UnmatchedReasons.ForMentee(cohort, i, solution.EligibleMentors[i], mode, withRoomLeft)));
        for (int j = 0; j < cohort.Mentors.Length; j++)
        {
            if (load[j] == 0)
                unmatched.Add(new UnmatchedPerson(cohort.Mentors[j].Id, false, UnmatchedReasons.ForMentor(cohort, j, unmatchedMentees, mode)));
        }
        return new MatchResult(pairings, unmatched, solution.Objective, solution.ProvenOptimal, solution.Rounds);
    }

    private static (List<(int i, int j)> Locked, AssignmentSolution<long> Solution) Assign(CompiledCohort cohort, MatchRequest request)
    {
        var locked = LockedPairs(cohort, request);
        var solution = AssignmentSolver.Solve(new AssignmentProblem<long>(new CohortScores(cohort), [.. cohort.Mentors.Select(p => p.Capacity)])
        {
            Locked = [.. locked.Select(l => new LockedPair<long>(l.i, l.j, cohort.Score(l.i, l.j)))],
            Objective = request.Rules.Objective,
            CandidatesPerMentee = request.Rules.CandidatesPerMentee,
        });
        return (locked, solution);
    }

    /// <summary>
    /// The locked pairs as indexes, refused in the words a program manager can act on when one names someone
    /// not in the cohort, breaks a hard constraint, locks a mentee twice or overfills a mentor. Runs once before
    /// the solve, so the solver's own checks (which only know sorted indexes) never see a bad lock.
    /// </summary>
    internal static List<(int i, int j)> LockedPairs(CompiledCohort c, MatchRequest request)
    {
        var locked = new List<(int i, int j)>();
        if (request.Locked.Count == 0)
            return locked;
        HashSet<PairIds> excluded = [.. request.Exclusions];
        HashSet<PairIds> earlier = c.Rules.AllowRepeatPairings ? [] : [.. request.PreviousPairings];
        var mentorOf = new Dictionary<int, int>();
        var load = new Dictionary<int, int>();
        foreach (var pair in request.Locked.Distinct())
        {
            int i = c.IndexOfMentee(pair.MenteeId), j = c.IndexOfMentor(pair.MentorId);
            if (i < 0 || j < 0)
                throw new ArgumentException($"locked pair ({pair.MenteeId}, {pair.MentorId}) names someone not in the cohort");
            var broken = Constraints(c, i, j, excluded.Contains(pair), earlier.Contains(pair));
            if (broken.Count > 0)
                throw new AssignmentException($"locked pair ({pair.MenteeId}, {pair.MentorId}) breaks a hard constraint: {string.Join("; ", broken)}");
            if (mentorOf.TryGetValue(i, out int other))
                throw new AssignmentException($"mentee {pair.MenteeId} is locked to more than one mentor ({c.Mentors[other].Id}, {pair.MentorId})");
            mentorOf[i] = j;
            load[j] = load.GetValueOrDefault(j) + 1;
            if (load[j] > c.Mentors[j].Capacity)
                throw new AssignmentException($"locked pairs exceed the capacity of mentor {pair.MentorId} (capacity {c.Mentors[j].Capacity}, {load[j]} locked)");
            locked.Add((i, j));
        }
        return locked;
    }

    // The hard constraints a pair breaks, in words: the exclusion and the earlier pairing are looked up by id,
    // so that the words can tell them apart (the compiled cohort keeps them as one blocked list).
    private static List<string> Constraints(CompiledCohort c, int i, int j, bool excluded, bool pairedBefore)
    {
        var reasons = new List<string>();
        if (c.Mentees[i].Id == c.Mentors[j].Id)
            reasons.Add("the same person on both sides");
        if (c.GradeGapFails(i, j))
            reasons.Add($"grade gap below {c.Rules.MinGradeGap} (mentee grade {c.Mentees[i].Grade}, mentor grade {c.Mentors[j].Grade})");
        if (c.SameDepartmentFails(i, j))
            reasons.Add($"both in {c.Mentees[i].Department}, and the program pairs across departments only");
        if (c.InReportingLine(i, j))
            reasons.Add("inside a reporting line");
        if (excluded)
            reasons.Add("explicitly excluded");
        if (pairedBefore)
            reasons.Add("paired before, and the program does not allow repeat pairings");
        return reasons;
    }
}
