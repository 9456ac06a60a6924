using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Celebration;

/// <summary>
/// A partner starts the pair's story, or edits the draft. One story per pairing. An edit after the other partner
/// consented takes that consent back: they agreed to the words before the change, not after.
/// </summary>
public static class WriteStory
{
    public sealed record Request(Guid PairingId, PairStory.Fields Fields);

    public sealed record EditRequest(Guid StoryId, PairStory.Fields Fields, int? Version);

    public static async Task<Outcome<PairStory.Item>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await PairCelebration.Find(r.PairingId, viewer, ct) is not { } pair) return Outcome.NotFound;
        if (PairStory.Check(r.Fields, pair) is { } problem) return problem;
        if (await db.SuccessStories.AnyAsync(s => s.PairingId == r.PairingId, ct))
            return Outcome.Conflict("Your pair already has a story: edit it instead of starting another.");
        var story = new SuccessStory(r.PairingId, r.Fields.Title!, r.Fields.Text!, r.Fields.FocusAreas ?? [], clock.GetUtcNow());
        db.SuccessStories.Add(story);
        await db.SaveChangesAsync(ct);
        return PairStory.ItemOf(story, pair);
    }

    public static async Task<Outcome<PairStory.Item>> Edit(EditRequest r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await PairStory.Load(r.StoryId, viewer, db, ct) is not ({ } pair, { } story)) return Outcome.NotFound;
        if (PairStory.Check(r.Fields, pair) is { } problem) return problem;
        if (r.Version is { } version && version != story.Version) return Outcome.Conflict(Outcome.ChangedMeanwhile);
        story.Edit(pair.Me, r.Fields.Title!, r.Fields.Text!, r.Fields.FocusAreas ?? [], clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return PairStory.ItemOf(story, pair);
    }
}
