using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Pairings;

/// <summary>
/// Self-matching: a leader asks one mentor. Refused, with the reason, when the program does not use self-matching,
/// the leader already has a pairing or a request waiting, the mentor has no room or declined them before, or a hard
/// rule forbids the pair. The mentor is emailed and has the program's days to answer.
/// </summary>
public static class RequestMentor
{
    public sealed record Request(Guid CohortId, Guid MentorPersonId);

    public sealed record Asked(Guid RequestId, DateTimeOffset AnswerBy);

    public static async Task<Outcome<Asked>> Handle(Request r, Viewer viewer, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var loaded = await SelfMatching.Load(r.CohortId, ParticipantRole.Mentee, viewer, db, clock, ct);
        if (loaded.Problem is { } problem) return problem;
        var c = loaded.Value;
        if (c.Open.FirstOrDefault(o => o.MenteePersonId == c.MyPersonId) is { } waiting)
            return Outcome.Conflict($"You already asked {c.Setup.Compiled.Members[waiting.MentorPersonId].Name}, who has until {waiting.AnswerBy:d MMMM} to answer. " +
                "You can ask someone else once they decline or the request expires.");
        if (SelfMatching.Refusal(c, c.MyPersonId, r.MentorPersonId, countRequests: true, you: "mentee") is { } refusal) return refusal;
        var mentor = c.Setup.Compiled.Members[r.MentorPersonId];
        if (c.Declined.Contains(new(c.MyPersonId.ToString(), r.MentorPersonId.ToString())))
            return Outcome.Conflict($"{mentor.Name} has already declined your request. Choose another {c.Program.MentorLabel}.");

        var now = clock.GetUtcNow();
        var explained = c.Explain(c.MyPersonId, r.MentorPersonId);
        var reasons = Matching.MatchExplanations.For(Matching.Audience.Mentor, c.Me.Name, mentor.Name, explained.Parts);
        var request = new MentorRequest(r.CohortId, c.Me.EnrollmentId, mentor.EnrollmentId, reasons, c.Program.AnswerDays, now);
        db.MentorRequests.Add(request);
        var mentorPerson = await db.People.SingleAsync(p => p.Id == r.MentorPersonId, ct);
        db.Outbox.Add(MentorRequestEmails.Asked(request, c.Program, c.Me.Name, mentorPerson, baseUrl, now));
        // Two leaders asking for a mentor's last place at once: the cohort's version lets only one of them save.
        c.Cohort.Version++;
        db.Record(viewer, now, "self-matching.requested", "MentorRequest", request.Id, $"{c.Me.Name} asked {mentor.Name}");
        await db.SaveChangesAsync(ct);
        return new Asked(request.Id, request.AnswerBy);
    }
}
