using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Celebration;

/// <summary>What a partner sees of their pairing's recognition: the kudos between them, the milestones reached, their story.</summary>
public static class PairRecognition
{
    public sealed record Milestone(MilestoneKind Kind, string Title, DateTimeOffset ReachedAt);

    public sealed record View(PairCelebration Pair, IReadOnlyList<SendKudos.Item> Kudos, IReadOnlyList<Milestone> Milestones, bool Completed,
        PairStory.Item? Story)
    {
        public bool TakesKudos => Domain.Pairing.Running.Contains(Pair.Status);
    }

    public static async Task<Outcome<View>> Handle(Guid pairingId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        if (await PairCelebration.Find(pairingId, viewer, ct) is not { } pair) return Outcome.NotFound;
        var kudos = await db.Kudos.Where(k => k.PairingId == pairingId).OrderByDescending(k => k.SentAt)
            .Select(k => new SendKudos.Item(k.Id, k.From == pair.Me, k.From, k.Text, k.FocusArea, k.SentAt)).ToListAsync(ct);
        var milestones = (await db.PairingMilestones.Where(m => m.PairingId == pairingId).ToListAsync(ct))
            .OrderBy(m => m.Kind).Select(m => new Milestone(m.Kind, PairingMilestone.Describe(m.Kind), m.ReachedAt)).ToList();
        var story = await db.SuccessStories.FirstOrDefaultAsync(s => s.PairingId == pairingId, ct);
        return new View(pair, kudos, milestones, milestones.Any(m => m.Kind == MilestoneKind.Completion), story is null ? null : PairStory.ItemOf(story, pair));
    }
}
