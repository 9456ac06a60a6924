using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Sessions;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Surveys;

/// <summary>
/// The two-question pulse after a meeting logged as held: "the meeting was useful" from each partner and, from the
/// junior mentor only, "I could speak openly". Saved under the pseudonym with the month, never the meeting; a low
/// answer raises a flag on the pairing for its program managers (decision 0014).
/// </summary>
public static class GivePulse
{
    public sealed record Request(Guid MeetingId, int? Useful, int? SpokeOpenly);

    /// <summary>What the partner may give now: whether a pulse is due, whether the second question is asked, and k, the smallest group an average is shown for.</summary>
    public sealed record Status(Guid MeetingId, Guid PairingId, string PartnerName, ParticipantRole Role, bool Due, bool Given, bool AsksSpokeOpenly, int Threshold);

    public static async Task<Outcome<Status>> Check(Guid meetingId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        if (await PairContext.LoadMeeting(viewer, meetingId, db, ct) is not ({ } pair, { } meeting)) return Outcome.NotFound;
        var given = await db.PulsesGiven.AnyAsync(p => p.MeetingId == meetingId && p.Role == pair.Me, ct);
        return new Status(meetingId, pair.Pairing.Id, pair.Partner.Person.Name, pair.Me, meeting.Status == MeetingStatus.Held && !given, given,
            pair.Me == ParticipantRole.Mentor, pair.Program.AnonymityThreshold);
    }

    public static async Task<Outcome<Done>> Handle(Request r, Viewer viewer, FlipsideDb db, Pseudonyms pseudonyms, TimeProvider clock, CancellationToken ct)
    {
        if (await PairContext.LoadMeeting(viewer, r.MeetingId, db, ct) is not ({ } pair, { } meeting)) return Outcome.NotFound;
        if (meeting.Status != MeetingStatus.Held) return Outcome.Conflict("A pulse follows a meeting logged as held.");
        if (await db.PulsesGiven.AnyAsync(p => p.MeetingId == r.MeetingId && p.Role == pair.Me, ct))
            return Outcome.Conflict("You have already given your pulse for this meeting.");
        var errors = new List<FieldError>();
        if (r.Useful is not { } useful || !PulseAnswer.ValueRule.Allows(useful)) errors.Add(new("useful", "Say how useful the meeting was: choose 1 to 5."));
        if (pair.Me == ParticipantRole.Mentor && (r.SpokeOpenly is not { } open || !PulseAnswer.ValueRule.Allows(open)))
            errors.Add(new("spokeOpenly", "Say whether you could speak openly: choose 1 to 5."));
        if (pair.Me == ParticipantRole.Mentee && r.SpokeOpenly is not null)
            errors.Add(new("spokeOpenly", "Only the mentor is asked whether they could speak openly."));
        if (errors.Count > 0) return Outcome.Invalid(errors);

        var answer = DateOnly.FromDateTime(meeting.StartsAt.UtcDateTime);
        var month = new DateOnly(answer.Year, answer.Month, 1);
        // A code of its own that changes every month: a pulse joins neither a survey answer nor last month's pulses.
        var code = await pseudonyms.OfPulse(pair.Mine.Person.Id, pair.Program.Id, month, ct);
        // Held and stored later in a shuffled batch, like a survey's answers: the PulseGiven row names the meeting.
        db.HeldAnswers.Add(HeldAnswers.Hold(new PulseAnswer(pair.Program.Id, pair.Pairing.CohortId, code, pair.Me, month, r.Useful!.Value, r.SpokeOpenly)));
        db.PulsesGiven.Add(new PulseGiven(meeting.Id, pair.Me));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Outcome.Conflict("You have already given your pulse for this meeting.");
        }
        var raised = new List<PairFlagKind>();
        if (r.SpokeOpenly <= PairFlag.ThresholdValue) raised.Add(PairFlagKind.SafetyConcern);
        if (r.Useful <= PairFlag.ThresholdValue) raised.Add(PairFlagKind.LowPulse);
        foreach (var kind in raised) await Raise(db, pair.Pairing.Id, kind, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        return Outcome.Ok;
    }

    /// <summary>Insert-if-absent: one flag of a kind per pairing and week, however many answers raise it, even two at once.</summary>
    private static async Task Raise(FlipsideDb db, Guid pairingId, PairFlagKind kind, DateOnly today, CancellationToken ct)
    {
        var flag = new PairFlag(pairingId, kind, today);
        if (await db.PairFlags.AnyAsync(f => f.PairingId == pairingId && f.Kind == kind && f.RaisedWeekOf == flag.RaisedWeekOf, ct)) return;
        db.PairFlags.Add(flag);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The partner's answer raised the same flag this instant: one is enough.
            db.Entry(flag).State = EntityState.Detached;
        }
    }
}
