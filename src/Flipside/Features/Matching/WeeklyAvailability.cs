using Flipside.Matching.Profiles;

namespace Flipside.Features.Matching;

/// <summary>
/// Turns a profile's weekly hours, kept in the person's own time zone, into the engine's UTC week. An offset
/// depends on the date (daylight saving), so the hours are placed in one reference week and converted there:
/// London 09:00 is 09:00 UTC in January and 08:00 UTC in July.
/// </summary>
public static class WeeklyAvailability
{
    /// <summary>The Monday that starts the week holding <paramref name="day"/>.</summary>
    public static DateOnly WeekOf(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));

    /// <summary>
    /// Local hours of the week (0 = Monday 00:00 … 167 = Sunday 23:00) in <paramref name="zone"/>, as UTC time of
    /// the week that starts on <paramref name="monday"/>.
    /// </summary>
    public static WeekHours ToUtc(IEnumerable<int> localHours, TimeZoneInfo zone, DateOnly monday)
    {
        var weekStartUtc = monday.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var localMonday = monday.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return WeekHours.FromUtcSpans(localHours.Select(h =>
        {
            var local = localMonday.AddHours(h);
            // An hour the clocks skip when daylight saving starts still means that hour of an ordinary week:
            // ConvertTimeToUtc refuses it, the zone's standard offset places it.
            var utc = zone.IsInvalidTime(local) ? local - zone.BaseUtcOffset : TimeZoneInfo.ConvertTimeToUtc(local, zone);
            return ((int)(utc - weekStartUtc).TotalMinutes, 60);
        }));
    }
}
