using System.Text;
using Flipside.Domain;
using Flipside.Infrastructure.Calendar;

namespace Flipside.Features.Sessions;

/// <summary>
/// Every change to a meeting mails both partners an iCalendar file (an invite, an update or a cancellation) in their own
/// time zone, through the outbox in the same save as the change. Nothing private goes in: no notes, nothing learned.
/// </summary>
public static class MeetingEmails
{
    public const string InviteKind = "meeting-invite";
    public const string CancelKind = "meeting-cancel";
    /// <summary>The change that cancels a planned meeting because its pairing ended (<see cref="EndedPairingMeetings"/>).</summary>
    public const string PairingEnded = "Ended";

    public static void Stage(Flipside.Data.FlipsideDb db, PairContext pair, Meeting meeting, string what, string baseUrl, DateTimeOffset now)
    {
        foreach (var reader in new[] { pair.Mentor, pair.Mentee })
            db.Outbox.Add(For(pair, meeting, reader, what, baseUrl, now));
    }

    public static OutboxMessage For(PairContext pair, Meeting meeting, Side reader, string what, string baseUrl, DateTimeOffset now)
    {
        var partner = reader.Role == ParticipantRole.Mentor ? pair.Mentee : pair.Mentor;
        var cancelled = meeting.Status == MeetingStatus.Cancelled;
        var ics = MeetingCalendar.Invite(Entry(pair, meeting, baseUrl, now), reader.Zone.Id);
        var when = Zones.Show(meeting.StartsAt, reader.Zone);
        var answer = what == PairingEnded ? "There is nothing you need to do."
            : meeting.Status == MeetingStatus.Proposed && meeting.ProposedBy != reader.Role
            ? $"Please accept it, or suggest another time, on the pairing's meetings page:\n{Link(pair, baseUrl)}"
            : $"The pairing's meetings: {Link(pair, baseUrl)}";
        var subject = $"{(cancelled ? "Cancelled" : what)}: meeting with {partner.Person.Name}, {when}";
        var body = $"""
            Hello {reader.Person.Name},

            Your meeting with {partner.Person.Name} in {pair.Program.Name} {Sentence(meeting, what)}
            When: {when}, {Words.Count(meeting.Minutes, "minute")}{(meeting.VideoLink is null || cancelled ? "" : $"\nVideo call: {meeting.VideoLink}")}

            {answer}

            The attached file {(cancelled ? "removes it from" : "puts it in")} your calendar.
            """;
        return new OutboxMessage(reader.Person.Email, subject, body, null, now)
            .ForProgram(pair.Program.Id)
            .About(cancelled ? CancelKind : InviteKind, $"pairing:{pair.Pairing.Id}/meeting:{meeting.Id}/{meeting.Sequence}/{reader.Role.ToString().ToLowerInvariant()}")
            .Attach(cancelled ? "cancel.ics" : "invite.ics", cancelled ? MeetingCalendar.CancelContentType : MeetingCalendar.RequestContentType,
                Encoding.UTF8.GetBytes(ics));
    }

    public static CalendarEntry Entry(PairContext pair, Meeting meeting, string baseUrl, DateTimeOffset now)
    {
        var organizer = pair.Of(meeting.OrganizedBy);
        var accepted = meeting.Status is MeetingStatus.Accepted or MeetingStatus.Held or MeetingStatus.NotHeld;
        CalendarPerson Person(Side s) => new(s.Person.Name, s.Person.Email, accepted || s.Role == meeting.ProposedBy);
        return new(meeting.CalendarUid, meeting.Sequence, meeting.StartsAt, meeting.Minutes,
            $"{pair.Program.Name}: {pair.Mentor.Person.Name} and {pair.Mentee.Person.Name}",
            $"A reverse-mentoring meeting in {pair.Program.Name}. The {pair.Label(meeting.AgendaLedBy)} leads the agenda.",
            meeting.VideoLink, baseUrl.Length == 0 ? null : Link(pair, baseUrl), Person(organizer), [Person(pair.Mentor), Person(pair.Mentee)],
            meeting.Status == MeetingStatus.Cancelled, accepted, now);
    }

    public static string Link(PairContext pair, string baseUrl) => $"{baseUrl}/Sessions/Meetings?pairingId={pair.Pairing.Id}";

    private static string Sentence(Meeting meeting, string what) => meeting.Status switch
    {
        // The same words as the pairing's own "ended" email: nothing says who ended it, or why.
        MeetingStatus.Cancelled => what == PairingEnded ? "was cancelled, because the program has ended the pairing." : "was cancelled.",
        MeetingStatus.Accepted => "is confirmed.",
        _ => what == "Moved" ? "has a new time, waiting to be accepted." : "is proposed.",
    };
}
