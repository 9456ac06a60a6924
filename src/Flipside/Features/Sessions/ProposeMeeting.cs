using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;

namespace Flipside.Features.Sessions;

/// <summary>A partner proposes a time, read in their own time zone; the other accepts it. Both get the invite.</summary>
public static class ProposeMeeting
{
    public sealed record Request(Guid PairingId, DateTime? LocalStart, int? Minutes, string? VideoLink);

    /// <summary>The meeting as saved, with any warning (a time outside someone's weekly hours is allowed, but said).</summary>
    public sealed record Planned(Guid MeetingId, DateTimeOffset StartsAt, int Minutes, MeetingStatus Status, int Sequence, IReadOnlyList<string> Warnings);

    public static async Task<Outcome<Planned>> Handle(Request r, Viewer viewer, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var pair = await PairContext.Load(viewer, r.PairingId, db, ct);
        if (pair is null) return Outcome.NotFound;
        if (pair.RequireRunning(active: true) is { } refused) return refused;
        // Two proposals sent at once must not both pass the overlap check: the pairing's lock is taken before its meetings
        // are read, so the second waits for the first to commit and then sees its meeting.
        // Inside a caller's transaction (the demo plays meetings in one) that transaction holds the lock until it commits.
        await using var transaction = await db.BeginUnlessInTransaction(ct);
        await MeetingCounter.Lock(db, [pair.Pairing.Id], ct);
        var now = clock.GetUtcNow();
        var check = await MeetingTimes.Check(pair, r.LocalStart, r.Minutes, r.VideoLink, null, now, db, ct);
        if (!check.IsOk) return check.Problem!;
        var ok = check.Value;
        var meeting = new Meeting(pair.Pairing.Id, ok.StartsAt, ok.Minutes, ok.VideoLink, pair.Me, now);
        db.Meetings.Add(meeting);
        MeetingEmails.Stage(db, pair, meeting, "Proposed", baseUrl, now);
        db.Record(viewer, now, "meeting.proposed", "Meeting", meeting.Id, $"proposed by the {pair.Me.ToString().ToLowerInvariant()}");
        await db.SaveChangesAsync(ct);
        if (transaction is not null) await transaction.CommitAsync(ct);
        return new Planned(meeting.Id, meeting.StartsAt, meeting.Minutes, meeting.Status, meeting.Sequence, ok.Warnings);
    }
}
