using Flipside.Domain;

namespace Flipside.Features.People;

/// <summary>How a person's status is written by people: in files, filters and on pages.</summary>
public static class PersonStatusText
{
    public const string Accepted = "active, on leave or left";

    /// <summary>Accepts "active", "on leave" (also on_leave, on-leave, onleave) and "left", in any case.</summary>
    public static bool TryParse(string? text, out PersonStatus status)
    {
        var key = (text ?? "").Trim().ToLowerInvariant().Replace(" ", "", StringComparison.Ordinal)
            .Replace("_", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        (var known, status) = key switch
        {
            "active" => (true, PersonStatus.Active),
            "onleave" => (true, PersonStatus.OnLeave),
            "left" => (true, PersonStatus.Left),
            _ => (false, PersonStatus.Active),
        };
        return known;
    }

    public static string Describe(PersonStatus status) => status switch
    {
        PersonStatus.OnLeave => "On leave",
        PersonStatus.Left => "Left",
        _ => "Active",
    };

    /// <summary>The value a query string or file would carry, e.g. "on-leave".</summary>
    public static string Slug(PersonStatus status) => status switch
    {
        PersonStatus.OnLeave => "on-leave",
        PersonStatus.Left => "left",
        _ => "active",
    };
}
