using Flipside.Domain;

namespace Flipside.Features.Impact;

/// <summary>
/// The impact report as pages, JSON and CSV show it. Every figure drawn from people's answers carries either its
/// numbers or <c>NotReportable</c>, the sentence that says why it is hidden, never both: a hidden figure has no n either.
/// </summary>
public sealed record ImpactView(Guid ProgramId, string ProgramName, int Threshold, DateTimeOffset GeneratedAt, ImpactView.CohortRef? Cohort,
    ImpactView.ReactionLevel Reaction, IReadOnlyList<ImpactView.ScaleChange> Learning, ImpactView.BehaviourLevel? Behaviour, string? BehaviourNotReportable,
    IReadOnlyList<ImpactView.ObjectiveResult> Results, IReadOnlyList<ImpactView.CohortColumn> Waves)
{
    public sealed record CohortRef(Guid Id, string Name, string Label);

    /// <summary>
    /// A paired change: mean with its 95% interval (paired t), and d_z with its interval when the changes vary. Rounded
    /// to two decimals, as every figure the report shows or exports: full precision would let a reader recover sums
    /// and, between two readings, the answers that changed them.
    /// </summary>
    public sealed record Change(int N, double Mean, double Low, double High, double? Dz, double? DzLow, double? DzHigh, string? Note)
    {
        public static Change Of(PairedChange c) =>
            new(c.N, R(c.Mean), R(c.MeanInterval.Low), R(c.MeanInterval.High), R(c.Dz), R(c.DzInterval?.Low), R(c.DzInterval?.High), c.Note);

        private static double R(double v) => Math.Round(v, 2);

        private static double? R(double? v) => v is { } x ? Math.Round(x, 2) : null;
    }

    /// <summary>
    /// One learning scale: baseline → final change, and the then-test on the same people: final − then (the change
    /// they perceive) and then − baseline (the response shift: how their yardstick moved).
    /// </summary>
    public sealed record ScaleChange(string Scale, string? NotReportable, Change? Change, string? ThenNotReportable, Change? Perceived, Change? ResponseShift);

    public sealed record Average(string? NotReportable, int? N, double? Mean);

    public sealed record Promoters(string? NotReportable, int? N, double? Score, double? PromotersPercent, double? DetractorsPercent);

    public sealed record ReactionLevel(Average MeetingUseful, Average SpokeOpenly, Average Satisfaction, Promoters Recommend);

    /// <summary>
    /// Counts only, never whose: goals and milestones met, meetings held against the cadence, the leaders' follow-through.
    /// Gated by pairs: absent, with the sentence why, for fewer than k pairs or beside a group differing by fewer.
    /// </summary>
    public sealed record BehaviourLevel(int Pairings, int Goals, int GoalsMet, int Milestones, int MilestonesDone, int MeetingsHeld, int MeetingsExpected,
        int LeaderActionItems, int LeaderActionItemsDone);

    public sealed record Value(DateOnly On, decimal Amount, string Note);

    public sealed record MeasureResult(Guid Id, string Name, string Unit, MeasureSource Source, string Scale, decimal? Baseline, decimal? Current,
        DateOnly? CurrentOn, decimal Target, double? Progress, string? NotReportable, IReadOnlyList<Value> History);

    public sealed record ObjectiveResult(string Title, IReadOnlyList<MeasureResult> Measures);

    public sealed record WaveScale(string Scale, string? NotReportable, Change? Change);

    /// <summary>One wave of the program (the first is the pilot), side by side with the others.</summary>
    public sealed record CohortColumn(Guid CohortId, string Name, string Label, DateOnly StartsOn, string? NotReportable, IReadOnlyList<WaveScale> Scales,
        BehaviourLevel? Behaviour, string? BehaviourNotReportable);
}
