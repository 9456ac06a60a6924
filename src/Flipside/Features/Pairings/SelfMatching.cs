using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Matching;
using Flipside.Features.Shared;
using Flipside.Matching;
using Flipside.Matching.Profiles;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Pairings;

/// <summary>
/// Where a participant stands in a self-matching cohort: their enrolment, the cohort's matching setup, the open
/// requests and how much room each mentor has left. Request, answer and suggestions all check against this, so the
/// rules (capacity, grade gap, reporting line, already paired, left) are the same at request and at acceptance.
/// </summary>
public static class SelfMatching
{
    public sealed record OpenRequest(Guid Id, Guid MenteePersonId, Guid MentorPersonId, DateTimeOffset AnswerBy);

    public sealed record Context(Cohort Cohort, CohortMatchRequest.Member Me, Guid MyPersonId, MatchSetup.Setup Setup, IReadOnlyList<OpenRequest> Open,
        IReadOnlyList<PairIds> Declined)
    {
        public MentoringProgram Program => Cohort.Program;

        /// <summary>The pairing that holds this person (proposed to active), if any.</summary>
        public MatchSetup.Existing? Holding(Guid personId) =>
            Setup.Pairings.FirstOrDefault(p => Pairing.Holding.Contains(p.Status) && (p.MenteePersonId == personId || p.MentorPersonId == personId));

        /// <summary>A mentor's room: the program's capacity less the pairings that hold them and, unless told otherwise, the requests waiting on them.</summary>
        public int Room(Guid mentorPersonId, bool countRequests = true) =>
            Setup.Compiled.Request.Mentors.Single(m => m.Id == mentorPersonId.ToString()).Capacity
            - Setup.Pairings.Count(p => p.MentorPersonId == mentorPersonId && Pairing.Holding.Contains(p.Status))
            - (countRequests ? Open.Count(r => r.MentorPersonId == mentorPersonId) : 0);

        /// <summary>The engine's verdict on a pair, against everyone enrolled, with the cohort's exclusions and earlier pairs.</summary>
        public PairExplanation Explain(Guid menteePersonId, Guid mentorPersonId)
        {
            var whole = Setup.Request with { Mentees = Setup.Compiled.Request.Mentees, Mentors = Setup.Compiled.Request.Mentors, Locked = [] };
            return Matcher.Explain(whole, menteePersonId.ToString(), mentorPersonId.ToString());
        }
    }

    public const string NotSelfMatching = "This program's pairs are made by the program manager, not chosen by participants.";
    public const string NotRankedChoice = "This program does not use ranked choice: there is nothing to rank.";

    /// <summary>
    /// The context for the viewer enrolled in the cohort in the given role; not found when they are not. Ranked choice
    /// shares it (<paramref name="mode"/>): the same people, rules and refusals, another way of choosing.
    /// </summary>
    public static async Task<Outcome<Context>> Load(Guid cohortId, ParticipantRole role, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct,
        MatchingMode mode = MatchingMode.SelfMatching)
    {
        var mine = await viewer.OwnEnrollments.Where(e => e.CohortId == cohortId && e.Role == role && e.Status == EnrollmentStatus.Enrolled)
            .Select(e => new { e.PersonId }).FirstOrDefaultAsync(ct);
        if (mine is null) return Outcome.NotFound;
        var cohort = await db.Cohorts.Include(c => c.Program).SingleAsync(c => c.Id == cohortId, ct);
        if (cohort.Program.MatchingMode != mode) return Outcome.Conflict(mode == MatchingMode.RankedChoice ? NotRankedChoice : NotSelfMatching);
        if (cohort.Program.Status == ProgramStatus.Archived) return Outcome.Conflict("This program is archived: no pairs are made in it now.");
        if (cohort.Status != CohortStatus.Matching)
            return Outcome.Conflict(cohort.Status < CohortStatus.Matching
                ? "Choosing opens when the cohort moves to matching; the program manager will let you know."
                : "This cohort's matching is over; ask the program manager if you still need a pair.");
        var setup = await MatchSetup.Build(cohortId, new MatchWeights(), MatchObjective.MostPairs, db.Cohorts, db, ct);
        if (setup is null) return Outcome.NotFound;
        if (!setup.Compiled.Members.TryGetValue(mine.PersonId, out var me))
        {
            var reason = setup.Compiled.Skipped.FirstOrDefault(s => s.PersonId == mine.PersonId)?.Reason ?? "you are not enrolled";
            return Outcome.Conflict($"You cannot be matched yet: {reason}.");
        }
        var now = clock.GetUtcNow();
        var requests = await db.MentorRequests.Where(r => r.CohortId == cohortId && (r.Status == MentorRequestStatus.Open || r.Status == MentorRequestStatus.Declined))
            .Select(r => new { r.Id, r.Status, Mentee = r.MenteeEnrollment.PersonId, Mentor = r.MentorEnrollment.PersonId, r.AnswerBy })
            .ToListAsync(ct);
        // A request past its day counts as expired at once, whether or not the job has marked it yet.
        var open = requests.Where(r => r.Status == MentorRequestStatus.Open && now < r.AnswerBy).Select(r => new OpenRequest(r.Id, r.Mentee, r.Mentor, r.AnswerBy)).ToList();
        var declined = requests.Where(r => r.Status == MentorRequestStatus.Declined).Select(r => new PairIds(r.Mentee.ToString(), r.Mentor.ToString())).ToList();
        return new Context(cohort, me, mine.PersonId, setup, open, declined);
    }

    /// <summary>The hard rules a request or an acceptance must pass, in words for the person asking; null when the pair may be made.</summary>
    public static Problem? Refusal(Context c, Guid menteePersonId, Guid mentorPersonId, bool countRequests, string you)
    {
        var members = c.Setup.Compiled.Members;
        var mentee = members[menteePersonId];
        if (!members.TryGetValue(mentorPersonId, out var mentor) || mentor.Role != ParticipantRole.Mentor)
        {
            if (c.Setup.Compiled.Skipped.FirstOrDefault(s => s.PersonId == mentorPersonId) is { } skipped)
                return Outcome.Conflict($"{skipped.Name} cannot be paired: {skipped.Reason}.");
            return Outcome.Invalid("mentorPersonId", $"There is no such {c.Program.MentorLabel} in this cohort.");
        }
        if (c.Holding(menteePersonId) is { } held)
            return Outcome.Conflict($"{(you == "mentee" ? "You are" : mentee.Name + " is")} already in a pairing in this cohort ({Pairing.Describe(held.Status)}).");
        if (c.Room(mentorPersonId, countRequests) <= 0)
            return Outcome.Conflict(you == "mentor"
                ? $"You have no room for another {c.Program.MenteeLabel}: you already have as many pairings as the program allows ({c.Program.DefaultMentorCapacity})."
                : $"{mentor.Name} has no room: they already have as many {Words.Plural(c.Program.MenteeLabel)} paired or asking as the program allows ({c.Program.DefaultMentorCapacity}). Choose another {c.Program.MentorLabel}.");
        var explained = c.Explain(menteePersonId, mentorPersonId);
        if (!explained.Eligible)
            return Outcome.Conflict($"{mentee.Name} and {mentor.Name} cannot be paired: {string.Join("; ", explained.Constraints)}.");
        return null;
    }
}
