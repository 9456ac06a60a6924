using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Matching;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Pairings;

/// <summary>
/// Self-matching, the mentor's side: accept or decline a leader's request before it expires. Accepting checks every
/// rule again (the mentor's room, the leader still free and still here, grade gap, reporting line) and makes the
/// pairing approved and locked; the program manager publishes it with the cohort's other pairs, which sends the
/// introductions (docs/decisions/0009).
/// </summary>
public static class AnswerMentorRequest
{
    public sealed record Request(Guid RequestId, bool Accept);

    public sealed record Answered(MentorRequestStatus Status, Guid? PairingId);

    public static async Task<Outcome<Answered>> Handle(Request r, Viewer viewer, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var request = await db.MentorRequests.Include(q => q.MenteeEnrollment).ThenInclude(e => e.Person).Include(q => q.MentorEnrollment).ThenInclude(e => e.Person)
            .FirstOrDefaultAsync(q => q.Id == r.RequestId && viewer.Email.Length > 0 && q.MentorEnrollment.Person.Email == viewer.Email, ct);
        if (request is null) return Outcome.NotFound;
        var now = clock.GetUtcNow();
        if (request.Status != MentorRequestStatus.Open)
            return Outcome.Conflict($"This request was already {MentorRequest.Describe(request.Status)}.");
        if (!request.IsOpen(now))
            return Outcome.Conflict($"This request expired on {request.AnswerBy:d MMMM}: it can no longer be answered. {request.MenteeEnrollment.Person.Name} can ask again.");
        var leader = request.MenteeEnrollment.Person;
        var program = await db.Cohorts.Where(c => c.Id == request.CohortId).Select(c => c.Program).SingleAsync(ct);

        if (!r.Accept)
        {
            request.Decline(now);
            db.Outbox.Add(MentorRequestEmails.Declined(request, program, leader, request.MentorEnrollment.Person.Name, baseUrl, now));
            db.Record(viewer, now, "self-matching.declined", "MentorRequest", request.Id, "declined by the mentor");
            await db.SaveChangesAsync(ct);
            return new Answered(request.Status, null);
        }

        var loaded = await SelfMatching.Load(request.CohortId, ParticipantRole.Mentor, viewer, db, clock, ct);
        if (loaded.Problem is { } problem) return problem;
        var c = loaded.Value;
        // The leader may have left the organisation or the program since asking: they are then not in the cohort's request.
        if (!c.Setup.Compiled.Members.ContainsKey(leader.Id))
        {
            var reason = c.Setup.Compiled.Skipped.FirstOrDefault(s => s.PersonId == leader.Id)?.Reason ?? "is no longer enrolled in this cohort";
            return Outcome.Conflict($"{leader.Name} cannot be paired: {reason}.");
        }
        // This request already holds one of the mentor's places while open, so acceptance counts pairings only.
        if (SelfMatching.Refusal(c, leader.Id, c.MyPersonId, countRequests: false, you: "mentor") is { } refusal) return refusal;

        var explained = c.Explain(leader.Id, c.MyPersonId);
        var pairing = Pairing.ByPerson(request.CohortId, request.MentorEnrollmentId, request.MenteeEnrollmentId, explained.Score,
            PairingReasons.For(leader.Name, c.Me.Name, explained.Parts), viewer.UserId, now);
        db.Pairings.Add(pairing);
        request.Accept(pairing.Id, now);
        db.Outbox.Add(MentorRequestEmails.Accepted(request, program, leader, c.Me.Name, baseUrl, now));
        c.Cohort.Version++;
        db.Record(viewer, now, "self-matching.accepted", "Pairing", pairing.Id, $"{leader.Name} with {c.Me.Name}, chosen by themselves");
        await db.SaveChangesAsync(ct);
        return new Answered(request.Status, pairing.Id);
    }

    public static bool TryParse(string? answer, out bool accept)
    {
        accept = string.Equals(answer, "accept", StringComparison.OrdinalIgnoreCase);
        return accept || string.Equals(answer, "decline", StringComparison.OrdinalIgnoreCase);
    }
}
