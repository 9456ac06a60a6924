using System.Globalization;

namespace Flipside.Features.Training;

/// <summary>A circle's time read in a person's own time zone, and a local time entered by the manager read back as an instant.</summary>
public static class CircleTimes
{
    /// <summary>"Tuesday 12 January 2027, 14:00–15:00 (Europe/London)".</summary>
    public static string Describe(DateTimeOffset startsAt, int minutes, string? timeZone)
    {
        var zone = Sessions.Zones.Of(timeZone ?? "");
        var start = TimeZoneInfo.ConvertTime(startsAt, zone);
        // The end converted on its own: a circle across a clock change ends at the wall time the clocks then show.
        var end = TimeZoneInfo.ConvertTime(startsAt.AddMinutes(minutes), zone);
        return string.Create(CultureInfo.InvariantCulture, $"{start:dddd d MMMM yyyy, HH:mm}–{end:HH:mm} ({zone.Id})");
    }

    /// <summary>The instant of a local date and time in a zone; null for a time the clocks skip (the spring-forward hour).</summary>
    public static DateTimeOffset? ToInstant(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return zone.IsInvalidTime(local) ? null : Sessions.MeetingTimes.ToUtc(local, zone);
    }
}
