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
        var pairs = await PairReaders.Active(db).ToListAsync(ct);
        if (pairs.Count == 0) return;
        var meetings = await PairRisks.Meetings(PairReaders.Active(db).Select(p => p.PairingId), db, now, ct);
        foreach (var pair in pairs)
        {
            if (pair.PublishedAt is not { } published) continue;
            var facts = meetings.GetValueOrDefault(pair.PairingId, PairRisks.MeetingFacts.None);
            if (PairRisks.Slipping(published, facts, pair.CadenceWeeks, now) is not { } slip) continue;
            foreach (var (_, reader, partner) in pair.Sides())
                due.Add(new(NudgeKind.CadenceSlipping, $"pairing:{pair.PairingId}/since:{slip.Since.UtcTicks}", reader.Email, pair.ProgramId, reader.MorningAfter(slip.SlippedAt, 0),
                    at => Email(reader, $"Time to meet {partner.Name} again", $"""
                        You and {partner.Name} last met {(facts.LastHeld is { } last && last > published ? $"on {Zones.Show(last, reader.Zone)}" : "never, since your pairing started")}, and nothing is planned.
                        Your program asks for {Words.Count(pair.CadenceWeeks, "week")} between meetings. Pick a time from the hours you both keep free:

                        {url.Link($"/Sessions/Meetings?pairingId={pair.PairingId}")}

                        If the pairing no longer works for you, you can pause or end it from "My programs", privately and without fault.
                        """, pair.ProgramId, at)));
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
