using Flipside.Domain;

namespace Flipside.Features.Sessions;

/// <summary>
/// The leader's follow-through: meetings held against the program's cadence since publishing, cancellations by whom
/// and how late, and the action items the leader took on and completed. The pair sees it whole; a program manager
/// sees the counts only (<see cref="CohortMeetings"/>).
/// </summary>
public static class Ledger
{
    /// <summary>A cancellation within this many hours of the start counts as late.</summary>
    public const double LateHours = Data.MeetingCounter.LateHours;

    public sealed record Cancellation(DateTimeOffset StartsAt, ParticipantRole By, double HoursBefore);

    public sealed record LeaderItem(string Text, DateOnly DueOn, bool Done);

    public sealed record Pair(int Held, int Expected, int CadenceWeeks, DateTimeOffset? LastHeld, IReadOnlyList<Cancellation> Cancellations,
        int LeaderItemsTaken, int LeaderItemsDone, IReadOnlyList<LeaderItem> LeaderItems);

    /// <summary>One meeting is due per cadence period begun since publishing; none before the first period ends.</summary>
    public static int Expected(DateTimeOffset? publishedAt, int cadenceWeeks, DateTimeOffset until) =>
        publishedAt is { } from && until > from ? (int)Math.Floor((until - from).TotalDays / (7.0 * cadenceWeeks)) : 0;

    public static Pair For(Pairing pairing, MentoringProgram program, IReadOnlyList<Meeting> meetings, IReadOnlyList<ActionItem> items, DateTimeOffset now)
    {
        var until = pairing.EndedAt ?? now;
        var held = meetings.Where(m => m.Status == MeetingStatus.Held).ToList();
        var leader = items.Where(a => a.Owner == ParticipantRole.Mentee).ToList();
        return new(held.Count, Expected(pairing.PublishedAt, program.CadenceWeeks, until), program.CadenceWeeks,
            held.Count == 0 ? null : held.Max(m => m.StartsAt),
            // A meeting cancelled because the pairing ended is nobody's cancellation (CancelledBy null), so it is not listed.
            [.. meetings.Where(m => m.Status == MeetingStatus.Cancelled && m.CancelledBy != null).OrderByDescending(m => m.StartsAt)
                .Select(m => new Cancellation(m.StartsAt, m.CancelledBy!.Value, m.CancelledHoursBefore ?? 0))],
            leader.Count, leader.Count(a => a.CompletedAt is not null), [.. leader.Select(a => new LeaderItem(a.Text, a.DueOn, a.CompletedAt is not null))]);
    }
}
