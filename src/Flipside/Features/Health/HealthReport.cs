using Flipside.Domain;
using Flipside.Features.Sessions;

namespace Flipside.Features.Health;

/// <summary>
/// A program's (or one cohort's) health as every reader gets it: figures per cohort and for the program, survey
/// response rates, k-gated pulse averages and a pulse trend, and how many pairs each at-risk rule flags. Only program
/// managers and administrators also get <see cref="AtRisk"/> and <see cref="Pairs"/>, which name pairs; a sponsor gets
/// null there, never an empty list that could be mistaken for "no pair at risk".
/// </summary>
public sealed record HealthReport(Guid ProgramId, string ProgramName, Guid? CohortId, string? CohortName, int Threshold, int CadenceWeeks,
    string MentorLabel, string MenteeLabel, DateTimeOffset AsOf, bool CanDrillDown, HealthReport.Figures Program, IReadOnlyList<HealthReport.Figures> Cohorts,
    IReadOnlyList<HealthReport.SurveyRate> Surveys, IReadOnlyList<HealthReport.MonthPulse> PulseTrend, IReadOnlyList<HealthReport.RiskCount> RiskCounts,
    IReadOnlyList<HealthReport.PairRow>? AtRisk, IReadOnlyList<HealthReport.PairRow>? Pairs)
{
    /// <summary>The lists of pairs come a page at a time: at 5,000 pairs the whole list was most of a megabyte a request.</summary>
    public const int PageSize = 50;
    public int Page { get; init; } = 1;
    /// <summary>How many pairs are at risk in all, and (for a cohort's managers) how many pairs there are, before paging.</summary>
    public int AtRiskTotal { get; init; }
    /// <summary>For a manager who is nobody in the directory: why no pulse flag is shown to them (they fail closed).</summary>
    public string? FlagsWithheld { get; init; }
    public int PairsTotal { get; init; }
    public int Pages => Math.Max(1, (Math.Max(AtRiskTotal, PairsTotal) + PageSize - 1) / PageSize);

    /// <summary>This report with one page of each list; past the last page, the last page.</summary>
    public HealthReport Paged(int page)
    {
        var all = this with { AtRiskTotal = AtRisk?.Count ?? 0, PairsTotal = Pairs?.Count ?? 0 };
        var shown = Math.Min(page, all.Pages);
        IReadOnlyList<PairRow>? Slice(IReadOnlyList<PairRow>? rows) => rows is null ? null : [.. rows.Skip((shown - 1) * PageSize).Take(PageSize)];
        return all with { Page = shown, AtRisk = Slice(AtRisk), Pairs = Slice(Pairs) };
    }

    /// <summary>
    /// One cohort's figures, or the program's (CohortId null). Meetings expected: one per cadence from each pairing's
    /// publication to its end (or its pause, or now). Days since the last meeting count from the start for a pair that
    /// never met.
    /// </summary>
    public sealed record Figures(Guid? CohortId, string Name, int ActivePairs, int PublishedPairs, int MeetingsHeld, int MeetingsExpected,
        int? MedianDaysSinceLastMeeting, int NeverMet, int NoMeetingIn45Days, int Enrolled, int TrainingCompleted, bool TrainingRequired,
        int AgreementsSigned, Pulse Useful, Pulse SpokeOpenly);

    /// <summary>An average of pulse answers, or null with the sentence that says why it is not shown.</summary>
    public sealed record Pulse(double? Mean, int? Respondents, string? NotShownBecause);

    /// <summary>How many answered a survey of each role against how many of that role are enrolled: who answered what is nobody's to see.</summary>
    public sealed record SurveyRate(Guid SurveyId, Guid CohortId, string CohortName, string Title, SurveyKind Kind, DateTimeOffset OpensAt,
        DateTimeOffset ClosesAt, int MentorsAnswered, int MentorsEnrolled, int MenteesAnswered, int MenteesEnrolled)
    {
        public int Answered => MentorsAnswered + MenteesAnswered;
        public int Enrolled => MentorsEnrolled + MenteesEnrolled;
        public int? Percent => Enrolled == 0 ? null : (int)Math.Round(100.0 * Answered / Enrolled);
    }

    /// <summary>The program's pulse in one month, each average gated on its own respondents and against the other visible groups.</summary>
    public sealed record MonthPulse(DateOnly Month, Pulse Useful, Pulse SpokeOpenly);

    public sealed record RiskCount(PairRisks.Rule Rule, string Label, int Pairs);

    /// <summary>A pair as its managers see it in health: names and counts, never what was said.</summary>
    public sealed record PairRow(Guid PairingId, Guid CohortId, string CohortName, string MentorName, string MenteeName, PairingStatus Status,
        int Held, int Expected, DateTimeOffset? LastHeld, int DaysSinceLastMeeting, IReadOnlyList<PairRisks.Reason> Reasons);

    public static string Label(PairRisks.Rule rule) => rule switch
    {
        PairRisks.Rule.CadenceSlipping => "Cadence slipping",
        PairRisks.Rule.NoMeetingIn45Days => "No meeting in 45 days",
        PairRisks.Rule.LowPulse => "Low pulse",
        PairRisks.Rule.SafetyFlag => "Safety flag",
        PairRisks.Rule.UnsignedAgreement => "Agreement unsigned",
        _ => "Repeated cancellations by one side",
    };
}
