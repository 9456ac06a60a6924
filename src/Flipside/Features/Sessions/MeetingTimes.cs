using System.Globalization;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Sessions;

/// <summary>
/// The time rules of a meeting: a local time read in the proposer's own zone on its actual date (so daylight saving
/// counts), never in the past, never over another of the pair's meetings; outside both people's weekly hours is
/// allowed, with a warning.
/// </summary>
public static class MeetingTimes
{
    public sealed record Checked(DateTimeOffset StartsAt, int Minutes, string? VideoLink, IReadOnlyList<string> Warnings);

    public static async Task<Outcome<Checked>> Check(PairContext pair, DateTime? localStart, int? minutes, string? videoLink, Guid? movingMeetingId,
        DateTimeOffset now, FlipsideDb db, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var link = VideoLink(videoLink, errors);
        var length = minutes ?? pair.Program.MinutesPerMeeting;
        if (!Meeting.MinutesRule.Allows(length)) errors.Add(new("minutes", Meeting.MinutesRule.Message));
        if (localStart is not { } local) errors.Add(new("localStart", "Choose the date and time of the meeting."));
        // The API's request filter checks this before the use case; a page's form reaches it here (0025).
        else if (!PlausibleDates.Allows(local)) errors.Add(new("localStart", PlausibleDates.Message));
        else if (Gap(local, pair.Mine.Zone) is { } gap) errors.Add(new("localStart", gap));
        if (errors.Count > 0) return Outcome.Invalid(errors);

        var startsAt = ToUtc(localStart!.Value, pair.Mine.Zone);
        if (startsAt <= now) return Outcome.Invalid("localStart", $"{Zones.Show(startsAt, pair.Mine.Zone)} has already passed; choose a time in the future.");
        var endsAt = startsAt.AddMinutes(length);
        // Converted to a list first: SQLite keeps instants as numbers, and the end is computed from minutes.
        var planned = await db.Meetings.Where(m => m.PairingId == pair.Pairing.Id && Meeting.Planned.Contains(m.Status) && m.Id != movingMeetingId)
            .Select(m => new { m.StartsAt, m.Minutes }).ToListAsync(ct);
        if (planned.FirstOrDefault(m => m.StartsAt < endsAt && startsAt < m.StartsAt.AddMinutes(m.Minutes)) is { } clash)
            return Outcome.Conflict($"This overlaps your meeting of {Zones.Show(clash.StartsAt, pair.Mine.Zone)}. Choose another time, or move that meeting.");

        var warnings = new List<string>();
        if (pair.Mine.Zone.IsAmbiguousTime(DateTime.SpecifyKind(localStart.Value, DateTimeKind.Unspecified)))
            warnings.Add($"{localStart.Value.ToString("HH:mm", CultureInfo.InvariantCulture)} happens twice that night in {pair.Mine.Zone.Id}, as the clocks go back; "
                + $"it is read as the first, before the change: {Zones.Show(startsAt, pair.Mine.Zone)}.");
        foreach (var side in new[] { pair.Mentor, pair.Mentee })
            if (!Within(side.Availability, side.Zone, startsAt, length))
                warnings.Add(side.Role == pair.Me
                    ? $"This is outside the weekly hours you said you are free ({Zones.Show(startsAt, side.Zone)} for you)."
                    : $"This is outside the weekly hours {side.Person.Name} said they are free ({Zones.Show(startsAt, side.Zone)} for them).");
        // Allowed, because a first conversation may be how the two agree on it, but said, so the agreement comes first.
        if (!await db.Agreements.AnyAsync(a => a.PairingId == pair.Pairing.Id && a.SignedByBothAt != null, ct))
            warnings.Add("Your agreement is not signed by both of you yet: the program asks you to sign it before you meet, from the pairing's Agreement page.");
        return new Checked(startsAt, length, link, warnings);
    }

    /// <summary>An http or https address, or nothing; anything else (javascript:, a file, a typo) is refused.</summary>
    public static string? VideoLink(string? value, List<FieldError> errors)
    {
        value = value?.Trim();
        if (string.IsNullOrEmpty(value)) return null;
        if (value.Length > Meeting.MaxVideoLinkLength || !Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            errors.Add(new("videoLink", $"The video-call link must be a web address starting with https:// (at most {Meeting.MaxVideoLinkLength} characters)."));
            return null;
        }
        return uri.AbsoluteUri;
    }

    /// <summary>
    /// The sentence for a local time the clocks skip when daylight saving starts, naming the gap; null for a real time.
    /// </summary>
    public static string? Gap(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(new DateTime(local.Ticks - local.Ticks % TimeSpan.TicksPerMinute), DateTimeKind.Unspecified);
        if (!zone.IsInvalidTime(local)) return null;
        var from = local;
        while (zone.IsInvalidTime(from.AddMinutes(-1))) from = from.AddMinutes(-1);
        var to = local;
        while (zone.IsInvalidTime(to)) to = to.AddMinutes(1);
        var c = CultureInfo.InvariantCulture;
        return $"{local.ToString("HH:mm", c)} on {local.ToString("d MMMM yyyy", c)} does not exist in {zone.Id}: the clocks jump from {from.ToString("HH:mm", c)} "
            + $"to {to.ToString("HH:mm", c)} that night. Choose a time before {from.ToString("HH:mm", c)} or from {to.ToString("HH:mm", c)}.";
    }

    /// <summary>
    /// A local time on its own date to a UTC instant: the app's one wall-clock conversion (meetings, circles, nudges).
    /// A time that occurs twice (the night the clocks go back) is read as the first of the two, with the offset in force
    /// before the change, as people mean "before the change". Callers deal with the skipped hour first (refuse or move on).
    /// </summary>
    public static DateTimeOffset ToUtc(DateTime local, TimeZoneInfo zone)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local))
            return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max()).ToUniversalTime();
        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    /// <summary>Whether every local hour the meeting touches is one of the person's weekly hours (0 = Monday 00:00).</summary>
    public static bool Within(IReadOnlySet<int> hours, TimeZoneInfo zone, DateTimeOffset startsAt, int minutes)
    {
        if (hours.Count == 0) return false;
        var end = startsAt.AddMinutes(minutes);
        for (var t = startsAt; t < end; t = t.AddMinutes(15))
            if (!hours.Contains(HourOfWeek(t, zone))) return false;
        return hours.Contains(HourOfWeek(end.AddMinutes(-1), zone));
    }

    public static int HourOfWeek(DateTimeOffset at, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(at, zone);
        return ((int)local.DayOfWeek + 6) % 7 * 24 + local.Hour;
    }
}
