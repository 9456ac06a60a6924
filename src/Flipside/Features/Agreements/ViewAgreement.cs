using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Agreements;

/// <summary>
/// A pairing's agreement for one of its two people: the current version, who signed it, and what changed since the
/// version the reader last signed. Nobody else reaches it, whatever their role.
/// </summary>
public static class ViewAgreement
{
    public sealed record Signature(ParticipantRole Role, string Label, string Name, DateTimeOffset? SignedAt);

    public sealed record View(Guid PairingId, Guid ProgramId, string ProgramName, ParticipantRole MyRole, int Revision,
        IReadOnlyList<AgreementSection> Sections, IReadOnlyList<Signature> Signatures, DateTimeOffset? SignedByBothAt, bool ISigned,
        int? MyLastSignedRevision, IReadOnlyList<SectionChange> ChangedSinceISigned, bool CanChange, bool GuidelinesAcknowledged);

    public static async Task<Outcome<View>> Handle(Guid pairingId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await PairContext.Load(viewer, pairingId, ct) is not { } pair) return Outcome.NotFound;
        var agreement = await LoadAgreement.OrCreate(pair, db, clock, ct);
        var names = await db.Pairings.Where(p => p.Id == pairingId)
            .Select(p => new
            {
                Mentor = p.MentorEnrollment.Person.Name, Mentee = p.MenteeEnrollment.Person.Name, p.Cohort.Program.Name,
                p.Cohort.Program.MentorLabel, p.Cohort.Program.MenteeLabel
            })
            .SingleAsync(ct);
        var current = agreement.Current;
        var mine = agreement.Revisions.Where(r => r.SignedAt(pair.MyRole) is not null).MaxBy(r => r.Number);
        var changed = mine is null || mine.Number == current.Number ? [] : AgreementDiff.Between(mine.Sections, current.Sections);
        return new View(pairingId, pair.ProgramId, names.Name, pair.MyRole, current.Number, current.Sections,
            [
                new(ParticipantRole.Mentor, names.MentorLabel, names.Mentor, current.MentorSignedAt),
                new(ParticipantRole.Mentee, names.MenteeLabel, names.Mentee, current.MenteeSignedAt),
            ],
            agreement.SignedByBothAt, current.SignedAt(pair.MyRole) is not null, mine?.Number, changed, pair.IsRunning,
            await Guidelines.AcknowledgedBy(pair.ProgramId, pair.MyPersonId, db, ct));
    }
}
