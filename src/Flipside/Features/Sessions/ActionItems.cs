using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Sessions;

/// <summary>What a partner takes on at a meeting, with an owner and a due date, and its completion.</summary>
public static class AddActionItem
{
    public sealed record Request(Guid MeetingId, string? Text, ParticipantRole? Owner, DateOnly? DueOn);

    public static async Task<Outcome<Guid>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await PairContext.LoadMeeting(viewer, r.MeetingId, db, ct) is not ({ } pair, { } meeting)) return Outcome.NotFound;
        if (pair.RequireRecordable(meeting) is { } closed) return closed;
        var errors = new List<FieldError>();
        var text = r.Text?.Trim() ?? "";
        if (text.Length == 0 || text.Length > ActionItem.MaxTextLength) errors.Add(new("text", $"Say what is to be done, in at most {ActionItem.MaxTextLength} characters."));
        if (r.Owner is null) errors.Add(new("owner", "Say who takes it on: Mentor or Mentee."));
        if (r.DueOn is null) errors.Add(new("dueOn", "Give a due date."));
        else if (!PlausibleDates.Allows(r.DueOn.Value)) errors.Add(new("dueOn", PlausibleDates.Message));
        if (errors.Count > 0) return Outcome.Invalid(errors);
        if (meeting.Status == MeetingStatus.Cancelled) return Outcome.Conflict("This meeting was cancelled; add the item to another meeting.");
        var now = clock.GetUtcNow();
        var item = new ActionItem(meeting.Id, pair.Pairing.Id, text, r.Owner!.Value, r.DueOn!.Value, now);
        db.ActionItems.Add(item);
        await db.SaveChangesAsync(ct);
        return item.Id;
    }
}

public static class CompleteActionItem
{
    public static async Task<Outcome<Done>> Handle(Guid itemId, bool done, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var item = await db.ActionItems.FirstOrDefaultAsync(a => a.Id == itemId && viewer.OwnPairings.Any(p => p.Id == a.PairingId), ct);
        if (item is null) return Outcome.NotFound;
        // An ended pairing's ledger is closed: what the leader had done by the end is what it shows.
        if (await db.Pairings.AnyAsync(p => p.Id == item.PairingId && !Pairing.Running.Contains(p.Status), ct))
            return Outcome.Conflict("This pairing has ended: its action items can no longer change.");
        item.Complete(done, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }
}
