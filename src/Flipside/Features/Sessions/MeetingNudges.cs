using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Nudges;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Sessions;

/// <summary>
/// The meetings' nudges: the day before an accepted meeting, two days after one nobody logged, and when a pairing
/// has gone its cadence and a week more with no meeting held or planned. Each at 9:00 in the reader's time zone.
/// </summary>
public sealed class MeetingNudges(FlipsideDb db, PublicUrl url) : INudgeSource
{
    public static readonly TimeSpan LogAfter = TimeSpan.FromDays(2);
    public static readonly TimeSpan CadenceGrace = TimeSpan.FromDays(7);

    public async Task<IReadOnlyList<DueNudge>> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var due = new List<DueNudge>();
        await AddMeetings(due, now, ct);
        await AddSlipping(due, now, ct);
        return due;
    }

    private async Task AddMeetings(List<DueNudge> due, DateTimeOffset now, CancellationToken ct)
    {
        // Accepted and not yet logged: upcoming in the next two days, or started in the days a log reminder is due.
        var (until, since) = (now.AddDays(2), now - LogAfter - TimeSpan.FromDays(2));
        var meetings = await db.Meetings.Where(m => m.Status == MeetingStatus.Accepted && m.LoggedAt == null && m.StartsAt < until && m.StartsAt > since)
            .Join(PairReaders.Active(db), m => m.PairingId, p => p.PairingId, (m, p) => new { m.Id, m.StartsAt, m.Minutes, m.VideoLink, Pair = p })
            .ToListAsync(ct);
        foreach (var m in meetings)
            foreach (var (_, reader, partner) in m.Pair.Sides())
            {
                if (m.StartsAt > now)
                    due.Add(new(NudgeKind.MeetingSoon, $"meeting:{m.Id}/at:{m.StartsAt.UtcTicks}", reader.Email, m.Pair.ProgramId, reader.MorningAfter(m.StartsAt, -1),
                        at => Email(reader, $"Tomorrow: your meeting with {partner.Name}", $"""
                            Your meeting with {partner.Name} is tomorrow, {Zones.Show(m.StartsAt, reader.Zone)}, for {m.Minutes} minutes.{(m.VideoLink is { } link ? $"\nVideo call: {link}" : "")}
                            The agenda and the session kit's questions are on the pairing's meetings page.

                            {url.Link($"/Sessions/Meetings?pairingId={m.Pair.PairingId}")}
                            """, m.Pair.ProgramId, at)));
                else
                    due.Add(new(NudgeKind.LogMissing, $"meeting:{m.Id}", reader.Email, m.Pair.ProgramId, reader.MorningAfter(m.StartsAt.AddMinutes(m.Minutes), 2),
                        at => Email(reader, $"How did your meeting with {partner.Name} go?", $"""
                            Your meeting with {partner.Name} on {Zones.Show(m.StartsAt, reader.Zone)} has no log yet. Two minutes now keep your follow-through
                            true: whether it was held, what you covered, what you learned, and any action items. Either of you can log it.

                            {url.Link($"/Sessions/Log?meetingId={m.Id}")}
                            """, m.Pair.ProgramId, at)));
            }
    }

    private async Task AddSlipping(List<DueNudge> due, DateTimeOffset now, CancellationToken ct)
    {
        var pairs = await PairReaders.Active(db)
            .Select(p => new
            {
                Pair = p,
                LastHeld = db.Meetings.Where(m => m.PairingId == p.PairingId && m.Status == MeetingStatus.Held).Max(m => (DateTimeOffset?)m.StartsAt),
                NextPlanned = db.Meetings.Where(m => m.PairingId == p.PairingId && (m.Status == MeetingStatus.Proposed || m.Status == MeetingStatus.Accepted) && m.StartsAt > now)
                    .Min(m => (DateTimeOffset?)m.StartsAt),
            })
            .ToListAsync(ct);
        foreach (var p in pairs)
        {
            if (p.Pair.PublishedAt is not { } published || PlannedSoon(p.NextPlanned, p.Pair.CadenceWeeks, now)) continue;
            // The episode starts at the last meeting held (or the start): a new meeting ends it, and a later slip is news again.
            var since = p.LastHeld is { } held && held > published ? held : published;
            var slippedAt = since + TimeSpan.FromDays(7 * p.Pair.CadenceWeeks) + CadenceGrace;
            if (slippedAt > now) continue;
            foreach (var (_, reader, partner) in p.Pair.Sides())
                due.Add(new(NudgeKind.CadenceSlipping, $"pairing:{p.Pair.PairingId}/since:{since.UtcTicks}", reader.Email, p.Pair.ProgramId, reader.MorningAfter(slippedAt, 0),
                    at => Email(reader, $"Time to meet {partner.Name} again", $"""
                        You and {partner.Name} last met {(p.LastHeld is { } last && last > published ? $"on {Zones.Show(last, reader.Zone)}" : "never, since your pairing started")}, and nothing is planned.
                        Your program asks for {Words.Count(p.Pair.CadenceWeeks, "week")} between meetings. Pick a time from the hours you both keep free:

                        {url.Link($"/Sessions/Meetings?pairingId={p.Pair.PairingId}")}

                        If the pairing no longer works for you, you can pause or end it from "My programs", privately and without fault.
                        """, p.Pair.ProgramId, at)));
        }
    }

    /// <summary>
    /// A meeting is planned within the next cadence: only that stops a slip. One proposed months out would otherwise
    /// silence the nudge and the digest for as long as it stands.
    /// </summary>
    public static bool PlannedSoon(DateTimeOffset? nextPlanned, int cadenceWeeks, DateTimeOffset now) =>
        nextPlanned is { } next && next <= now + TimeSpan.FromDays(7 * cadenceWeeks);

    private static OutboxMessage Email(Reader reader, string subject, string body, Guid programId, DateTimeOffset now) =>
        new OutboxMessage(reader.Email, subject, $"Hello {reader.Name},\n\n{body}", null, now).ForProgram(programId);
}
