using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Flipside.Infrastructure.Calendar;

/// <summary>Someone on an invite: the organiser or an attendee, with whether they have accepted the time.</summary>
public sealed record CalendarPerson(string Name, string Email, bool Accepted);

/// <summary>One meeting as a calendar event. The UID never changes; the sequence rises with every change.</summary>
public sealed record CalendarEntry(string Uid, int Sequence, DateTimeOffset StartsAt, int Minutes, string Summary, string Description,
    string? VideoLink, string? Url, CalendarPerson Organizer, IReadOnlyList<CalendarPerson> Attendees, bool Cancelled, bool Confirmed,
    DateTimeOffset Stamp);

/// <summary>
/// iCalendar text (RFC 5545, RFC 5546 for METHOD) for invites, updates, cancellations and feeds, with the times written
/// in the reader's own zone and that zone's VTIMEZONE, so Outlook, Google and Apple show the meeting where it belongs.
/// </summary>
public static class MeetingCalendar
{
    public const string ProductId = "-//Flipside//Reverse mentoring//EN";
    public const string RequestContentType = "text/calendar; method=REQUEST; charset=utf-8";
    public const string CancelContentType = "text/calendar; method=CANCEL; charset=utf-8";

    /// <summary>METHOD:REQUEST for a new or changed meeting, METHOD:CANCEL with STATUS:CANCELLED for a cancelled one.</summary>
    public static string Invite(CalendarEntry entry, string timeZoneId)
    {
        var calendar = New(timeZoneId, entry.StartsAt);
        calendar.Method = entry.Cancelled ? "CANCEL" : "REQUEST";
        calendar.Events.Add(Event(entry, timeZoneId));
        return new CalendarSerializer(calendar).SerializeToString()!;
    }

    /// <summary>A subscribed feed: every meeting, cancelled ones marked so, without METHOD (a feed is published, not sent).</summary>
    public static string Feed(string name, IEnumerable<CalendarEntry> entries, string timeZoneId)
    {
        var list = entries.ToList();
        var calendar = New(timeZoneId, list.Count == 0 ? DateTimeOffset.UnixEpoch : list.Min(e => e.StartsAt));
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", timeZoneId);
        foreach (var entry in list) calendar.Events.Add(Event(entry, timeZoneId));
        return new CalendarSerializer(calendar).SerializeToString()!;
    }

    private static Ical.Net.Calendar New(string timeZoneId, DateTimeOffset earliest)
    {
        var calendar = new Ical.Net.Calendar { ProductId = ProductId };
        // The VTIMEZONE covers the meetings' dates (a year back, for a feed's history), daylight-saving rules included.
        if (timeZoneId != "UTC") calendar.AddTimeZone(timeZoneId, earliest.UtcDateTime.AddYears(-1), includeHistoricalData: false);
        return calendar;
    }

    private static CalendarEvent Event(CalendarEntry entry, string timeZoneId)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(timeZoneId, out var z) ? z : TimeZoneInfo.Utc;
        CalDateTime At(DateTimeOffset instant) => zone == TimeZoneInfo.Utc
            ? new CalDateTime(instant.UtcDateTime, "UTC", hasTime: true)
            : new CalDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime, zone.Id, hasTime: true);
        var description = entry.VideoLink is null ? entry.Description : $"{entry.Description}\n\nVideo call: {entry.VideoLink}";
        var e = new CalendarEvent
        {
            Uid = entry.Uid,
            Sequence = entry.Sequence,
            DtStamp = new CalDateTime(entry.Stamp.UtcDateTime, "UTC", hasTime: true),
            DtStart = At(entry.StartsAt),
            DtEnd = At(entry.StartsAt.AddMinutes(entry.Minutes)),
            Summary = entry.Summary,
            Description = description,
            Location = entry.VideoLink,
            Status = entry.Cancelled ? "CANCELLED" : entry.Confirmed ? "CONFIRMED" : "TENTATIVE",
            Organizer = new Organizer("mailto:" + entry.Organizer.Email) { CommonName = entry.Organizer.Name },
        };
        if (entry.Url is not null) e.Url = new Uri(entry.Url);
        foreach (var a in entry.Attendees)
            e.Attendees.Add(new Attendee("mailto:" + a.Email)
            {
                CommonName = a.Name,
                Role = "REQ-PARTICIPANT",
                ParticipationStatus = a.Accepted ? "ACCEPTED" : "NEEDS-ACTION",
                Rsvp = !a.Accepted && !entry.Cancelled,
            });
        return e;
    }
}
