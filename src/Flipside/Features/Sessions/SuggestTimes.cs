using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Sessions;

/// <summary>
/// Concrete times in the coming weeks when both partners said they are free. Each candidate instant is converted to
/// each person's zone on its own date, so a week with a daylight-saving change shifts the overlap as the clocks do.
/// </summary>
public static class SuggestTimes
{
    public const int Weeks = 3;
    public const int MaxSlots = 10;

    /// <summary>One slot, in UTC and as each reads it; <see cref="MyLocalStart"/> is what the propose form takes.</summary>
    public sealed record Slot(DateTimeOffset StartsAt, int Minutes, string ForMe, string ForPartner, DateTime MyLocalStart);

    public static async Task<Outcome<IReadOnlyList<Slot>>> Handle(Guid pairingId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var pair = await PairContext.Load(viewer, pairingId, db, ct);
        if (pair is null) return Outcome.NotFound;
        var planned = await db.Meetings.Where(m => m.PairingId == pairingId && Meeting.Planned.Contains(m.Status))
            .Select(m => new { m.StartsAt, m.Minutes }).ToListAsync(ct);
        return Slots(pair, clock.GetUtcNow(), [.. planned.Select(m => (m.StartsAt, m.Minutes))]);
    }

    public static List<Slot> Slots(PairContext pair, DateTimeOffset now, IReadOnlyList<(DateTimeOffset StartsAt, int Minutes)> planned)
    {
        var minutes = pair.Program.MinutesPerMeeting;
        // From a day ahead, on the half hour: nobody wants an invite for the next hour, and half-hour zones (India) line up.
        var first = now.AddDays(1);
        var t = new DateTimeOffset(first.Year, first.Month, first.Day, first.Hour, first.Minute >= 30 ? 30 : 0, 0, TimeSpan.Zero).AddMinutes(30);
        var until = t.AddDays(7 * Weeks);
        var slots = new List<Slot>();
        while (t < until && slots.Count < MaxSlots)
        {
            var end = t.AddMinutes(minutes);
            // The second pass through the hour the clocks go back is not offered: the form takes a wall time, and a wall
            // time in that hour is read as its first occurrence (MeetingTimes.ToUtc), so the suggestion would book an
            // hour early. Every suggestion reads back to its own instant.
            if (MeetingTimes.ToUtc(TimeZoneInfo.ConvertTime(t, pair.Mine.Zone).DateTime, pair.Mine.Zone) == t
                && MeetingTimes.Within(pair.Mentor.Availability, pair.Mentor.Zone, t, minutes)
                && MeetingTimes.Within(pair.Mentee.Availability, pair.Mentee.Zone, t, minutes)
                && !planned.Any(m => m.StartsAt < end && t < m.StartsAt.AddMinutes(m.Minutes)))
            {
                slots.Add(new(t, minutes, Zones.Show(t, pair.Mine.Zone), Zones.Show(t, pair.Partner.Zone), TimeZoneInfo.ConvertTime(t, pair.Mine.Zone).DateTime));
                // One suggestion a day at most, so the list spans the weeks rather than filling one afternoon.
                t = t.AddHours(20);
                t = new DateTimeOffset(t.Year, t.Month, t.Day, t.Hour, t.Minute >= 30 ? 30 : 0, 0, TimeSpan.Zero);
                continue;
            }
            t = t.AddMinutes(30);
        }
        return slots;
    }
}
