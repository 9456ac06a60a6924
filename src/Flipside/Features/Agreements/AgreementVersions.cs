using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;

namespace Flipside.Features.Agreements;

/// <summary>Every version of a pairing's agreement, kept whole, and what changed between any two: for the pair only.</summary>
public static class AgreementVersions
{
    public sealed record Row(int Revision, DateTimeOffset CreatedAt, ParticipantRole? ChangedBy, DateTimeOffset? MentorSignedAt, DateTimeOffset? MenteeSignedAt);

    public sealed record One(Row Version, IReadOnlyList<AgreementSection> Sections);

    public sealed record Diff(int From, int To, IReadOnlyList<SectionChange> Changes);

    public static async Task<Outcome<IReadOnlyList<Row>>> List(Guid pairingId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await PairContext.Load(viewer, pairingId, ct) is not { } pair) return Outcome.NotFound;
        var agreement = await LoadAgreement.OrCreate(pair, db, clock, ct);
        return agreement.Revisions.OrderByDescending(r => r.Number).Select(ToRow).ToList();
    }

    public static async Task<Outcome<One>> Get(Guid pairingId, int revision, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await PairContext.Load(viewer, pairingId, ct) is not { } pair) return Outcome.NotFound;
        var found = (await LoadAgreement.OrCreate(pair, db, clock, ct)).Revisions.FirstOrDefault(r => r.Number == revision);
        return found is null ? Outcome.NotFound : new One(ToRow(found), found.Sections);
    }

    /// <summary>From a version to a later one; without "from", the version the reader last signed; without "to", the current one.</summary>
    public static async Task<Outcome<Diff>> Between(Guid pairingId, int? from, int? to, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await PairContext.Load(viewer, pairingId, ct) is not { } pair) return Outcome.NotFound;
        var agreement = await LoadAgreement.OrCreate(pair, db, clock, ct);
        var start = from ?? agreement.Revisions.Where(r => r.SignedAt(pair.MyRole) is not null).Select(r => (int?)r.Number).Max();
        if (start is null) return Outcome.Invalid("from", "You have not signed a version yet: name the version to compare from.");
        var end = to ?? agreement.CurrentRevision;
        var (a, b) = (agreement.Revisions.FirstOrDefault(r => r.Number == start), agreement.Revisions.FirstOrDefault(r => r.Number == end));
        if (a is null || b is null) return Outcome.Invalid(a is null ? "from" : "to", $"This agreement has versions 1 to {agreement.CurrentRevision}.");
        return new Diff(a.Number, b.Number, AgreementDiff.Between(a.Sections, b.Sections));
    }

    private static Row ToRow(AgreementRevision r) => new(r.Number, r.CreatedAt, r.ChangedBy, r.MentorSignedAt, r.MenteeSignedAt);
}
