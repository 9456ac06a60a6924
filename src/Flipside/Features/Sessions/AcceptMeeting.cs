using Flipside.Data;
using Flipside.Features.Shared;

namespace Flipside.Features.Sessions;

/// <summary>The partner who did not propose the time accepts it; both calendars get the confirmed event.</summary>
public static class AcceptMeeting
{
    /// <param name="version">The meeting's version as the accepter saw it: a time moved since is not accepted unseen.</param>
    public static async Task<Outcome<Done>> Handle(Guid meetingId, int? version, Viewer viewer, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await PairContext.LoadMeeting(viewer, meetingId, db, ct) is not ({ } pair, { } meeting)) return Outcome.NotFound;
        if (pair.RequireRunning(active: true) is { } refused) return refused;
        if (version is { } v && v != meeting.Version) return Outcome.Conflict(MovedMeanwhile);
        var now = clock.GetUtcNow();
        if (meeting.StartsAt <= now) return Outcome.Conflict("This time has passed; propose a new one.");
        meeting.Accept(pair.Me, now);
        MeetingEmails.Stage(db, pair, meeting, "Confirmed", baseUrl, now);
        db.Record(viewer, now, "meeting.accepted", "Meeting", meeting.Id, $"accepted by the {pair.Me.ToString().ToLowerInvariant()}");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }

    public const string MovedMeanwhile = "This meeting changed since you opened the page (it may have a new time). Look at it again before you answer.";
}
