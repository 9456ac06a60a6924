using Flipside.Domain;

namespace Flipside.Features.Nudges;

/// <summary>What each nudge is, in the words of the settings page, and when it goes.</summary>
public static class NudgeCatalog
{
    public sealed record Entry(NudgeKind Kind, string Title, string When, bool ForParticipants);

    /// <summary>The hour, in the reader's own time zone, at which nudges that are not tied to a meeting's time go.</summary>
    public static readonly TimeOnly MorningHour = new(9, 0);

    public static readonly IReadOnlyList<Entry> All =
    [
        new(NudgeKind.MeetingSoon, "Before each meeting", "At 9:00 your time on the day before a meeting.", true),
        new(NudgeKind.LogMissing, "Log a meeting", "Two days after a meeting nobody has logged.", true),
        new(NudgeKind.CadenceSlipping, "Meetings slipping", "When your pairing has gone a full cadence and a week without a meeting.", true),
        new(NudgeKind.AgreementUnsigned, "Agreement unsigned", "A week after your pairing starts, if your agreement is not signed by both.", true),
        new(NudgeKind.TrainingUnfinished, "Training unfinished", "A week after your pairing starts, if a required training module is unfinished.", true),
        new(NudgeKind.SurveyReminder, "Survey not yet answered", "Seven days and two days before a survey you have not answered closes.", true),
        new(NudgeKind.ManagerDigest, "Weekly digest for program managers", "Mondays at 9:00 your time, when some pair in your programs is at risk: which, and why.", false),
    ];

    public static Entry Of(NudgeKind kind) => All.First(e => e.Kind == kind);

    /// <summary>Nudges a program may require of its participants; the manager's digest is the manager's own choice.</summary>
    public static IEnumerable<NudgeKind> Requirable => All.Where(e => e.ForParticipants).Select(e => e.Kind);
}
