using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Agreements;

/// <summary>
/// Where each pairing's agreement stands, without a word of its content: for the cohort's program staff, and for a
/// nudge job that reminds pairs who have not both signed.
/// </summary>
public static class AgreementStatus
{
    /// <summary>The nudge goes to pairs still unsigned a week after publishing.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromDays(7);

    public sealed record Row(Guid PairingId, string MentorName, string MenteeName, PairingStatus Status, int? Revision,
        DateTimeOffset? MentorSignedAt, DateTimeOffset? MenteeSignedAt, DateTimeOffset? SignedByBothAt, bool MentorAcknowledgedGuidelines,
        bool MenteeAcknowledgedGuidelines);

    public sealed record Unsigned(Guid PairingId, Guid CohortId, DateTimeOffset PublishedAt, bool MentorSigned, bool MenteeSigned);

    /// <summary>Every published pairing of a cohort the viewer manages; null when the cohort is not theirs to see.</summary>
    public static async Task<Outcome<IReadOnlyList<Row>>> OfCohort(Guid cohortId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        var cohort = await viewer.ManagedCohorts.Where(c => c.Id == cohortId).Select(c => new { c.ProgramId }).FirstOrDefaultAsync(ct);
        if (cohort is null) return Outcome.NotFound;
        var textVersion = await db.Guidelines.Where(g => g.ProgramId == cohort.ProgramId).Select(g => (int?)g.TextVersion).FirstOrDefaultAsync(ct)
            ?? ProgramGuidelines.FirstTextVersion;
        var acknowledged = db.GuidelinesAcknowledgements.Where(a => a.ProgramId == cohort.ProgramId && a.TextVersion == textVersion);
        var rows = await db.Pairings.Where(p => p.CohortId == cohortId && p.PublishedAt != null)
            .OrderBy(p => p.MenteeEnrollment.Person.Name)
            .Select(p => new
            {
                p.Id, Mentor = p.MentorEnrollment.Person.Name, Mentee = p.MenteeEnrollment.Person.Name, p.Status,
                Agreement = db.Agreements.Where(a => a.PairingId == p.Id)
                    .Select(a => new { a.CurrentRevision, a.SignedByBothAt, Current = a.Revisions.First(r => r.Number == a.CurrentRevision) })
                    .Select(a => new { a.CurrentRevision, a.SignedByBothAt, a.Current.MentorSignedAt, a.Current.MenteeSignedAt })
                    .FirstOrDefault(),
                MentorAck = acknowledged.Any(a => a.PersonId == p.MentorEnrollment.PersonId),
                MenteeAck = acknowledged.Any(a => a.PersonId == p.MenteeEnrollment.PersonId),
            })
            .ToListAsync(ct);
        return rows.Select(r => new Row(r.Id, r.Mentor, r.Mentee, r.Status, r.Agreement?.CurrentRevision, r.Agreement?.MentorSignedAt,
            r.Agreement?.MenteeSignedAt, r.Agreement?.SignedByBothAt, r.MentorAck, r.MenteeAck)).ToList();
    }

    /// <summary>
    /// Running pairings published at least <see cref="Grace"/> before <paramref name="now"/> whose agreement is not signed
    /// by both, including those whose agreement nobody has opened yet. A reminder job reads this and marks what it sent.
    /// </summary>
    public static async Task<IReadOnlyList<Unsigned>> UnsignedAt(FlipsideDb db, DateTimeOffset now, CancellationToken ct)
    {
        var publishedBefore = now - Grace;
        var rows = await db.Pairings
            .Where(p => (p.Status == PairingStatus.Active || p.Status == PairingStatus.Paused) && p.PublishedAt != null)
            .Where(p => !db.Agreements.Any(a => a.PairingId == p.Id && a.SignedByBothAt != null))
            .Select(p => new { p.Id, p.CohortId, PublishedAt = p.PublishedAt!.Value })
            .ToListAsync(ct);
        // Compared here: SQLite stores these instants as numbers that order only within one offset.
        rows = [.. rows.Where(r => r.PublishedAt <= publishedBefore)];
        var ids = rows.Select(r => r.Id).ToList();
        var signatures = await db.AgreementRevisions
            .Where(r => ids.Contains(r.PairingId) && db.Agreements.Any(a => a.PairingId == r.PairingId && a.CurrentRevision == r.Number))
            .Select(r => new { r.PairingId, r.MentorSignedAt, r.MenteeSignedAt })
            .ToDictionaryAsync(r => r.PairingId, ct);
        return rows.Select(r => signatures.TryGetValue(r.Id, out var s)
            ? new Unsigned(r.Id, r.CohortId, r.PublishedAt, s.MentorSignedAt is not null, s.MenteeSignedAt is not null)
            : new Unsigned(r.Id, r.CohortId, r.PublishedAt, false, false)).ToList();
    }
}
