using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Conversations;

/// <summary>
/// The pairing a note or message belongs to, as one of its two partners sees it. Found only through
/// <see cref="Viewer.OwnPairings"/>: for program managers, administrators and sponsors outside the pair it does not
/// exist, whatever their role, so no page or endpoint of this feature can show them content.
/// </summary>
public sealed record PairConversation(Guid PairingId, PairingStatus Status, ParticipantRole Me, Guid ProgramId, string ProgramName,
    string MyName, string MyTimeZone, string PartnerName, string PartnerEmail, string PartnerLabel, string MyLabel)
{
    public bool IsWritable => Pairing.Running.Contains(Status);
    public string PartnerFirstName => PartnerName.Split(' ')[0];

    public static async Task<PairConversation?> Find(Guid pairingId, Viewer viewer, CancellationToken ct)
    {
        var row = await viewer.OwnPairings.Where(p => p.Id == pairingId).Select(p => new
        {
            p.Status, p.Cohort.ProgramId, Program = p.Cohort.Program.Name, p.Cohort.Program.MentorLabel, p.Cohort.Program.MenteeLabel,
            IAmMentor = p.MentorEnrollment.Person.Email == viewer.Email,
            MentorName = p.MentorEnrollment.Person.Name, MentorEmail = p.MentorEnrollment.Person.Email, MentorZone = p.MentorEnrollment.Person.TimeZone,
            MenteeName = p.MenteeEnrollment.Person.Name, MenteeEmail = p.MenteeEnrollment.Person.Email, MenteeZone = p.MenteeEnrollment.Person.TimeZone,
        }).FirstOrDefaultAsync(ct);
        if (row is null) return null;
        return row.IAmMentor
            ? new(pairingId, row.Status, ParticipantRole.Mentor, row.ProgramId, row.Program, row.MentorName, row.MentorZone, row.MenteeName, row.MenteeEmail,
                row.MenteeLabel, row.MentorLabel)
            : new(pairingId, row.Status, ParticipantRole.Mentee, row.ProgramId, row.Program, row.MenteeName, row.MenteeZone, row.MentorName, row.MentorEmail,
                row.MentorLabel, row.MenteeLabel);
    }

    /// <summary>A time as the reader's own clock shows it; the directory's zone, or UTC when it names none this machine knows.</summary>
    public string Local(DateTimeOffset at) => TimeZoneInfo.TryFindSystemTimeZoneById(MyTimeZone, out var zone)
        ? TimeZoneInfo.ConvertTime(at, zone).ToString("d MMM yyyy, HH:mm", System.Globalization.CultureInfo.InvariantCulture)
        : at.UtcDateTime.ToString("d MMM yyyy, HH:mm 'UTC'", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Empty text and text over the limit are refused with words naming the limit; checked before anything is sealed.</summary>
    public static Problem? CheckText(string? text, string what, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return Outcome.Invalid("text", $"Write something first: {what} cannot be empty.");
        if (text.Length > max)
            return Outcome.Invalid("text", $"{Capital(what)} holds at most {max:N0} characters; this one has {text.Length:N0}. Shorten it or split it in two.");
        return null;
    }

    private static string Capital(string what) => char.ToUpperInvariant(what[0]) + what[1..];

    /// <summary>Shown in place of a text that does not open, instead of failing the whole page or showing something wrong.</summary>
    public const string Unreadable = "This text cannot be opened: its stored bytes were changed or belong to another record. Nothing was shown in its place.";
}
