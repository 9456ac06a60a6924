using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Sessions;

/// <summary>One partner of a pairing as the meeting use cases need them: who, where in the world, and when free.</summary>
public sealed record Side(ParticipantRole Role, Person Person, IReadOnlySet<int> Availability)
{
    public TimeZoneInfo Zone => Zones.Of(Person.TimeZone);
}

/// <summary>
/// A pairing seen by one of its two partners. Loaded only through <see cref="Viewer.OwnPairings"/>, so anyone else
/// (another pair, a manager, an administrator) finds nothing: meetings are the pair's to run.
/// </summary>
public sealed record PairContext(Pairing Pairing, MentoringProgram Program, Side Mentor, Side Mentee, ParticipantRole Me)
{
    public Side Mine => Me == ParticipantRole.Mentor ? Mentor : Mentee;
    public Side Partner => Me == ParticipantRole.Mentor ? Mentee : Mentor;
    public Side Of(ParticipantRole role) => role == ParticipantRole.Mentor ? Mentor : Mentee;
    public string Label(ParticipantRole role) => role == ParticipantRole.Mentor ? Program.MentorLabel : Program.MenteeLabel;

    public static async Task<PairContext?> Load(Viewer viewer, Guid pairingId, FlipsideDb db, CancellationToken ct)
    {
        var pairing = await viewer.OwnPairings
            .Include(p => p.Cohort).ThenInclude(c => c.Program)
            .Include(p => p.MentorEnrollment).ThenInclude(e => e.Person)
            .Include(p => p.MenteeEnrollment).ThenInclude(e => e.Person)
            .AsSplitQuery()
            .FirstOrDefaultAsync(p => p.Id == pairingId, ct);
        if (pairing is null) return null;
        var ids = new[] { pairing.MentorEnrollmentId, pairing.MenteeEnrollmentId };
        var hours = await db.Profiles.Where(p => ids.Contains(p.EnrollmentId)).Select(p => new { p.EnrollmentId, p.Availability }).ToListAsync(ct);
        IReadOnlySet<int> Of(Guid id) => hours.FirstOrDefault(h => h.EnrollmentId == id)?.Availability.ToHashSet() ?? [];
        var me = pairing.MentorEnrollment.Person.Email == viewer.Email ? ParticipantRole.Mentor : ParticipantRole.Mentee;
        return new(pairing, pairing.Cohort.Program,
            new(ParticipantRole.Mentor, pairing.MentorEnrollment.Person, Of(pairing.MentorEnrollmentId)),
            new(ParticipantRole.Mentee, pairing.MenteeEnrollment.Person, Of(pairing.MenteeEnrollmentId)), me);
    }

    /// <summary>The pair's meeting, or null when the meeting is not theirs (another pair's id is simply not found).</summary>
    public static async Task<(PairContext Pair, Meeting Meeting)?> LoadMeeting(Viewer viewer, Guid meetingId, FlipsideDb db, CancellationToken ct)
    {
        var meeting = await db.Meetings.FirstOrDefaultAsync(m => m.Id == meetingId && viewer.OwnPairings.Any(p => p.Id == m.PairingId), ct);
        if (meeting is null) return null;
        var pair = await Load(viewer, meeting.PairingId, db, ct);
        return pair is null ? null : (pair, meeting);
    }

    /// <summary>
    /// Changes to meetings need a pairing that is still running (a paused pair may still cancel and set agendas);
    /// proposing, accepting and moving a meeting commit both people to a time, so they need an active one.
    /// </summary>
    public Problem? RequireRunning(bool active = false) =>
        active && Pairing.Status != PairingStatus.Active ? Outcome.Conflict($"This pairing is {Pairing.Describe(Pairing.Status)}: meetings are proposed, accepted and moved only while it is active.")
        : !Pairing.IsRunning ? Outcome.Conflict($"This pairing is {Pairing.Describe(Pairing.Status)}: its meetings can no longer change.")
        : null;

    /// <summary>
    /// The record of a meeting (its log, its action items) is written while the pairing runs. Once it has ended the
    /// ledger is closed; while it is paused only meetings that started before the pause are recorded, because nothing
    /// was meant to happen after it.
    /// </summary>
    public Problem? RequireRecordable(Meeting meeting) =>
        !Pairing.IsRunning ? Outcome.Conflict($"This pairing is {Pairing.Describe(Pairing.Status)}: its meetings and action items can no longer be recorded.")
        : Pairing.Status == PairingStatus.Paused && Pairing.PausedAt is { } paused && meeting.StartsAt >= paused
            ? Outcome.Conflict("This pairing is paused, and this meeting was due after the pause began: only meetings from before the pause are recorded.")
        : null;
}

/// <summary>IANA time zones by id; a directory value the system does not know reads as UTC rather than failing a page.</summary>
public static class Zones
{
    public static TimeZoneInfo Of(string id) => TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    /// <summary>
    /// "Tue 3 Mar 2027, 14:00 (Europe/London)": an instant as a person reads it in their own zone. In the hour that
    /// happens twice when the clocks go back the offset is added ("(Europe/Berlin, UTC+02:00)"), as the wall time alone
    /// names two instants.
    /// </summary>
    public static string Show(DateTimeOffset at, TimeZoneInfo zone, System.Globalization.CultureInfo? culture = null)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        var text = local.ToString("ddd d MMM yyyy, HH:mm", culture ?? System.Globalization.CultureInfo.InvariantCulture);
        return zone.IsAmbiguousTime(local) ? $"{text} ({zone.Id}, {Offset(local.Offset)})" : $"{text} ({zone.Id})";
    }

    /// <summary>"UTC+02:00", "UTC-04:00".</summary>
    public static string Offset(TimeSpan offset) =>
        $"UTC{(offset < TimeSpan.Zero ? "-" : "+")}{offset.Duration().ToString(@"hh\:mm", System.Globalization.CultureInfo.InvariantCulture)}";
}
