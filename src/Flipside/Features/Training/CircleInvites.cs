using System.Text;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Sessions;
using Flipside.Infrastructure.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Training;

/// <summary>
/// A supervision circle in the invited mentors' calendars: each of the cohort's enrolled mentors is mailed an iCalendar
/// REQUEST when it is scheduled or moved and a CANCEL when it is cancelled, and finds it in their private feed. The
/// circle's version is the event's SEQUENCE: every saved change moves it on, so it only rises. Each mentor's file names
/// only them and the organiser, so nobody learns from it who else mentors in the cohort.
/// </summary>
public static class CircleInvites
{
    public const string InviteKind = "circle-invite";
    public const string CancelKind = "circle-cancel";

    public sealed record Invited(Guid EnrollmentId, string Name, string Email, string TimeZone);

    public static string Uid(Guid circleId) => $"circle-{circleId:N}@flipside";

    /// <summary>The mentors a circle is for: the cohort's enrolled mentors still in the organisation.</summary>
    public static Task<List<Invited>> Mentors(Guid cohortId, FlipsideDb db, CancellationToken ct) =>
        db.Enrollments.Where(e => e.CohortId == cohortId && e.Role == ParticipantRole.Mentor && e.Status == EnrollmentStatus.Enrolled
                && e.Person.Status != PersonStatus.Left)
            .OrderBy(e => e.Person.Name).Select(e => new Invited(e.Id, e.Person.Name, e.Person.Email, e.Person.TimeZone)).ToListAsync(ct);

    /// <summary>
    /// The organiser on every copy, mail and feed alike: the program's first manager with an active account (by email),
    /// named as the directory names them.
    /// </summary>
    public static async Task<CalendarPerson> Organizer(MentoringProgram program, FlipsideDb db, CancellationToken ct)
    {
        var ids = await db.Programs.Where(p => p.Id == program.Id).SelectMany(p => p.Managers.Select(m => m.UserId)).ToListAsync(ct);
        var email = await db.Users.Where(u => ids.Contains(u.Id) && u.IsActive && u.Email != null).OrderBy(u => u.Email).Select(u => u.Email!).FirstOrDefaultAsync(ct)
            ?? "no-reply@flipside.invalid";
        var lower = email.ToLowerInvariant();
        var name = await db.People.Where(p => p.Email == lower).Select(p => p.Name).FirstOrDefaultAsync(ct);
        return new(name ?? program.Name, email, true);
    }

    public static CalendarEntry Entry(SupervisionCircle circle, int sequence, MentoringProgram program, string cohortName, CalendarPerson organizer,
        Invited mentor, bool cancelled, DateTimeOffset now) =>
        new(Uid(circle.Id), sequence, circle.StartsAt, circle.Minutes, $"{program.Name}: supervision circle ({cohortName})",
            $"A group check-in for every {program.MentorLabel} of {cohortName} in {program.Name}. What is said there is not written down.",
            circle.VideoLink, null, organizer, [new CalendarPerson(mentor.Name, mentor.Email, !cancelled)], cancelled, Confirmed: true, now);

    /// <summary>Stages one mail per invited mentor, in the same save as the change. "Scheduled", "Moved" or "Cancelled".</summary>
    public static async Task Stage(FlipsideDb db, SupervisionCircle circle, int sequence, MentoringProgram program, string cohortName, string what,
        DateTimeOffset now, CancellationToken ct)
    {
        var cancelled = what == "Cancelled";
        var organizer = await Organizer(program, db, ct);
        foreach (var mentor in await Mentors(circle.CohortId, db, ct))
        {
            var zone = Zones.Of(mentor.TimeZone);
            var when = CircleTimes.Describe(circle.StartsAt, circle.Minutes, zone.Id);
            var ics = MeetingCalendar.Invite(Entry(circle, sequence, program, cohortName, organizer, mentor, cancelled, now), zone.Id);
            var sentence = what switch { "Cancelled" => "was cancelled.", "Moved" => "has a new time.", _ => "is scheduled." };
            var body = $"""
                Hello {mentor.Name},

                The supervision circle for every {program.MentorLabel} of {cohortName} in {program.Name} {sentence}
                When: {when}{(circle.VideoLink is null || cancelled ? "" : $"\nVideo call: {circle.VideoLink}")}

                What is said in the circle stays there: nothing of it is written down.

                The attached file {(cancelled ? "removes it from" : "puts it in")} your calendar.
                """;
            db.Outbox.Add(new OutboxMessage(mentor.Email, $"{what}: supervision circle, {when}", body, null, now)
                .ForProgram(program.Id)
                .About(cancelled ? CancelKind : InviteKind, $"circle:{circle.Id}/{sequence}/{mentor.EnrollmentId}")
                .Attach(cancelled ? "cancel.ics" : "invite.ics", cancelled ? MeetingCalendar.CancelContentType : MeetingCalendar.RequestContentType,
                    Encoding.UTF8.GetBytes(ics)));
        }
    }
}
