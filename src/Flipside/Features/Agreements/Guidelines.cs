using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Agreements;

/// <summary>
/// A program's communication guidelines as a reader sees them: the text and its version, and whether the reader has
/// acknowledged this version. Readable by the program's staff and sponsors and by anyone enrolled in it.
/// </summary>
public static class Guidelines
{
    public sealed record View(Guid ProgramId, string ProgramName, string Text, int TextVersion, bool IsDefault, DateTimeOffset? UpdatedAt,
        int? AcknowledgedVersion, DateTimeOffset? AcknowledgedAt, bool CanEdit)
    {
        /// <summary>Acknowledged this text; an acknowledgement of an earlier text asks again.</summary>
        public bool Acknowledged => AcknowledgedVersion == TextVersion;
    }

    public static async Task<Outcome<View>> Handle(Guid programId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        var canEdit = await viewer.ManagedPrograms.AnyAsync(p => p.Id == programId, ct);
        var enrolled = await viewer.OwnEnrollments.AnyAsync(e => e.Cohort.ProgramId == programId, ct);
        if (!canEdit && !enrolled && !await viewer.SponsoredPrograms.AnyAsync(p => p.Id == programId, ct)) return Outcome.NotFound;
        var name = await db.Programs.Where(p => p.Id == programId).Select(p => p.Name).SingleAsync(ct);
        var row = await db.Guidelines.AsNoTracking().FirstOrDefaultAsync(g => g.ProgramId == programId, ct);
        var person = enrolled ? await viewer.Person(ct) : null;
        var ack = person is null ? null
            : await db.GuidelinesAcknowledgements.AsNoTracking().FirstOrDefaultAsync(a => a.ProgramId == programId && a.PersonId == person.Id, ct);
        return new View(programId, name, row?.Text ?? ProgramGuidelines.DefaultText.Trim(), row?.TextVersion ?? ProgramGuidelines.FirstTextVersion,
            row is null, row?.UpdatedAt, ack?.TextVersion, ack?.At, canEdit);
    }

    /// <summary>Whether this person has acknowledged the program's current text: signing an agreement asks for it.</summary>
    public static async Task<bool> AcknowledgedBy(Guid programId, Guid personId, FlipsideDb db, CancellationToken ct)
    {
        var current = await db.Guidelines.Where(g => g.ProgramId == programId).Select(g => (int?)g.TextVersion).FirstOrDefaultAsync(ct)
            ?? ProgramGuidelines.FirstTextVersion;
        return await db.GuidelinesAcknowledgements.AnyAsync(a => a.ProgramId == programId && a.PersonId == personId && a.TextVersion == current, ct);
    }
}
