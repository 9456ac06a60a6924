using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Celebration;

/// <summary>
/// The program manager approves a story both partners agreed to, which puts it on the showcase, or sends it back with
/// a sentence that reaches the pair. Administrators may too; nobody else, and a story of another program is not found.
/// </summary>
public static class ReviewStory
{
    public sealed record Reviewed(Guid Id, StoryStatus Status, string? RejectionReason);

    public static async Task<Outcome<Reviewed>> Approve(Guid storyId, Viewer viewer, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (Refuse(viewer) is { } refused) return refused;
        if (await Load(storyId, viewer, db, ct) is not { } loaded) return Outcome.NotFound;
        var (story, pair) = loaded;
        var now = clock.GetUtcNow();
        var wasApproved = story.IsOnShowcase;
        story.Approve(viewer.UserId, now);
        if (!wasApproved)
        {
            Tell(db, pair, story, "Your story is on the showcase", $"The program manager approved your success story \"{story.Title}\": it is now on "
                + $"{pair.Program}'s showcase. Either of you can withdraw your consent at any time, and it comes down at once.", baseUrl, now);
            db.Record(viewer, now, "story.approve", nameof(SuccessStory), story.Id, $"Approved a success story of {pair.Program}");
            // Named only as the showcase names them: both partners chose to be, else "a pair in" the cohort.
            var byline = story.MentorNamed && story.MenteeNamed ? $"{pair.MentorName} and {pair.MenteeName}" : $"a pair in {pair.Cohort}";
            await Chat.ChatAnnouncements.StoryPublished(db, pair.ProgramId, pair.Program, story.Id, story.Title, byline, now, ct);
        }
        await db.SaveChangesAsync(ct);
        return new Reviewed(story.Id, story.Status, null);
    }

    public static async Task<Outcome<Reviewed>> Reject(Guid storyId, string? reason, Viewer viewer, string baseUrl, FlipsideDb db, TimeProvider clock,
        CancellationToken ct)
    {
        if (Refuse(viewer) is { } refused) return refused;
        if (await Load(storyId, viewer, db, ct) is not { } loaded) return Outcome.NotFound;
        var why = (reason ?? "").Trim();
        if (why.Length == 0) return Outcome.Invalid("reason", "Say in a sentence what the pair should change: they read it.");
        if (why.Length > SuccessStory.RejectionMaxLength)
            return Outcome.Invalid("reason", $"Keep it to {SuccessStory.RejectionMaxLength} characters; it has {why.Length}.");
        var (story, pair) = loaded;
        var now = clock.GetUtcNow();
        story.Reject(why, now);
        Tell(db, pair, story, "Your story needs a change", $"The program manager sent your success story \"{story.Title}\" back with this note:\n\n"
            + $"\"{why}\"\n\nEdit it together, then both agree to it again.", baseUrl, now);
        db.Record(viewer, now, "story.reject", nameof(SuccessStory), story.Id, $"Sent a success story of {pair.Program} back to the pair");
        await db.SaveChangesAsync(ct);
        return new Reviewed(story.Id, story.Status, why);
    }

    private static Problem? Refuse(Viewer viewer) =>
        viewer.IsProgramStaff ? null : Outcome.Forbidden("Only the program's manager or an administrator approves success stories.");

    private sealed record Pair(Guid PairingId, Guid ProgramId, string Program, string Cohort, string MentorName, string MentorEmail, string MenteeName, string MenteeEmail);

    private static async Task<(SuccessStory, Pair)?> Load(Guid storyId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        var pair = await db.SuccessStories.Where(s => s.Id == storyId)
            .Join(viewer.ManagedPairings, s => s.PairingId, p => p.Id, (s, p) => new Pair(p.Id, p.Cohort.ProgramId, p.Cohort.Program.Name, p.Cohort.Name,
                p.MentorEnrollment.Person.Name, p.MentorEnrollment.Person.Email, p.MenteeEnrollment.Person.Name, p.MenteeEnrollment.Person.Email))
            .FirstOrDefaultAsync(ct);
        if (pair is null) return null;
        var story = await db.SuccessStories.SingleAsync(s => s.Id == storyId, ct);
        return (story, pair);
    }

    private static void Tell(FlipsideDb db, Pair pair, SuccessStory story, string subject, string news, string baseUrl, DateTimeOffset now)
    {
        foreach (var (to, name) in new[] { (pair.MentorEmail, pair.MentorName), (pair.MenteeEmail, pair.MenteeName) })
            if (to.Length > 0) db.Outbox.Add(CelebrationEmails.Story(to, name, pair.Program, pair.ProgramId, pair.PairingId, subject, news, baseUrl, now));
    }
}
