using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Celebration;

/// <summary>A pair's success story as one of the two partners sees it, and the checks shared by writing and editing it.</summary>
public static class PairStory
{
    public sealed record Item(Guid Id, Guid PairingId, string Title, string Text, IReadOnlyList<string> FocusAreas, StoryStatus Status, bool IConsented,
        bool PartnerConsented, bool IChoseToBeNamed, string? RejectionReason, int Version);

    public sealed record Fields(string? Title, string? Text, IReadOnlyList<string>? FocusAreas);

    public static Item ItemOf(SuccessStory s, PairCelebration pair) => new(s.Id, s.PairingId, s.Title, s.Text, s.FocusAreas, s.Status,
        s.HasConsented(pair.Me), s.HasConsented(pair.Partner), s.ChoseToBeNamed(pair.Me), s.RejectionReason, s.Version);

    /// <summary>The story and its pair, when the viewer is one of the two partners.</summary>
    public static async Task<(PairCelebration?, SuccessStory?)> Load(Guid storyId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        var story = await db.SuccessStories.FirstOrDefaultAsync(s => s.Id == storyId, ct);
        if (story is null || await PairCelebration.Find(story.PairingId, viewer, ct) is not { } pair) return (null, null);
        return (pair, story);
    }

    public static async Task<Outcome<Item?>> Of(Guid pairingId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        if (await PairCelebration.Find(pairingId, viewer, ct) is not { } pair) return Outcome.NotFound;
        var story = await db.SuccessStories.FirstOrDefaultAsync(s => s.PairingId == pairingId, ct);
        return story is null ? (Item?)null : ItemOf(story, pair);
    }

    /// <summary>Every field that needs fixing, named, before anything is saved.</summary>
    public static Problem? Check(Fields f, PairCelebration pair)
    {
        var errors = new List<FieldError>();
        var title = (f.Title ?? "").Trim();
        var text = (f.Text ?? "").Trim();
        if (title.Length == 0) errors.Add(new("title", "Give the story a title."));
        else if (title.Length > SuccessStory.TitleMaxLength)
            errors.Add(new("title", $"Keep the title to {SuccessStory.TitleMaxLength} characters; it has {title.Length}."));
        if (text.Length == 0) errors.Add(new("text", "Write the story first: it cannot be empty."));
        else if (text.Length > SuccessStory.TextMaxLength)
            errors.Add(new("text", $"A story holds at most {SuccessStory.TextMaxLength:N0} characters; this one has {text.Length:N0}. Shorten it."));
        if (pair.Unknown(f.FocusAreas ?? []) is { Count: > 0 } unknown)
            errors.Add(new("focusAreas", $"{string.Join(", ", unknown)} {(unknown.Count == 1 ? "is not a focus area" : "are not focus areas")} of {pair.ProgramName}."));
        return errors.Count > 0 ? Outcome.Invalid(errors) : null;
    }
}
