using Flipside.Data;
using Flipside.Features.Shared;

namespace Flipside.Features.Sessions;

/// <summary>
/// Either partner moves a planned meeting: same calendar event (UID), a higher SEQUENCE, and the partner accepts the
/// new time again.
/// </summary>
public static class RescheduleMeeting
{
    /// <summary><see cref="KeepVideoLink"/>: the caller did not send a link at all, so the meeting keeps its own.</summary>
    public sealed record Request(Guid MeetingId, DateTime? LocalStart, int? Minutes, string? VideoLink, int? Version, bool KeepVideoLink = false);

    public static async Task<Outcome<ProposeMeeting.Planned>> Handle(Request r, Viewer viewer, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await PairContext.LoadMeeting(viewer, r.MeetingId, db, ct) is not ({ } pair, { } meeting)) return Outcome.NotFound;
        if (pair.RequireRunning(active: true) is { } refused) return refused;
        if (r.Version is { } v && v != meeting.Version) return Outcome.Conflict(Outcome.ChangedMeanwhile);
        // Two proposals sent at once must not both pass the overlap check: the pairing's lock is taken before its meetings
        // are read, so the second waits for the first to commit and then sees its meeting.
        // Inside a caller's transaction (the demo plays meetings in one) that transaction holds the lock until it commits.
        await using var transaction = await db.BeginUnlessInTransaction(ct);
        await MeetingCounter.Lock(db, [pair.Pairing.Id], ct);
        var now = clock.GetUtcNow();
        var check = await MeetingTimes.Check(pair, r.LocalStart, r.Minutes ?? meeting.Minutes, r.KeepVideoLink ? meeting.VideoLink : r.VideoLink, meeting.Id, now, db, ct);
        if (!check.IsOk) return check.Problem!;
        var ok = check.Value;
        meeting.Reschedule(ok.StartsAt, ok.Minutes, ok.VideoLink, pair.Me, now);
        MeetingEmails.Stage(db, pair, meeting, "Moved", baseUrl, now);
        db.Record(viewer, now, "meeting.moved", "Meeting", meeting.Id, $"moved by the {pair.Me.ToString().ToLowerInvariant()}");
        await db.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return new ProposeMeeting.Planned(meeting.Id, meeting.StartsAt, meeting.Minutes, meeting.Status, meeting.Sequence, ok.Warnings);
    }
}
