using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;

namespace Flipside.Features.Sessions;

/// <summary>The pair chooses the topics for a planned meeting from the session kit (or their own) and who leads.</summary>
public static class SetAgenda
{
    public sealed record Request(Guid MeetingId, IReadOnlyList<string>? Topics, ParticipantRole? LedBy);

    public static async Task<Outcome<Done>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await PairContext.LoadMeeting(viewer, r.MeetingId, db, ct) is not ({ } pair, { } meeting)) return Outcome.NotFound;
        if (pair.RequireRunning() is { } refused) return refused;
        if (r.Topics is null || r.Topics.Count == 0) return Outcome.Invalid("topics", "Choose at least one topic.");
        meeting.SetAgenda(r.Topics, r.LedBy ?? SessionKit.DefaultLeader, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }
}
