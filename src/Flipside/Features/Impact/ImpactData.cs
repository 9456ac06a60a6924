using Flipside.Domain;

namespace Flipside.Features.Impact;

/// <summary>What a pairing contributes to the behaviour level: counts, never content.</summary>
public sealed record PairingFacts(Guid Id, Guid CohortId, DateTimeOffset? PublishedAt, DateTimeOffset? EndedAt, int MeetingsHeld,
    int Goals, int GoalsMet, int Milestones, int MilestonesDone, int LeaderItems, int LeaderItemsDone);

/// <summary>An insight as the report counts it: which pair raised it (to count distinct pairs for k) and whether it was adopted.</summary>
public sealed record InsightFacts(Guid PairingId, InsightStatus Status);

/// <summary>Everything the report is computed from, loaded with one query per table; the computing happens in memory.</summary>
public sealed record ImpactData(MentoringProgram Program, IReadOnlyList<Survey> Surveys, IReadOnlyList<SurveyResponse> Responses,
    IReadOnlyList<PulseAnswer> Pulses, IReadOnlyList<MeasureValue> Values, IReadOnlyList<PairingFacts> Pairings, IReadOnlyList<InsightFacts> Insights)
{
    /// <summary>
    /// k for the whole report: the program's threshold, raised to the highest threshold any of its surveys was opened
    /// with, so no figure is shown to fewer people than a respondent was promised.
    /// </summary>
    public int Threshold => Surveys.Select(s => s.Threshold).Append(Program.AnonymityThreshold).Max();

    /// <summary>The program's cohorts in date order: the first is the pilot, the others its waves.</summary>
    public IReadOnlyList<Cohort> Waves => [.. Program.Cohorts.OrderBy(c => c.StartsOn).ThenBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id)];

    public static string Label(int index) => index == 0 ? "Pilot" : $"Wave {index + 1}";
}
