namespace Flipside.Domain;

/// <summary>
/// The window every date a person enters must fall in. A program runs in the present, so a year like 0001 or 9999
/// is a typing mistake or a probe, and left in it would break sorting, reminders and calendar feeds.
/// </summary>
public static class PlausibleDates
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2100, 12, 31);
    public const string Message = "Enter a date between the years 2000 and 2100.";

    public static bool Allows(DateOnly date) => date >= Earliest && date <= Latest;

    public static bool Allows(DateTime date) => Allows(DateOnly.FromDateTime(date));

    public static bool Allows(DateTimeOffset date) => Allows(date.UtcDateTime);
}
