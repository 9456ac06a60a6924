using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Chat;

/// <summary>
/// Adds the chat announcements a program's managers chose to the unit of work of the change they announce, one per
/// configured channel, once per piece of news. What is said here is all a channel ever sees: counts, a cohort's name, a
/// link; a pair's names only from a story both partners agreed to be named in.
/// </summary>
public static class ChatAnnouncements
{
    public static async Task CohortOpens(FlipsideDb db, MentoringProgram program, Cohort cohort, DateTimeOffset now, CancellationToken ct)
    {
        if (!cohort.OpenForApplications || !cohort.TakesEnrollments || program.Status == ProgramStatus.Archived) return;
        await Announce(db, program.Id, ChatAnnouncement.CohortOpens, $"cohort-open:{cohort.Id}",
            $"{program.Name}: {cohort.Name} is open for volunteers",
            $"{cohort.Name} runs from {cohort.StartsOn:d MMMM yyyy} to {cohort.EndsOn:d MMMM yyyy}. Anyone interested can apply in Flipside.",
            "/Enrollment/Mine", now, ct);
    }

    /// <param name="publishedNow">Pairs this publish made; a later publish of more pairs is news of its own.</param>
    public static Task PairsPublished(FlipsideDb db, MentoringProgram program, Cohort cohort, int publishedNow, int publishedInAll, DateTimeOffset now, CancellationToken ct) =>
        Announce(db, program.Id, ChatAnnouncement.PairsPublished, $"pairs-published:{cohort.Id}:{publishedInAll}",
            $"{program.Name}: {Words.Count(publishedNow, "new pair")} in {cohort.Name}",
            $"{Words.Count(publishedNow, "pair")} of mentors and leaders {(publishedNow == 1 ? "has" : "have")} just been introduced"
            + (publishedInAll > publishedNow ? $", {publishedInAll} in the cohort so far." : "."),
            $"/Celebration/Showcase?programId={program.Id}", now, ct);

    public static Task Milestone(FlipsideDb db, Guid programId, string programName, string cohortName, Guid pairingId, MilestoneKind kind,
        DateTimeOffset now, CancellationToken ct) =>
        Announce(db, programId, ChatAnnouncement.MilestonesCelebrated, $"milestone:{pairingId}:{kind}",
            $"{programName}: a pair in {cohortName} {Reached(kind)}",
            "Every meeting counts. Congratulations to them, and to every pair on the way.",
            $"/Celebration/Showcase?programId={programId}", now, ct);

    /// <param name="byline">The showcase's byline: the two names only when both chose to be named, else "A pair in …".</param>
    public static Task StoryPublished(FlipsideDb db, Guid programId, string programName, Guid storyId, string title, string byline,
        DateTimeOffset now, CancellationToken ct) =>
        Announce(db, programId, ChatAnnouncement.StoriesPublished, $"story:{storyId}",
            $"{programName}: a new success story, \"{title}\"", $"By {byline}. Read it on the program's showcase.",
            $"/Celebration/Showcase?programId={programId}", now, ct);

    private static string Reached(MilestoneKind kind) => kind switch
    {
        MilestoneKind.FirstMeeting => "held their first meeting",
        MilestoneKind.ThreeMeetings => "held their third meeting",
        MilestoneKind.Halfway => "is halfway through the program",
        _ => "completed the program",
    };

    private static async Task Announce(FlipsideDb db, Guid programId, ChatAnnouncement what, string key, string title, string text, string link,
        DateTimeOffset now, CancellationToken ct)
    {
        var settings = await db.ProgramChats.AsNoTracking().FirstOrDefaultAsync(c => c.ProgramId == programId, ct);
        if (settings is null || !settings.Announces(what)) return;
        var already = await db.ChatDeliveries.Where(d => d.ProgramId == programId && d.CorrelationKey == key).Select(d => d.Channel).ToListAsync(ct);
        foreach (var channel in settings.Channels.Except(already))
            db.ChatDeliveries.Add(new ChatDelivery(programId, channel, what, key, Cap(title, 300), Cap(text, 2000), link, now));
    }

    private static string Cap(string s, int max) => s.Length > max ? s[..(max - 1)] + "…" : s;
}
