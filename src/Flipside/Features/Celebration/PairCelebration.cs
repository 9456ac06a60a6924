using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Celebration;

/// <summary>
/// A published pairing as one of its two partners sees it, with what celebrating it needs: both names, the program,
/// the cohort's dates and the program's focus areas. Found only through <see cref="Viewer.OwnPairings"/>, so for
/// anyone outside the pair, staff included, it does not exist.
/// </summary>
public sealed record PairCelebration(Guid PairingId, PairingStatus Status, DateTimeOffset? EndedAt, ParticipantRole Me, Guid ProgramId, string ProgramName,
    IReadOnlyList<string> FocusAreas, string CohortName, DateOnly StartsOn, DateOnly EndsOn, string MyName, string MyEmail, string PartnerName, string PartnerEmail,
    string MyLabel, string PartnerLabel)
{
    public ParticipantRole Partner => Me == ParticipantRole.Mentor ? ParticipantRole.Mentee : ParticipantRole.Mentor;
    public string PartnerFirstName => PartnerName.Split(' ')[0];
    public string MentorName => Me == ParticipantRole.Mentor ? MyName : PartnerName;
    public string MenteeName => Me == ParticipantRole.Mentee ? MyName : PartnerName;

    public static async Task<PairCelebration?> Find(Guid pairingId, Viewer viewer, CancellationToken ct)
    {
        var row = await viewer.OwnPairings.Where(p => p.Id == pairingId).Select(p => new
        {
            p.Status, p.EndedAt, p.Cohort.ProgramId, Program = p.Cohort.Program.Name, p.Cohort.Program.FocusAreas, p.Cohort.Program.MentorLabel,
            p.Cohort.Program.MenteeLabel, Cohort = p.Cohort.Name, p.Cohort.StartsOn, p.Cohort.EndsOn,
            IAmMentor = p.MentorEnrollment.Person.Email == viewer.Email,
            MentorName = p.MentorEnrollment.Person.Name, MentorEmail = p.MentorEnrollment.Person.Email,
            MenteeName = p.MenteeEnrollment.Person.Name, MenteeEmail = p.MenteeEnrollment.Person.Email,
        }).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        return row.IAmMentor
            ? new(pairingId, row.Status, row.EndedAt, ParticipantRole.Mentor, row.ProgramId, row.Program, row.FocusAreas, row.Cohort, row.StartsOn, row.EndsOn,
                row.MentorName, row.MentorEmail, row.MenteeName, row.MenteeEmail, row.MentorLabel, row.MenteeLabel)
            : new(pairingId, row.Status, row.EndedAt, ParticipantRole.Mentee, row.ProgramId, row.Program, row.FocusAreas, row.Cohort, row.StartsOn, row.EndsOn,
                row.MenteeName, row.MenteeEmail, row.MentorName, row.MentorEmail, row.MenteeLabel, row.MentorLabel);
    }

    /// <summary>Focus areas must be the program's own, so the showcase can group by them; returns the unknown ones.</summary>
    public IReadOnlyList<string> Unknown(IEnumerable<string> areas) => [.. areas.Where(a => !FocusAreas.Contains(a))];

    public static string Day(DateOnly d) => d.ToString("d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture);
}
