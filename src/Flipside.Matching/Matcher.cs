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

    /// <summary>Scores and explains one pair, eligible or not.</summary>
    public static PairExplanation Explain(MatchRequest request, string menteeId, string mentorId)
    {
        var cohort = new CompiledCohort(request);
        int i = cohort.IndexOfMentee(menteeId), j = cohort.IndexOfMentor(mentorId);
        if (i < 0 || j < 0)
            throw new ArgumentException($"no mentee '{menteeId}' or no mentor '{mentorId}' in the request");
        var constraints = Constraints(cohort, i, j);
        return new PairExplanation(constraints.Count == 0, constraints, cohort.Score(i, j), PairExplainer.Explain(cohort, i, j));
    }

    internal static MatchResult Match(CompiledCohort cohort, MatchRequest request)
    {
        var locked = request.Locked.Select(p => (i: cohort.IndexOfMentee(p.MenteeId), j: cohort.IndexOfMentor(p.MentorId), p)).ToList();
        if (locked.FirstOrDefault(l => l.i < 0 || l.j < 0) is { p.MenteeId: not null } unknown)
            throw new ArgumentException($"locked pair ({unknown.p.MenteeId}, {unknown.p.MentorId}) names someone not in the cohort");
        var solution = AssignmentSolver.Solve(new AssignmentProblem<long>(new CohortScores(cohort), [.. cohort.Mentors.Select(p => p.Capacity)])
        {
            Locked = [.. locked.Select(l => new LockedPair<long>(l.i, l.j, cohort.Score(l.i, l.j)))],
            Objective = request.Rules.Objective,
            CandidatesPerMentee = request.Rules.CandidatesPerMentee,
        });

        var lockedMentees = locked.Select(l => l.i).ToHashSet();
        // Sentences for every pairing are the largest cost after the solve; each is independent of the others.
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
        foreach (int i in unmatchedMentees)
            unmatched.Add(new UnmatchedPerson(cohort.Mentees[i].Id, true, UnmatchedReasons.ForMentee(cohort, i, solution.EligibleMentors[i])));
        for (int j = 0; j < cohort.Mentors.Length; j++)
        {
            if (load[j] == 0)
                unmatched.Add(new UnmatchedPerson(cohort.Mentors[j].Id, false, UnmatchedReasons.ForMentor(cohort, j, unmatchedMentees)));
        }
        return new MatchResult(pairings, unmatched, solution.Objective, solution.ProvenOptimal, solution.Rounds);
    }

    internal static List<string> Constraints(CompiledCohort c, int i, int j)
    {
        var reasons = new List<string>();
        if (c.GradeGapFails(i, j))
            reasons.Add($"grade gap below {c.Rules.MinGradeGap} (mentee grade {c.Mentees[i].Grade}, mentor grade {c.Mentors[j].Grade})");
        if (c.InReportingLine(i, j))
            reasons.Add("inside a reporting line");
        if (c.Blocked(i, j))
            reasons.Add(c.Rules.AllowRepeatPairings ? "excluded" : "excluded or paired before");
        return reasons;
    }
}
