using Flipside.Data;
using Flipside.Features.Shared;

namespace Flipside.Features.Sessions;

/// <summary>The partner who did not propose the time accepts it; both calendars get the confirmed event.</summary>
public static class AcceptMeeting
{
    public static async Task<Outcome<Done>> Handle(Guid meetingId, Viewer viewer, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await PairContext.LoadMeeting(viewer, meetingId, db, ct) is not ({ } pair, { } meeting)) return Outcome.NotFound;
        if (pair.RequireRunning() is { } refused) return refused;
        var now = clock.GetUtcNow();
        if (meeting.StartsAt <= now) return Outcome.Conflict("This time has passed; propose a new one.");
        meeting.Accept(pair.Me, now);
        MeetingEmails.Stage(db, pair, meeting, "Confirmed", baseUrl, now);
        db.Record(viewer, now, "meeting.accepted", "Meeting", meeting.Id, $"accepted by the {pair.Me.ToString().ToLowerInvariant()}");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }
}
