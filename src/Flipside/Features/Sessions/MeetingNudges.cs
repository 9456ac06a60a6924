using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Nudges;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Sessions;

/// <summary>
/// The meetings' nudges: the day before an accepted meeting, two days after one nobody logged, and when a pairing
/// has gone its cadence and a week more with no meeting held or planned. Each at 9:00 in the reader's time zone, in the
/// program's language.
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
                var texts = m.Pair.Texts;
                if (m.StartsAt > now)
                    due.Add(new(NudgeKind.MeetingSoon, $"meeting:{m.Id}/at:{m.StartsAt.UtcTicks}", reader.Email, m.Pair.ProgramId, reader.MorningAfter(m.StartsAt, -1),
                        at => Email(reader, texts, texts.MeetingSoon(partner.Name, texts.When(m.StartsAt, reader.Zone), m.Minutes, m.VideoLink,
                            url.Link($"/Sessions/Meetings?pairingId={m.Pair.PairingId}")), m.Pair.ProgramId, at)));
                else
                    due.Add(new(NudgeKind.LogMissing, $"meeting:{m.Id}", reader.Email, m.Pair.ProgramId, reader.MorningAfter(m.StartsAt.AddMinutes(m.Minutes), 2),
                        at => Email(reader, texts, texts.LogMissing(partner.Name, texts.When(m.StartsAt, reader.Zone), url.Link($"/Sessions/Log?meetingId={m.Id}")),
                            m.Pair.ProgramId, at)));
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
            var texts = pair.Texts;
            foreach (var (_, reader, partner) in pair.Sides())
                due.Add(new(NudgeKind.CadenceSlipping, $"pairing:{pair.PairingId}/since:{slip.Since.UtcTicks}", reader.Email, pair.ProgramId, reader.MorningAfter(slip.SlippedAt, 0),
                    at => Email(reader, texts, texts.Slipping(partner.Name, facts.LastHeld is { } last && last > published ? texts.When(last, reader.Zone) : null,
                        pair.CadenceWeeks, url.Link($"/Sessions/Meetings?pairingId={pair.PairingId}")), pair.ProgramId, at)));
        }
    }

    /// <summary>
    /// A meeting is planned within the next cadence: only that stops a slip. One proposed months out would otherwise
    /// silence the nudge and the digest for as long as it stands.
    /// </summary>
    public static bool PlannedSoon(DateTimeOffset? nextPlanned, int cadenceWeeks, DateTimeOffset now) =>
        nextPlanned is { } next && next <= now + TimeSpan.FromDays(7 * cadenceWeeks);

    private static OutboxMessage Email(Reader reader, NudgeTexts texts, NudgeEmail email, Guid programId, DateTimeOffset now) =>
        new OutboxMessage(reader.Email, email.Subject, texts.Letter(reader.Name, email.Body), null, now).ForProgram(programId);
}
