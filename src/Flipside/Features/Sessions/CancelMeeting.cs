using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;

namespace Flipside.Features.Sessions;

/// <summary>
/// Either partner cancels a planned meeting. Who cancelled, and how many hours before the start, is kept: the leader's
/// follow-through ledger counts it, and the program manager sees the counts.
/// </summary>
public static class CancelMeeting
{
    public sealed record Cancelled(Guid MeetingId, ParticipantRole By, double HoursBefore, int Sequence);

    public static async Task<Outcome<Cancelled>> Handle(Guid meetingId, int? version, Viewer viewer, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await PairContext.LoadMeeting(viewer, meetingId, db, ct) is not ({ } pair, { } meeting)) return Outcome.NotFound;
        if (pair.RequireRunning() is { } refused) return refused;
        if (version is { } v && v != meeting.Version) return Outcome.Conflict(AcceptMeeting.MovedMeanwhile);
        var now = clock.GetUtcNow();
        if (now >= meeting.StartsAt)
            return Outcome.Conflict("This meeting has already started, so it can no longer be cancelled: log it as not held instead, saying who could not come.");
        meeting.Cancel(pair.Me, now);
        MeetingEmails.Stage(db, pair, meeting, "Cancelled", baseUrl, now);
        db.Record(viewer, now, "meeting.cancelled", "Meeting", meeting.Id,
            $"cancelled by the {pair.Me.ToString().ToLowerInvariant()}, {meeting.CancelledHoursBefore:0.#} hours before");
        await db.SaveChangesAsync(ct);
        return new Cancelled(meeting.Id, pair.Me, meeting.CancelledHoursBefore!.Value, meeting.Sequence);
    }
}
