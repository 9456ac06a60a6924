using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Agreements;

/// <summary>
/// The one email an agreement sends: the partner is asked to read and sign the new version. It quotes no section,
/// because administrators can read every email in the outbox and some sections are the pair's alone.
/// </summary>
public static class AgreementEmails
{
    public const string ChangedKind = "agreement-changed";

    public static async Task AskPartnerToSignAgain(PairContext pair, int revision, string baseUrl, FlipsideDb db, DateTimeOffset now, CancellationToken ct)
    {
        var p = await db.Pairings.Where(x => x.Id == pair.PairingId)
            .Select(x => new { x.Cohort.Program.Name, Mentor = x.MentorEnrollment.Person, Mentee = x.MenteeEnrollment.Person })
            .SingleAsync(ct);
        var (partner, editor) = pair.MyRole == ParticipantRole.Mentor ? (p.Mentee, p.Mentor) : (p.Mentor, p.Mentee);
        db.Outbox.Add(new OutboxMessage(partner.Email, $"Your agreement in {p.Name} changed: please sign again", $"""
            Hello {partner.Name},

            {editor.Name} changed your pairing's agreement in {p.Name}; it is now version {revision}.
            Any change asks both of you to sign again. The page shows what changed since the version you signed.

            Your agreement: {baseUrl}/Agreements/Agreement?pairingId={pair.PairingId}
            """, null, now).ForProgram(pair.ProgramId).About(ChangedKind, $"pairing:{pair.PairingId}/v{revision}"));
    }
}
