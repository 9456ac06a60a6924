using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Sessions;

namespace Flipside.Features.Nudges;

/// <summary>Someone a nudge goes to: their name, where it is sent, and the time zone it is timed in.</summary>
public sealed record Reader
{
    public required string Name { get; init; }
    public required string Email { get; init; }
    public required string TimeZone { get; init; }
    /// <summary>The directory person, where the reader is one (a manager may have only an account).</summary>
    public Guid? PersonId { get; init; }

    public TimeZoneInfo Zone => Zones.Of(TimeZone);

    /// <summary>9:00 in the reader's own time zone on the day <paramref name="days"/> after the day of <paramref name="instant"/> there.</summary>
    public DateTimeOffset MorningAfter(DateTimeOffset instant, int days) =>
        LocalTime.At(LocalTime.DateAt(instant, Zone).AddDays(days), NudgeCatalog.MorningHour, Zone);
}

/// <summary>
/// A running pairing as nudges need it: both readers and their program's words. Built with initialisers rather than a
/// constructor so that queries can still filter and join on it in SQL.
/// </summary>
public sealed record PairReaders
{
    public required Guid PairingId { get; init; }
    public required Guid ProgramId { get; init; }
    public required string ProgramName { get; init; }
    public required string MentorLabel { get; init; }
    public required string MenteeLabel { get; init; }
    public required DateTimeOffset? PublishedAt { get; init; }
    public required int CadenceWeeks { get; init; }
    /// <summary>The program's language (<see cref="ProgramLanguages"/>): its participants' nudges are written in it.</summary>
    public required string Language { get; init; }
    public required Guid MentorEnrollmentId { get; init; }
    public required Guid MenteeEnrollmentId { get; init; }
    public required Reader Mentor { get; init; }
    public required Reader Mentee { get; init; }

    /// <summary>Each partner with the other, so a nudge can name who it is about.</summary>
    public IEnumerable<(ParticipantRole Role, Reader Reader, Reader Partner)> Sides()
    {
        yield return (ParticipantRole.Mentor, Mentor, Mentee);
        yield return (ParticipantRole.Mentee, Mentee, Mentor);
    }

    public NudgeTexts Texts => NudgeTexts.For(Language);

    /// <summary>Active pairings, projected in one query.</summary>
    public static IQueryable<PairReaders> Active(FlipsideDb db) => db.Pairings.Where(p => p.Status == PairingStatus.Active)
        .Select(p => new PairReaders
        {
            PairingId = p.Id, ProgramId = p.Cohort.ProgramId, ProgramName = p.Cohort.Program.Name, MentorLabel = p.Cohort.Program.MentorLabel,
            MenteeLabel = p.Cohort.Program.MenteeLabel, PublishedAt = p.PublishedAt, CadenceWeeks = p.Cohort.Program.CadenceWeeks,
            Language = p.Cohort.Program.Language, MentorEnrollmentId = p.MentorEnrollmentId, MenteeEnrollmentId = p.MenteeEnrollmentId,
            Mentor = new Reader
            {
                Name = p.MentorEnrollment.Person.Name, Email = p.MentorEnrollment.Person.Email, TimeZone = p.MentorEnrollment.Person.TimeZone,
                PersonId = p.MentorEnrollment.PersonId,
            },
            Mentee = new Reader
            {
                Name = p.MenteeEnrollment.Person.Name, Email = p.MenteeEnrollment.Person.Email, TimeZone = p.MenteeEnrollment.Person.TimeZone,
                PersonId = p.MenteeEnrollment.PersonId,
            },
        });
}
