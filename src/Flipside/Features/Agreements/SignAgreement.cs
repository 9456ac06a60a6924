using Flipside.Data;
using Flipside.Features.Shared;

namespace Flipside.Features.Agreements;

/// <summary>
/// One partner signs the version they read. The version goes with the request: a version that is no longer current,
/// a second signature by the same person and a partner who has not acknowledged the guidelines are each refused.
/// </summary>
public static class SignAgreement
{
    public sealed record Request(Guid PairingId, int? Revision);

    public sealed record Signed(int Revision, DateTimeOffset? SignedByBothAt);

    public static async Task<Outcome<Signed>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await PairContext.Load(viewer, r.PairingId, ct) is not { } pair) return Outcome.NotFound;
        if (r.Revision is not { } revision) return Outcome.Invalid("revision", "Send the revision you read and are signing, as the agreement gave it.");
        if (pair.RefuseChangeUnlessRunning("agreement") is { } ended) return ended;
        if (!await Guidelines.AcknowledgedBy(pair.ProgramId, pair.MyPersonId, db, ct))
            return Outcome.Conflict("Read and acknowledge the program's communication guidelines before signing the agreement.");
        var agreement = await LoadAgreement.OrCreate(pair, db, clock, ct);
        var now = clock.GetUtcNow();
        agreement.Sign(pair.MyRole, revision, now);
        // A first signature changes only the revision row; moving the agreement's version makes two signatures at the same
        // moment conflict, so the second is retried and sees the first (otherwise neither would record "signed by both").
        agreement.Version++;
        db.Record(viewer, now, "agreement.signed", "Pairing", pair.PairingId,
            $"version {revision} signed by the {pair.MyRole.ToString().ToLowerInvariant()}{(agreement.SignedByBothAt is null ? "" : ", now signed by both")}");
        await db.SaveChangesAsync(ct);
        return new Signed(revision, agreement.SignedByBothAt);
    }
}
