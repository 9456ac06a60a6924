using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Celebration;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;

namespace Flipside.Infrastructure.Demo;

/// <summary>
/// The pilot's recognition, played after its meetings: kudos the day after a first and a third meeting, and the demo
/// pair's success story, agreed by both and approved by the manager, so the showcase has one to show.
/// </summary>
public static class DemoCelebration
{
    public const string StoryTitle = "From 'not for me' to a team that posts";

    private static readonly (string ByLeader, string ByMentor)[] Kudos =
    [
        ("Thank you for your patience with my first prompts: I used one in the board pack this week.", "Thank you for showing me how a budget really gets decided."),
        ("Your tip on async updates saved me two status meetings already.", "Thanks for the honest feedback on my presentation: it landed much better."),
        ("I finally understand why our careers page gets no visits. Thank you!", "Thank you for opening doors to the strategy offsite."),
    ];

    /// <summary>Records the milestones reached by now; called as the pilot's history plays, so each has its real date.</summary>
    public static Task Milestones(FlipsideDb db, ShiftedClock clock, string baseUrl, CancellationToken ct) =>
        RecordMilestones.RecordAsync(db, baseUrl, clock.GetUtcNow(), NullLogger.Instance, ct);

    public static async Task PlayAsync(Guid cohortId, Viewer manager, FlipsideDb db, ShiftedClock clock, string baseUrl, CancellationToken ct)
    {
        var focus = await db.Cohorts.Where(c => c.Id == cohortId).Select(c => c.Program.FocusAreas).SingleAsync(ct);
        var pairs = await db.Pairings.Where(p => p.CohortId == cohortId && p.Status == PairingStatus.Active)
            .Select(p => new
            {
                p.Id, Mentor = p.MentorEnrollment.Person.Email, Leader = p.MenteeEnrollment.Person.Email,
                Held = db.Meetings.Where(m => m.PairingId == p.Id && m.Status == MeetingStatus.Held).OrderBy(m => m.StartsAt).Select(m => m.StartsAt).Take(3).ToList(),
            }).ToListAsync(ct);
        var i = 0;
        foreach (var pair in pairs.OrderBy(p => p.Leader != "leader@flipside.demo").ThenBy(p => p.Leader, StringComparer.Ordinal))
        {
            var (mentor, leader) = (Participant(db, pair.Mentor), Participant(db, pair.Leader));
            var words = Kudos[i % Kudos.Length];
            if (i++ % 2 == 0 && pair.Held.Count == 3)
            {
                clock.MoveTo(pair.Held[0].AddDays(1));
                DemoPrograms.Must(await SendKudos.Handle(new(pair.Id, words.ByLeader, focus.FirstOrDefault()), leader, baseUrl, db, clock, ct));
                clock.MoveTo(pair.Held[2].AddDays(1));
                DemoPrograms.Must(await SendKudos.Handle(new(pair.Id, words.ByMentor, null), mentor, baseUrl, db, clock, ct));
            }
            if (pair.Leader != "leader@flipside.demo") continue;
            clock.MoveTo(DateTimeOffset.MaxValue);
            clock.MoveTo(clock.GetUtcNow().AddDays(-5));
            var story = DemoPrograms.Must(await WriteStory.Handle(new(pair.Id, new(StoryTitle,
                "When we were paired, Leo told me social media was 'not for someone at my level'. We started with one post a month, "
                + "written together in our meetings. Four months on, his team runs its own channel, and I have sat in on two strategy "
                + "reviews and learned how a budget decision is really made. We both recommend it.", [.. focus.Take(1)])), mentor, db, clock, ct));
            story = DemoPrograms.Must(await StoryConsent.Give(new(story.Id, true, story.Version), mentor, baseUrl, db, clock, ct));
            clock.MoveTo(clock.GetUtcNow().AddDays(1));
            DemoPrograms.Must(await StoryConsent.Give(new(story.Id, true, story.Version), leader, baseUrl, db, clock, ct));
            clock.MoveTo(clock.GetUtcNow().AddDays(1));
            DemoPrograms.Must(await ReviewStory.Approve(story.Id, manager, baseUrl, db, clock, ct));
        }
        clock.MoveTo(DateTimeOffset.MaxValue);
    }

    private static Viewer Participant(FlipsideDb db, string email) => Viewer.Acting(db, "", email, Roles.Participant);
}
