using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Matching;
using Flipside.Features.Shared;
using Flipside.Matching.Profiles;
using Flipside.Matching.Suggestions;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Pairings;

/// <summary>
/// Self-matching, the leader's side: up to five suggested mentors with the reasons in the leader's words, from the
/// engine's scoring, spread across the leaders still choosing so that no mentor is shown to many more of them than
/// they can take. A leader with an open request or a pairing sees that instead.
/// </summary>
public static class MentorSuggestions
{
    public sealed record Suggested(Guid MentorPersonId, string Name, string Title, string Department, IReadOnlyList<string> Reasons);

    public sealed record MyRequest(Guid RequestId, Guid MentorPersonId, string MentorName, MentorRequestStatus Status, DateTimeOffset AnswerBy);

    public sealed record View(Guid CohortId, string ProgramName, string CohortName, string MentorLabel, int AnswerDays, bool Paired,
        MyRequest? Waiting, IReadOnlyList<MyRequest> Earlier, IReadOnlyList<Suggested> Suggestions);

    public static async Task<Outcome<View>> Handle(Guid cohortId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var loaded = await SelfMatching.Load(cohortId, ParticipantRole.Mentee, viewer, db, clock, ct);
        if (loaded.Problem is { } problem) return problem;
        var c = loaded.Value;
        var now = clock.GetUtcNow();
        var mine = await db.MentorRequests.Where(r => r.MenteeEnrollmentId == c.Me.EnrollmentId).OrderByDescending(r => r.CreatedAt)
            .Select(r => new MyRequest(r.Id, r.MentorEnrollment.PersonId, r.MentorEnrollment.Person.Name, r.Status, r.AnswerBy)).ToListAsync(ct);
        // Past its day it reads as expired, even before the job has marked it.
        mine = [.. mine.Select(r => r.Status == MentorRequestStatus.Open && now >= r.AnswerBy ? r with { Status = MentorRequestStatus.Expired } : r)];
        var waiting = mine.FirstOrDefault(r => r.Status is MentorRequestStatus.Open or MentorRequestStatus.Accepted);
        bool paired = c.Holding(c.MyPersonId) is not null;
        var view = new View(cohortId, c.Program.Name, c.Cohort.Name, c.Program.MentorLabel, c.Program.AnswerDays, paired, waiting,
            [.. mine.Where(r => r != waiting)], []);
        if (paired || waiting is not null) return view;

        var suggested = Suggester.MentorsForMentees(ChoosingRequest(c)).GetValueOrDefault(c.MyPersonId.ToString()) ?? [];
        var ids = suggested.Select(s => Guid.Parse(s.MentorId)).ToList();
        var people = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => new { p.Name, p.Title, p.Department }, ct);
        return view with
        {
            Suggestions = [.. suggested.Select(s =>
            {
                var person = people[Guid.Parse(s.MentorId)];
                return new Suggested(Guid.Parse(s.MentorId), person.Name, person.Title, person.Department,
                    MatchExplanations.For(Audience.Mentee, c.Me.Name, person.Name, s.Parts));
            })],
        };
    }

    /// <summary>
    /// The leaders still choosing (no pairing, no open request) and the mentors with room, with declined requests
    /// never suggested again to the same leader.
    /// </summary>
    public static MatchRequest ChoosingRequest(SelfMatching.Context c)
    {
        var request = c.Setup.Compiled.Request;
        var asking = c.Open.Select(r => r.MenteePersonId.ToString()).ToHashSet();
        return c.Setup.Request with
        {
            Mentees = [.. request.Mentees.Where(m => c.Holding(Guid.Parse(m.Id)) is null && !asking.Contains(m.Id))],
            Mentors = [.. request.Mentors.Select(m => m with { Capacity = c.Room(Guid.Parse(m.Id)) }).Where(m => m.Capacity > 0)],
            Exclusions = [.. c.Setup.Request.Exclusions, .. c.Declined],
            Locked = [],
        };
    }
}
