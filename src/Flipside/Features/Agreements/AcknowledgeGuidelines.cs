using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Agreements;

/// <summary>
/// A participant acknowledges the program's guidelines as they read them: the text version goes with the request,
/// so a text that changed in between is refused and shown again rather than acknowledged unread.
/// </summary>
public static class AcknowledgeGuidelines
{
    public sealed record Request(Guid ProgramId, int? TextVersion);

    public static async Task<Outcome<Done>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!await viewer.OwnEnrollments.AnyAsync(e => e.Cohort.ProgramId == r.ProgramId, ct) || await viewer.Person(ct) is not { } person)
            return Outcome.NotFound;
        if (r.TextVersion is not { } read) return Outcome.Invalid("textVersion", "Send the textVersion you read, as the guidelines gave it.");
        var current = await db.Guidelines.Where(g => g.ProgramId == r.ProgramId).Select(g => (int?)g.TextVersion).FirstOrDefaultAsync(ct)
            ?? ProgramGuidelines.FirstTextVersion;
        if (read != current)
            return Outcome.Conflict($"The guidelines changed since you opened them (version {read}; they are now at version {current}). Read them again, then acknowledge.");
        var ack = await db.GuidelinesAcknowledgements.FirstOrDefaultAsync(a => a.ProgramId == r.ProgramId && a.PersonId == person.Id, ct);
        if (ack is null) db.GuidelinesAcknowledgements.Add(ack = new GuidelinesAcknowledgement(r.ProgramId, person.Id));
        ack.Acknowledge(current, clock.GetUtcNow());
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }
}
