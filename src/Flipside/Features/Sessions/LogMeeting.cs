using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;

namespace Flipside.Features.Sessions;

/// <summary>
/// After the meeting either partner records whether it was held (or whose no-show it was), how long, and the topics;
/// each writes what they learned from the other. That text is sealed with the pairing's key, bound to the meeting
/// and the writer's role, so only the pair ever reads it.
/// </summary>
public static class LogMeeting
{
    /// <summary>
    /// <see cref="Learned"/> null leaves the writer's text as it was; empty clears it. On a meeting already logged,
    /// <see cref="Held"/> null writes only what the writer learned: the partner who did not log it has that to add.
    /// </summary>
    public sealed record Request(Guid MeetingId, bool? Held, int? Minutes, ParticipantRole? NoShow, IReadOnlyList<string>? Topics, string? Learned);

    public static async Task<Outcome<Done>> Handle(Request r, Viewer viewer, FlipsideDb db, PairingSecrets secrets, TimeProvider clock, CancellationToken ct)
    {
        if (await PairContext.LoadMeeting(viewer, r.MeetingId, db, ct) is not ({ } pair, { } meeting)) return Outcome.NotFound;
        if (pair.RequireRecordable(meeting) is { } closed) return closed;
        var now = clock.GetUtcNow();
        var learnedOnly = r.Held is null && meeting.LoggedAt is not null;
        if (!learnedOnly && meeting.LoggedAt is { } loggedAt)
        {
            // A log is the record both are measured by: the other side cannot rewrite it, and its writer only briefly.
            var by = meeting.LoggedBy is { } role ? $"{pair.Of(role).Person.Name} ({pair.Label(role)})" : "your pair";
            var on = Zones.Show(loggedAt, pair.Mine.Zone);
            if (meeting.LoggedBy != pair.Me)
                return Outcome.Conflict($"This meeting was already logged by {by} on {on}. Only they can correct it; you can still write what you learned.");
            if (now > loggedAt.AddHours(Meeting.CorrectionHours))
                return Outcome.Conflict($"You logged this meeting on {on}; a log can be corrected for {Meeting.CorrectionHours} hours, and that time has passed.");
        }
        var errors = new List<FieldError>();
        if (r.Held is null && !learnedOnly) errors.Add(new("held", "Say whether the meeting was held."));
        if (r.Minutes is { } m && !Meeting.MinutesRule.Allows(m)) errors.Add(new("minutes", Meeting.MinutesRule.Message));
        if (r.Learned is { Length: > Meeting.MaxLearnedLength }) errors.Add(new("learned", $"Keep what you learned to {Meeting.MaxLearnedLength} characters."));
        if (errors.Count > 0) return Outcome.Invalid(errors);
        // The key is made (and saved) before anything else is staged: PairingSecrets saves on first use.
        var cipher = r.Learned is null ? null : await secrets.For(pair.Pairing.Id, ct);
        if (!learnedOnly) meeting.Log(pair.Me, r.Held!.Value, r.Minutes, r.NoShow, r.Topics ?? [], now);
        if (cipher is not null)
        {
            var text = r.Learned!.Trim();
            meeting.SealLearned(pair.Me, text.Length == 0 ? null : cipher.Seal(text, Meeting.PurposeOfLearned(meeting.Id, pair.Me)));
        }
        // The audit log says that it was logged, never what was learned.
        if (!learnedOnly)
            db.Record(viewer, now, "meeting.logged", "Meeting", meeting.Id, $"logged as {Meeting.Describe(meeting.Status)} by the {pair.Me.ToString().ToLowerInvariant()}");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }
}
