using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Pairings;

/// <summary>
/// A participant's own published pairings: the partner's name, title, department and time zone, the profile
/// fields a partner may see (what they teach or want to learn, interests, languages, style), and why they were
/// matched in the reader's own words. An ended pairing says only that it ended, unless the reader ended it.
/// </summary>
public static class MyPairings
{
    public sealed record Partner(string Name, string Title, string Department, string TimeZone, string Email, IReadOnlyList<string> Topics,
        IReadOnlyList<string> Interests, IReadOnlyList<string> Languages, int CommunicationStyle, MeetingMode MeetingMode);

    public sealed record Item(Guid PairingId, Guid CohortId, string ProgramName, string CohortName, ParticipantRole MyRole, string PartnerLabel,
        PairingStatus Status, DateTimeOffset? PublishedAt, Partner Partner, IReadOnlyList<string> Reasons, string? Ended, bool IMakeFirstContact,
        bool PausedByMe);

    public static async Task<IReadOnlyList<Item>> List(Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        var rows = await viewer.OwnPairings.OrderByDescending(p => p.PublishedAt)
            .Select(p => new
            {
                p.Id, p.CohortId, Program = p.Cohort.Program.Name, Cohort = p.Cohort.Name, p.Cohort.Program.MentorLabel, p.Cohort.Program.MenteeLabel,
                p.Cohort.Program.FirstContactBy, p.Status, p.PublishedAt, p.EndedBy, p.MenteeReasons, p.MentorReasons,
                IAmMentor = p.MentorEnrollment.Person.Email == viewer.Email,
                MentorEnrollment = p.MentorEnrollmentId, MenteeEnrollment = p.MenteeEnrollmentId,
            })
            .ToListAsync(ct);
        var partnerEnrollments = rows.Select(r => r.IAmMentor ? r.MenteeEnrollment : r.MentorEnrollment).ToList();
        var partners = await db.Enrollments.Where(e => partnerEnrollments.Contains(e.Id))
            .Select(e => new
            {
                e.Id, e.Person.Name, e.Person.Title, e.Person.Department, e.Person.TimeZone, e.Person.Email,
                Topics = e.Profile != null ? e.Profile.Topics.OrderBy(t => t.Level).ThenBy(t => t.Name).Select(t => t.Name).ToList() : new List<string>(),
                Interests = e.Profile != null ? e.Profile.Interests : new List<string>(),
                Languages = e.Profile != null ? e.Profile.Languages : new List<string>(),
                Style = e.Profile != null ? e.Profile.CommunicationStyle : 3,
                Mode = e.Profile != null ? e.Profile.MeetingMode : MeetingMode.Either,
            })
            .ToDictionaryAsync(e => e.Id, ct);
        return [.. rows.Select(r =>
        {
            var myRole = r.IAmMentor ? ParticipantRole.Mentor : ParticipantRole.Mentee;
            var p = partners[r.IAmMentor ? r.MenteeEnrollment : r.MentorEnrollment];
            // Whoever ended it knows they did; the partner learns only that the program ended it.
            var mySide = r.IAmMentor ? PairingActor.Mentor : PairingActor.Mentee;
            string? ended = r.Status != PairingStatus.Ended ? null : r.EndedBy == mySide ? "You ended this pairing." : "The program has ended this pairing.";
            bool ongoing = r.Status is PairingStatus.Active or PairingStatus.Paused;
            return new Item(r.Id, r.CohortId, r.Program, r.Cohort, myRole, r.IAmMentor ? r.MenteeLabel : r.MentorLabel, r.Status, r.PublishedAt,
                new Partner(p.Name, p.Title, p.Department, p.TimeZone, ongoing ? p.Email : "", p.Topics, p.Interests, p.Languages, p.Style, p.Mode),
                r.IAmMentor ? r.MentorReasons : r.MenteeReasons, ended, r.FirstContactBy == myRole,
                r.Status == PairingStatus.Paused && r.EndedBy == mySide);
        })];
    }
}
