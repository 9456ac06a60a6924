using Flipside.Data;
using Flipside.Features.Shared;

namespace Flipside.Features.Celebration;

/// <summary>
/// Each partner agrees to publishing the story as it stands (saying whether the showcase may name them), or takes
/// that agreement back at any time. Taking it back removes the story from the showcase at once.
/// </summary>
public static class StoryConsent
{
    public sealed record Request(Guid StoryId, bool Named, int? Version);

    public const string VersionRequired = "Say which version of the story you agree to: consent is to the words you read.";

    public static async Task<Outcome<PairStory.Item>> Give(Request r, Viewer viewer, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await PairStory.Load(r.StoryId, viewer, db, ct) is not ({ } pair, { } story)) return Outcome.NotFound;
        // Consent is to the words the partner read, so it names their version: without one it would be to any text; an
        // older one means they read something else.
        if (r.Version is not { } version) return Outcome.Invalid([new("version", VersionRequired)]);
        if (version != story.Version) return Outcome.Conflict(Outcome.ChangedMeanwhile);
        var now = clock.GetUtcNow();
        story.Consent(pair.Me, r.Named, now);
        if (pair.PartnerEmail.Length > 0 && !story.HasConsented(pair.Partner))
            db.Outbox.Add(CelebrationEmails.Story(pair.PartnerEmail, pair.PartnerName, pair.ProgramName, pair.ProgramId, pair.PairingId,
                $"{pair.MyName} agreed to share your story", $"{pair.MyName} agreed to share your success story \"{story.Title}\" on the program's showcase. "
                + "It goes to the program manager for approval once you agree too; read it again and decide.", baseUrl, now));
        await db.SaveChangesAsync(ct);
        return PairStory.ItemOf(story, pair);
    }

    public static async Task<Outcome<PairStory.Item>> Withdraw(Guid storyId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await PairStory.Load(storyId, viewer, db, ct) is not ({ } pair, { } story)) return Outcome.NotFound;
        story.Withdraw(pair.Me, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return PairStory.ItemOf(story, pair);
    }
}
