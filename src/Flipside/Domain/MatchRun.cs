namespace Flipside.Domain;

/// <summary>
/// What a run maximises: as many pairs as possible first (then the score), or the total score alone; or, in a ranked
/// choice cohort, no total at all but a stable matching of the participants' rankings.
/// </summary>
public enum MatchObjective { MostPairs, HighestScore, RankedChoice }

public static class MatchObjectives
{
    /// <summary>The objective in a program manager's words, as the board's runs show it.</summary>
    public static string Describe(this MatchObjective objective) => objective switch
    {
        MatchObjective.MostPairs => "most pairs first",
        MatchObjective.HighestScore => "highest total score",
        _ => "ranked choice (stable)",
    };
}

/// <summary>How much each part of a pair's score counts, 0 (ignored) to 10.</summary>
public sealed record MatchWeights
{
    public static readonly IntRule WeightRule = new(0, 10, "A weight is a whole number from 0 (ignored) to 10.");

    public int Complementarity { get; init => field = WeightRule.Guard(value); } = 5;
    public int SharedInterests { get; init => field = WeightRule.Guard(value); } = 2;
    public int StyleFit { get; init => field = WeightRule.Guard(value); } = 2;
    public int AvailabilityOverlap { get; init => field = WeightRule.Guard(value); } = 2;
    public int SharedLanguage { get; init => field = WeightRule.Guard(value); } = 1;
    public int CrossDepartment { get; init => field = WeightRule.Guard(value); } = 1;
    // 0: generation derives from the birth year, which only administrators see, so it shapes no pair unless a
    // program asks for it; no form or API field sets it yet.
    public int GenerationGap { get; init => field = WeightRule.Guard(value); }
}

/// <summary>
/// One matching run of a cohort, kept so that a program manager can compare runs: who ran it, when, with which
/// weights and objective, and what came of it. <see cref="Detail"/> holds the proposals and the unmatched with
/// their reasons as JSON, so that "what changed since the previous run" survives later re-runs.
/// </summary>
public sealed class MatchRun
{
    public Guid Id { get; private set; } = Guid.NewGuid();
    public Guid CohortId { get; private set; }
    public string StartedBy { get; private set; } = "";
    public DateTimeOffset StartedAt { get; private set; }
    public MatchObjective Objective { get; private set; }
    public MatchWeights Weights { get; private set; } = new();
    public int Pairs { get; private set; }
    public int Unmatched { get; private set; }
    public int LeftOut { get; private set; }
    public long Total { get; private set; }
    public bool ProvenOptimal { get; private set; }
    public int FairnessFlags { get; private set; }
    public int ElapsedMilliseconds { get; private set; }
    public string Detail { get; private set; } = "{}";

    private MatchRun() { }

    public MatchRun(Guid cohortId, string startedBy, DateTimeOffset startedAt, MatchObjective objective, MatchWeights weights) =>
        (CohortId, StartedBy, StartedAt, Objective, Weights) = (cohortId, startedBy, startedAt, objective, weights);

    public void Record(int pairs, int unmatched, int leftOut, long total, bool provenOptimal, int fairnessFlags, int elapsedMilliseconds, string detail) =>
        (Pairs, Unmatched, LeftOut, Total, ProvenOptimal, FairnessFlags, ElapsedMilliseconds, Detail) =
        (pairs, unmatched, leftOut, total, provenOptimal, fairnessFlags, elapsedMilliseconds, detail);
}
