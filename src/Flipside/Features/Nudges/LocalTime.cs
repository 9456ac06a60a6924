namespace Flipside.Features.Nudges;

/// <summary>Instants for "9 in the morning where the reader is", daylight-saving changes included.</summary>
public static class LocalTime
{
    /// <summary>
    /// The instant the wall clock in <paramref name="zone"/> shows <paramref name="time"/> on <paramref name="date"/>.
    /// A time skipped by a spring-forward change moves on to the first valid minute after it; a time that happens
    /// twice in the autumn is its first occurrence.
    /// </summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        while (zone.IsInvalidTime(local)) local = local.AddMinutes(1);
        return Sessions.MeetingTimes.ToUtc(local, zone);
    }

    /// <summary>The date the wall clock in <paramref name="zone"/> shows at <paramref name="instant"/>.</summary>
    public static DateOnly DateAt(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);
}
