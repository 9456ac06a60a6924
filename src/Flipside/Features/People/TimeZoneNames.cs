namespace Flipside.Features.People;

/// <summary>
/// Turns the time-zone names HR systems export into the canonical IANA name Flipside stores, so that two people in
/// one city share one zone name (matching and scheduling compare them) whatever the file called it.
/// </summary>
internal static class TimeZoneNames
{
    /// <summary>The canonical IANA name, or why the name is refused and what to write instead.</summary>
    public readonly record struct Found(string? Iana, string? Problem, string? Fix);

    /// <summary>
    /// Old names that tzdata still accepts as links (its "backward" file). .NET resolves them on Linux but keeps the old
    /// name as the zone's id and offers no way to canonicalise it, so the common ones are listed here.
    /// </summary>
    private static readonly Dictionary<string, string> Legacy = new(StringComparer.OrdinalIgnoreCase)
    {
        ["US/Eastern"] = "America/New_York", ["US/Central"] = "America/Chicago", ["US/Mountain"] = "America/Denver",
        ["US/Pacific"] = "America/Los_Angeles", ["US/Alaska"] = "America/Anchorage", ["US/Hawaii"] = "Pacific/Honolulu",
        ["US/Arizona"] = "America/Phoenix", ["US/East-Indiana"] = "America/Indiana/Indianapolis", ["US/Michigan"] = "America/Detroit",
        ["US/Aleutian"] = "America/Adak", ["US/Samoa"] = "Pacific/Pago_Pago",
        ["Canada/Eastern"] = "America/Toronto", ["Canada/Central"] = "America/Winnipeg", ["Canada/Mountain"] = "America/Edmonton",
        ["Canada/Pacific"] = "America/Vancouver", ["Canada/Atlantic"] = "America/Halifax", ["Canada/Newfoundland"] = "America/St_Johns",
        ["EST5EDT"] = "America/New_York", ["CST6CDT"] = "America/Chicago", ["MST7MDT"] = "America/Denver", ["PST8PDT"] = "America/Los_Angeles",
        ["Brazil/East"] = "America/Sao_Paulo", ["Mexico/General"] = "America/Mexico_City", ["America/Buenos_Aires"] = "America/Argentina/Buenos_Aires",
        ["GB"] = "Europe/London", ["Europe/Kiev"] = "Europe/Kyiv", ["Asia/Calcutta"] = "Asia/Kolkata", ["Asia/Saigon"] = "Asia/Ho_Chi_Minh",
        ["Asia/Katmandu"] = "Asia/Kathmandu", ["Asia/Rangoon"] = "Asia/Yangon", ["Singapore"] = "Asia/Singapore", ["Japan"] = "Asia/Tokyo",
        ["PRC"] = "Asia/Shanghai", ["ROK"] = "Asia/Seoul", ["Hongkong"] = "Asia/Hong_Kong", ["Israel"] = "Asia/Jerusalem",
        ["Australia/ACT"] = "Australia/Sydney", ["Australia/NSW"] = "Australia/Sydney", ["NZ"] = "Pacific/Auckland",
    };

    /// <summary>
    /// Abbreviations people write for a region's time. Those that tzdata accepts (EST, MST, HST) are fixed offsets that
    /// never move to daylight saving, so "EST" would put New York an hour out all summer: refused, with the zone meant.
    /// </summary>
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EST"] = "America/New_York", ["EDT"] = "America/New_York", ["CST"] = "America/Chicago", ["CDT"] = "America/Chicago",
        ["MST"] = "America/Denver", ["MDT"] = "America/Denver", ["PST"] = "America/Los_Angeles", ["PDT"] = "America/Los_Angeles",
        ["HST"] = "Pacific/Honolulu", ["AKST"] = "America/Anchorage", ["AKDT"] = "America/Anchorage",
        ["BST"] = "Europe/London", ["IST"] = "Asia/Kolkata", ["CEST"] = "Europe/Paris", ["AEST"] = "Australia/Sydney", ["JST"] = "Asia/Tokyo",
    };

    private const string Example = "Write an IANA time zone name such as Europe/London, America/New_York or Asia/Singapore.";

    public static Found Canonical(string name)
    {
        var known = TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone);
        if (Abbreviations.TryGetValue(name, out var meant) && (!known || !zone!.SupportsDaylightSavingTime))
            return new(null, known
                    ? $"{name} has no daylight saving; did you mean {meant}? A fixed offset puts people an hour out for half the year."
                    : $"{name} is an abbreviation, not a time zone; did you mean {meant}?",
                $"Write the zone of the place, such as {meant}, which follows its daylight saving.");
        if (Legacy.TryGetValue(name, out var current) && TimeZoneInfo.TryFindSystemTimeZoneById(current, out _)) return new(current, null, null);
        if (!known) return new(null, "This is not a time zone this server knows.", Example);
        // Windows names (e.g. "GMT Standard Time") are understood but stored as the IANA name the rest of Flipside uses.
        if (zone!.HasIanaId) return new(zone.Id, null, null);
        return TimeZoneInfo.TryConvertWindowsIdToIanaId(zone.Id, out var iana)
            ? new(iana, null, null)
            : new(null, "This is not a time zone this server knows.", Example);
    }
}
