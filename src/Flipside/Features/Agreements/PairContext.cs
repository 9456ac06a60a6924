using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Agreements;

/// <summary>
/// A pairing as one of its two people reaches it: through <see cref="Viewer.OwnPairings"/> only, so anyone else
/// (the other pairs, program staff, sponsors) finds nothing. Agreements and goals both load their pairing this way.
/// </summary>
public sealed record PairContext(Guid PairingId, Guid CohortId, Guid ProgramId, PairingStatus Status, ParticipantRole MyRole, Guid MyPersonId,
    DateTimeOffset? PublishedAt)
{
    public bool IsRunning => Status is PairingStatus.Active or PairingStatus.Paused;

    public static Task<PairContext?> Load(Viewer viewer, Guid pairingId, CancellationToken ct)
    {
        var email = viewer.Email;
        return viewer.OwnPairings.Where(p => p.Id == pairingId)
            .Select(p => new PairContext(p.Id, p.CohortId, p.Cohort.ProgramId, p.Status,
                p.MentorEnrollment.Person.Email == email ? ParticipantRole.Mentor : ParticipantRole.Mentee,
                p.MentorEnrollment.Person.Email == email ? p.MentorEnrollment.PersonId : p.MenteeEnrollment.PersonId, p.PublishedAt))
            .FirstOrDefaultAsync(ct);
    }

    /// <summary>An ended pairing is kept as it was: its agreement and goals can be read, not changed.</summary>
    public Problem? RefuseChangeUnlessRunning(string what) => IsRunning ? null
        : Outcome.Conflict($"This pairing has {(Status == PairingStatus.Ended ? "ended" : "not started")}, so its {what} can be read but not changed.");
}
