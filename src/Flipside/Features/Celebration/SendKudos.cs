using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;

namespace Flipside.Features.Celebration;

/// <summary>One partner thanks the other in a few words. The other gets them by email; staff only ever count them.</summary>
public static class SendKudos
{
    public sealed record Request(Guid PairingId, string? Text, string? FocusArea);

    public sealed record Item(Guid Id, bool Mine, ParticipantRole From, string Text, string? FocusArea, DateTimeOffset SentAt);

    public static async Task<Outcome<Item>> Handle(Request r, Viewer viewer, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await PairCelebration.Find(r.PairingId, viewer, ct) is not { } pair) return Outcome.NotFound;
        var text = (r.Text ?? "").Trim();
        var errors = new List<FieldError>();
        if (text.Length == 0) errors.Add(new("text", "Write a few words of thanks first: kudos cannot be empty."));
        else if (text.Length > Kudos.TextMaxLength)
            errors.Add(new("text", $"Kudos hold at most {Kudos.TextMaxLength} characters; these have {text.Length}. Keep the heart of it."));
        var area = string.IsNullOrWhiteSpace(r.FocusArea) ? null : r.FocusArea.Trim();
        if (area is not null && pair.Unknown([area]).Count > 0)
            errors.Add(new("focusArea", $"\"{area}\" is not a focus area of {pair.ProgramName}; choose one of its own, or none."));
        if (errors.Count > 0) return Outcome.Invalid(errors);
        Kudos.EnsureOpen(pair.Status);
        var now = clock.GetUtcNow();
        var kudos = new Kudos(pair.PairingId, pair.Me, text, area, now);
        db.Kudos.Add(kudos);
        if (pair.PartnerEmail.Length > 0) db.Outbox.Add(CelebrationEmails.Kudos(pair, kudos, baseUrl, now));
        await db.SaveChangesAsync(ct);
        return new Item(kudos.Id, true, kudos.From, kudos.Text, kudos.FocusArea, kudos.SentAt);
    }
}
