using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Agreements;

/// <summary>
/// A pairing's agreement with its revisions, written from the program the first time either partner opens it, so the
/// version they read is the version they sign.
/// </summary>
public static class LoadAgreement
{
    public static async Task<Agreement> OrCreate(PairContext pair, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await Find(pair.PairingId, db, ct) is { } found) return found;
        var program = await db.Programs.SingleAsync(p => p.Id == pair.ProgramId, ct);
        var sides = await db.Pairings.Where(p => p.Id == pair.PairingId)
            .Select(p => new
            {
                Mentor = new AgreementDraft.Side(p.MentorEnrollment.Person.Name, p.MentorEnrollment.Profile != null ? p.MentorEnrollment.Profile.CommunicationStyle : 3,
                    p.MentorEnrollment.Profile != null ? p.MentorEnrollment.Profile.MeetingMode : MeetingMode.Either),
                Leader = new AgreementDraft.Side(p.MenteeEnrollment.Person.Name, p.MenteeEnrollment.Profile != null ? p.MenteeEnrollment.Profile.CommunicationStyle : 3,
                    p.MenteeEnrollment.Profile != null ? p.MenteeEnrollment.Profile.MeetingMode : MeetingMode.Either),
            })
            .SingleAsync(ct);
        var now = clock.GetUtcNow();
        var agreement = new Agreement(pair.PairingId, AgreementDraft.For(program, pair.PublishedAt ?? now, sides.Mentor, sides.Leader), now);
        db.Agreements.Add(agreement);
        try
        {
            await db.SaveChangesAsync(ct);
            return agreement;
        }
        catch (DbUpdateException)
        {
            // The partner opened it at the same moment: theirs was saved first, and both read that one.
            db.ChangeTracker.Clear();
            return await Find(pair.PairingId, db, ct) ?? throw new InvalidOperationException("The agreement was neither saved nor found.");
        }
    }

    private static Task<Agreement?> Find(Guid pairingId, FlipsideDb db, CancellationToken ct) =>
        db.Agreements.Include(a => a.Revisions).FirstOrDefaultAsync(a => a.PairingId == pairingId, ct);
}
