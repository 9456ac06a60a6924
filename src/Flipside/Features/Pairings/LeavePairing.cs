using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Pairings;

/// <summary>What a partner or a program manager does with a running pairing.</summary>
public enum PairingExit { Pause, Resume, End, NewMatch }

/// <summary>
/// The no-fault way out. A partner pauses, resumes, ends or asks for a new match, privately: the reason goes to the
/// program manager only, and the other partner learns only that the program has ended the pairing (a pause is
/// not announced at all). Program managers do the same from the board, for example when a reporting line moved.
/// </summary>
public static class LeavePairing
{
    public sealed record Request(Guid PairingId, PairingExit Action, string? Reason);

    /// <summary>A partner acts on their own pairing.</summary>
    public static async Task<Outcome<Done>> AsPartner(Request r, Viewer viewer, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var pairing = await Load(viewer.OwnPairings, r.PairingId, ct);
        if (pairing is null) return Outcome.NotFound;
        var actor = pairing.MentorEnrollment.Person.Email == viewer.Email ? PairingActor.Mentor : PairingActor.Mentee;
        if (r.Action == PairingExit.Resume && pairing.EndedBy != actor)
            return Outcome.Conflict("Only the person who paused this pairing, or the program manager, can resume it.");
        return await Apply(pairing, actor, r, viewer, baseUrl, db, clock, ct);
    }

    /// <summary>A program manager acts on a pairing of their program.</summary>
    public static async Task<Outcome<Done>> AsManager(Guid cohortId, Request r, Viewer viewer, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var pairing = await Load(viewer.ManagedPairings.Where(p => p.CohortId == cohortId), r.PairingId, ct);
        if (pairing is null) return Outcome.NotFound;
        return await Apply(pairing, PairingActor.ProgramManager, r, viewer, baseUrl, db, clock, ct);
    }

    /// <summary>
    /// Someone who leaves the program (withdraws their enrolment) leaves their pairings the same no-fault way: a running
    /// pairing ends by their side, the partner hears only that the program ended it and the managers are told as for
    /// any exit; a proposal or approval not yet published is rejected, so it is never published or proposed again.
    /// Only stages the changes: the caller saves them with the withdrawal.
    /// </summary>
    public static async Task StageWithdrawal(Domain.Enrollment enrollment, Viewer viewer, string baseUrl, FlipsideDb db, DateTimeOffset now, CancellationToken ct)
    {
        var pairings = await Including(db.Pairings)
            .Where(p => Pairing.Holding.Contains(p.Status) && (p.MentorEnrollmentId == enrollment.Id || p.MenteeEnrollmentId == enrollment.Id))
            .ToListAsync(ct);
        var actor = enrollment.Role == ParticipantRole.Mentor ? PairingActor.Mentor : PairingActor.Mentee;
        foreach (var pairing in pairings)
        {
            if (pairing.IsRunning) await Stage(pairing, actor, new(pairing.Id, PairingExit.End, "left the program"), viewer, baseUrl, db, now, ct);
            else pairing.Reject("withdrawn", now);
        }
    }

    private static IQueryable<Pairing> Including(IQueryable<Pairing> scope) => scope
        .Include(p => p.Cohort).ThenInclude(c => c.Program).ThenInclude(p => p.Managers)
        .Include(p => p.MentorEnrollment).ThenInclude(e => e.Person).Include(p => p.MenteeEnrollment).ThenInclude(e => e.Person);

    private static Task<Pairing?> Load(IQueryable<Pairing> scope, Guid id, CancellationToken ct) => Including(scope).FirstOrDefaultAsync(p => p.Id == id, ct);

    private static async Task<Outcome<Done>> Apply(Pairing pairing, PairingActor actor, Request r, Viewer viewer, string baseUrl, FlipsideDb db,
        TimeProvider clock, CancellationToken ct)
    {
        if (await Stage(pairing, actor, r, viewer, baseUrl, db, clock.GetUtcNow(), ct) is { } problem) return problem;
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }

    private static async Task<Problem?> Stage(Pairing pairing, PairingActor actor, Request r, Viewer viewer, string baseUrl, FlipsideDb db,
        DateTimeOffset now, CancellationToken ct)
    {
        var reason = r.Reason ?? "";
        if (reason.Trim().Length > Pairing.ReasonMaxLength) return Outcome.Invalid("reason", $"Keep the reason to {Pairing.ReasonMaxLength} characters.");
        string what;
        switch (r.Action)
        {
            case PairingExit.Pause: pairing.Pause(actor, reason, now); what = "paused"; break;
            case PairingExit.Resume: pairing.Resume(); what = "resumed"; break;
            default: pairing.End(actor, reason, r.Action == PairingExit.NewMatch, now); what = "ended"; break;
        }
        var program = pairing.Cohort.Program;
        if (pairing.Status == PairingStatus.Ended)
        {
            await Sessions.EndedPairingMeetings.Stage(db, pairing, baseUrl, now, ct);
            // The partner who did not end it hears only that it ended; a manager's ending tells both.
            foreach (var (person, role) in new[] { (pairing.MentorEnrollment.Person, PairingActor.Mentor), (pairing.MenteeEnrollment.Person, PairingActor.Mentee) })
                if (role != actor)
                    db.Outbox.Add(PairingEmails.Ended(pairing, program, person, baseUrl, now));
        }
        if (actor != PairingActor.ProgramManager && r.Action != PairingExit.Resume)
        {
            var managerIds = program.Managers.Select(m => m.UserId).ToList();
            var emails = await db.Users.Where(u => managerIds.Contains(u.Id) && u.IsActive && u.Email != null).Select(u => u.Email!).ToListAsync(ct);
            foreach (var email in await NotTheLeadersLine(emails, pairing.MenteeEnrollment.PersonId, db, ct))
                db.Outbox.Add(PairingEmails.ToManager(pairing, program, pairing.Cohort, email, what, baseUrl, now));
        }
        // The audit log records that it happened and by which side, never the reason.
        db.Record(viewer, now, "pairing." + what, "Pairing", pairing.Id, $"{what} by the {actor.ToString().ToLowerInvariant()}");
        return null;
    }

    // A manager who is the leader, or above the leader, is not told: the email alone would say the junior left.
    private static async Task<List<string>> NotTheLeadersLine(List<string> emails, Guid menteePersonId, FlipsideDb db, CancellationToken ct)
    {
        // The directory keeps emails in lower case; an account keeps the case it was invited with.
        var lower = emails.Select(e => e.ToLowerInvariant()).ToList();
        var people = await db.People.Where(p => lower.Contains(p.Email)).Select(p => new { p.Id, p.Email }).ToListAsync(ct);
        var keep = new List<string>();
        foreach (var email in emails)
        {
            var person = people.FirstOrDefault(p => string.Equals(p.Email, email, StringComparison.OrdinalIgnoreCase));
            if (person is null || (await ExitPrivacy.HiddenFrom(person.Id, [menteePersonId], db, ct)).Count == 0) keep.Add(email);
        }
        return keep;
    }

    public static bool TryParse(string? value, out PairingExit exit) =>
        Enum.TryParse(value, ignoreCase: true, out exit) && !int.TryParse(value, out _) && Enum.IsDefined(exit);
}
