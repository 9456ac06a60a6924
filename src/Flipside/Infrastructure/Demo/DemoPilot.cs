using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Agreements;
using Flipside.Features.Conversations;
using Flipside.Features.Goals;
using Flipside.Features.Insights;
using Flipside.Features.Sessions;
using Flipside.Features.Shared;
using Flipside.Features.Surveys;
using Flipside.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;
using static Flipside.Infrastructure.Demo.DemoPilotScript;

namespace Flipside.Infrastructure.Demo;

/// <summary>
/// The pilot's months since publication, played through the pair's own use cases on a clock moved meeting by meeting:
/// guidelines acknowledged and agreements signed, meetings proposed, accepted, held and logged, goals, action items,
/// notes and messages; insights raised to leadership, some answered. Two pairs go wrong as pairs do: one stops meeting,
/// and in one the leader keeps cancelling.
/// </summary>
public sealed class DemoPilot(FlipsideDb db, ShiftedClock clock, string baseUrl, PairingSecrets secrets, Pseudonyms pseudonyms, CancellationToken ct)
{
    public const int Rounds = 6;
    public const int DaysBetweenMeetings = 21;
    /// <summary>The slipping pair's last meeting is this round: about two months before today.</summary>
    public const int SlippingStopsAfter = 3;
    private static readonly int[] CancelledRounds = [1, 3, 4];

    private sealed record Pair(int Index, Guid Id, Viewer Mentor, Viewer Leader, TimeZoneInfo MentorZone, TimeZoneInfo LeaderZone, bool Demo)
    {
        public List<(Guid Goal, List<Guid> Milestones, Viewer Owner)> Goals { get; } = [];
        public List<(Guid Item, Viewer Owner)> OpenItems { get; } = [];
    }

    public async Task PlayAsync(Guid programId, Guid cohortId)
    {
        var published = clock.GetUtcNow();
        var pairs = await LoadPairs(cohortId);
        var (slipping, cancelling) = (pairs[^1], pairs[^2]);

        // The baseline, answered in the days before publication by all but a few (the slipping pair's mentor among them).
        var baseline = await DemoSurveys.OpenBaseline(db, programId, cohortId, published, ct);
        clock.MoveTo(published.AddDays(-3));
        foreach (var pair in pairs)
        {
            if (pair.Index % 5 != 4) await DemoSurveys.Answer(baseline, pair.Leader, pair.Index, db, pseudonyms, clock, ct);
            if (pair != slipping) await DemoSurveys.Answer(baseline, pair.Mentor, pair.Index + 7, db, pseudonyms, clock, ct);
        }

        clock.MoveTo(published.AddDays(1));
        foreach (var pair in pairs) await Agree(programId, pair);
        clock.MoveTo(published.AddDays(2));
        foreach (var pair in pairs) await SetGoals(pair);

        for (var round = 0; round < Rounds; round++)
        {
            var day = published.AddDays(8 + round * DaysBetweenMeetings);
            var playing = pairs.Where(p => p != slipping || round <= SlippingStopsAfter).ToList();
            clock.MoveTo(day.AddDays(-7));
            var meetings = new Dictionary<Pair, (Guid Id, DateTimeOffset StartsAt)>();
            foreach (var pair in playing) meetings[pair] = await Propose(pair, round, day);
            clock.MoveTo(day.AddDays(-6));
            foreach (var pair in playing) await Accept(pair, round, meetings[pair].Id);
            foreach (var pair in playing)
            {
                var (id, startsAt) = meetings[pair];
                if (pair == cancelling && CancelledRounds.Contains(round))
                {
                    // The leader cancels: the first time two days ahead, then only hours before.
                    clock.MoveTo(round == CancelledRounds[0] ? startsAt.AddDays(-2) : startsAt.AddHours(-3));
                    DemoPrograms.Must(await CancelMeeting.Handle(id, null, pair.Leader, baseUrl, db, clock, ct));
                    continue;
                }
                clock.MoveTo(startsAt.AddHours(2));
                await Hold(pair, round, id, startsAt);
                // One mentor, in the pair where the leader keeps cancelling, says they could not speak openly: a flag for the manager.
                await DemoSurveys.Pulse(id, pair.Leader, pair.Mentor, pair.Index + round, pair == cancelling && round == 2, db, pseudonyms, clock, ct);
            }
            if (round == 4) await Converse(pairs.Where(p => p != slipping), day.AddDays(5));
            await DemoCelebration.Milestones(db, clock, baseUrl, ct);
            if (round == 4) await RaiseInsights(programId, pairs.Where(p => p != slipping).ToList(), day.AddDays(6));
        }

        clock.MoveTo(published.AddDays(8 + Rounds * DaysBetweenMeetings - 10));
        DemoPrograms.Must(await SendMessage.Handle(new(slipping.Id, ReachingOut), slipping.Mentor, baseUrl, db, secrets, clock, ct));
        clock.MoveTo(DateTimeOffset.MaxValue);
        var today = clock.GetUtcNow();
        // The final survey, opened by the manager a fortnight ago and closed two days ago, answered by the same people as
        // the baseline: had one or two more or fewer answered, the difference between the two would describe them, and the
        // report would rightly withhold the scale.
        var final = await DemoSurveys.OpenFinal(db, programId, cohortId, today.AddDays(-14), today.AddDays(-2), ct);
        clock.MoveTo(today.AddDays(-12));
        foreach (var pair in pairs)
        {
            if (pair.Index % 5 != 4) await DemoSurveys.AnswerFinal(final, pair.Leader, pair.Index, db, pseudonyms, clock, ct);
            if (pair != slipping) await DemoSurveys.AnswerFinal(final, pair.Mentor, pair.Index + 7, db, pseudonyms, clock, ct);
        }
        // Everyone but the slipping pair has their next meeting in the diary, agreed yesterday for next week.
        clock.MoveTo(today.AddDays(-1));
        var next = new Dictionary<Pair, Guid>();
        foreach (var pair in pairs.Where(p => p != slipping)) next[pair] = (await Propose(pair, Rounds, today.AddDays(6))).Id;
        clock.MoveTo(today.AddHours(-20));
        foreach (var (pair, id) in next) await Accept(pair, Rounds, id);
        clock.MoveTo(DateTimeOffset.MaxValue);
        // What the held-answers job would have done by now: the closed surveys' answers and past months' pulses stored.
        await new ReleaseHeldAnswers(db, clock).RunOnceAsync(ct);
    }

    private async Task<List<Pair>> LoadPairs(Guid cohortId)
    {
        var rows = await db.Pairings.Where(p => p.CohortId == cohortId && p.Status == PairingStatus.Active)
            .Select(p => new
            {
                p.Id, Mentor = p.MentorEnrollment.Person.Email, MentorZone = p.MentorEnrollment.Person.TimeZone,
                Leader = p.MenteeEnrollment.Person.Email, LeaderZone = p.MenteeEnrollment.Person.TimeZone, Name = p.MenteeEnrollment.Person.Name,
            })
            .ToListAsync(ct);
        // The demo's own sign-ins come first, so their pairing is one of the healthy ones with the richest history.
        return [.. rows.OrderBy(r => r.Leader != "leader@flipside.demo").ThenBy(r => r.Name, StringComparer.Ordinal)
            .Select((r, i) => new Pair(i, r.Id, Viewer.Acting(db, "", r.Mentor, Roles.Participant), Viewer.Acting(db, "", r.Leader, Roles.Participant),
                Zones.Of(r.MentorZone), Zones.Of(r.LeaderZone), r.Leader == "leader@flipside.demo"))];
    }

    private async Task Agree(Guid programId, Pair pair)
    {
        foreach (var person in new[] { pair.Mentor, pair.Leader })
        {
            var guidelines = DemoPrograms.Must(await Guidelines.Handle(programId, person, db, ct));
            DemoPrograms.Must(await AcknowledgeGuidelines.Handle(new(programId, guidelines.TextVersion), person, db, clock, ct));
        }
        var revision = DemoPrograms.Must(await ViewAgreement.Handle(pair.Id, pair.Leader, db, clock, ct)).Revision;
        if (pair.Demo || pair.Index % 3 == 1)
            revision = DemoPrograms.Must(await EditAgreement.Handle(new(pair.Id, revision, new Dictionary<string, string?>
            {
                [AgreementDraft.Boundaries] = "No calls after 18:00. We do not discuss colleagues by name.",
                [AgreementDraft.Goals] = "The leader wants to use the tools the team uses; the mentor wants to see how strategy is made.",
            }), pair.Leader, baseUrl, db, clock, ct)).Revision;
        foreach (var person in new[] { pair.Leader, pair.Mentor })
            DemoPrograms.Must(await SignAgreement.Handle(new(pair.Id, revision), person, db, clock, ct));
    }

    private async Task SetGoals(Pair pair)
    {
        var leader = LeaderGoals[pair.Index % LeaderGoals.Length];
        var mentor = MentorGoals[pair.Index % MentorGoals.Length];
        foreach (var (goal, owner) in new[] { (leader, pair.Leader), (mentor, pair.Mentor) })
        {
            var id = DemoPrograms.Must(await SetGoal.Add(new(pair.Id, goal.Title, goal.Description, null), owner, db, clock, ct));
            var milestones = new List<Guid>();
            foreach (var title in goal.Milestones) milestones.Add(DemoPrograms.Must(await Milestones.Add(pair.Id, id, title, owner, db, clock, ct)));
            pair.Goals.Add((id, milestones, owner));
        }
    }

    /// <summary>At ten in the morning (plus the pair's own hour) in the proposer's zone, on the first weekday from the given day.</summary>
    private async Task<(Guid Id, DateTimeOffset StartsAt)> Propose(Pair pair, int round, DateTimeOffset day)
    {
        var (proposer, zone) = round % 2 == 0 ? (pair.Mentor, pair.MentorZone) : (pair.Leader, pair.LeaderZone);
        var date = TimeZoneInfo.ConvertTime(day, zone).Date;
        while (date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday) date = date.AddDays(1);
        var planned = DemoPrograms.Must(await ProposeMeeting.Handle(new(pair.Id, date.AddHours(10 + pair.Index % 4), null, null), proposer, baseUrl, db, clock, ct));
        return (planned.MeetingId, planned.StartsAt);
    }

    private async Task Accept(Pair pair, int round, Guid meeting) =>
        DemoPrograms.Must(await AcceptMeeting.Handle(meeting, null, round % 2 == 0 ? pair.Leader : pair.Mentor, baseUrl, db, clock, ct));

    private async Task Hold(Pair pair, int round, Guid meeting, DateTimeOffset startsAt)
    {
        var topics = Topics[round == 0 ? 0 : 1 + (pair.Index + round) % (Topics.Length - 1)];
        DemoPrograms.Must(await LogMeeting.Handle(new(meeting, true, null, null, topics, LearnedByLeader[(pair.Index + round) % LearnedByLeader.Length]),
            pair.Leader, db, secrets, clock, ct));
        // The leader logged it; the mentor adds only what they learned, as the log is written once.
        DemoPrograms.Must(await LogMeeting.Handle(new(meeting, null, null, null, null, LearnedByMentor[(pair.Index + round) % LearnedByMentor.Length]),
            pair.Mentor, db, secrets, clock, ct));
        // Most of what was taken on last time is done; the leader of every third pair lets one slide.
        foreach (var (item, owner) in pair.OpenItems.Where((o, i) => !(pair.Index % 3 == 2 && i == 0)).ToList())
        {
            DemoPrograms.Must(await CompleteActionItem.Handle(item, true, owner, db, clock, ct));
            pair.OpenItems.RemoveAll(o => o.Item == item);
        }
        var (leaderItem, mentorItem) = ActionItems[(pair.Index + round) % ActionItems.Length];
        var due = DateOnly.FromDateTime(startsAt.UtcDateTime).AddDays(14);
        pair.OpenItems.Add((DemoPrograms.Must(await AddActionItem.Handle(new(meeting, leaderItem, ParticipantRole.Mentee, due), pair.Leader, db, clock, ct)), pair.Leader));
        pair.OpenItems.Add((DemoPrograms.Must(await AddActionItem.Handle(new(meeting, mentorItem, ParticipantRole.Mentor, due), pair.Mentor, db, clock, ct)), pair.Mentor));
        if (round % 2 == 1)
            foreach (var (goal, milestones, owner) in pair.Goals)
            {
                DemoPrograms.Must(await AddProgress.Handle(pair.Id, goal, Progress[(pair.Index + round) % Progress.Length], owner, db, clock, ct));
                if (round / 2 < milestones.Count - 1) DemoPrograms.Must(await Milestones.Mark(pair.Id, goal, milestones[round / 2], true, owner, db, clock, ct));
            }
        if (round == 2 && (pair.Demo || pair.Index % 2 == 0))
        {
            DemoPrograms.Must(await WriteNote.Handle(new(pair.Id, meeting, PrivateNoteByLeader, false), pair.Leader, db, secrets, clock, ct));
            DemoPrograms.Must(await WriteNote.Handle(new(pair.Id, meeting, PrivateNoteByMentor, false), pair.Mentor, db, secrets, clock, ct));
            DemoPrograms.Must(await WriteNote.Handle(new(pair.Id, meeting, SharedNote, true), pair.Mentor, db, secrets, clock, ct));
        }
    }

    /// <summary>Every pair still meeting raises one insight, so the program is over its threshold; the manager answers a few a day later.</summary>
    private async Task RaiseInsights(Guid programId, List<Pair> pairs, DateTimeOffset at)
    {
        var areas = await db.Programs.Where(p => p.Id == programId).Select(p => p.FocusAreas).SingleAsync(ct);
        var raised = new List<Guid>();
        clock.MoveTo(at);
        foreach (var pair in pairs)
        {
            var (area, text) = Insights[pair.Index % Insights.Length];
            raised.Add(DemoPrograms.Must(await RaiseInsight.Handle(new(pair.Id, areas[area % areas.Count], text), pair.Index % 2 == 0 ? pair.Mentor : pair.Leader,
                db, clock, ct)));
        }
        var managerId = await db.Users.Where(u => u.Email == "manager@flipside.demo").Select(u => u.Id).SingleAsync(ct);
        var manager = Viewer.Acting(db, managerId, "manager@flipside.demo", Roles.ProgramManager);
        clock.MoveTo(at.AddDays(1));
        foreach (var (id, (status, response)) in raised.Zip(InsightResponses))
            DemoPrograms.Must(await RespondToInsight.Handle(new(id, status, response, 0), manager, baseUrl, db, clock, ct));
    }

    private async Task Converse(IEnumerable<Pair> pairs, DateTimeOffset at)
    {
        foreach (var pair in pairs.Where(p => p.Demo || p.Index % 3 == 0))
            for (var i = 0; i < Messages.Length; i++)
            {
                clock.MoveTo(at.AddHours(3 * i));
                DemoPrograms.Must(await SendMessage.Handle(new(pair.Id, Messages[i].Text), Messages[i].ByMentor ? pair.Mentor : pair.Leader, baseUrl, db, secrets, clock, ct));
            }
    }
}
