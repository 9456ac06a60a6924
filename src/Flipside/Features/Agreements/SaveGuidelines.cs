using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Agreements;

/// <summary>
/// A program manager rewrites the program's guidelines. The form carries the text version it was opened at, so a
/// second manager's save over the first is refused; a real change asks every participant to acknowledge again.
/// </summary>
public static class SaveGuidelines
{
    public sealed record Request(Guid ProgramId, string? Text, int? TextVersion);

    public sealed record Saved(int TextVersion, bool Changed);

    public static async Task<Outcome<Saved>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var program = await viewer.ManagedPrograms.FirstOrDefaultAsync(p => p.Id == r.ProgramId, ct);
        if (program is null) return Outcome.NotFound;
        var text = ProgramGuidelines.Normalise(r.Text ?? "");
        if (text.Length == 0) return Outcome.Invalid("text", "Write the guidelines; an empty text guides nobody.");
        if (text.Length > ProgramGuidelines.TextMaxLength)
            return Outcome.Invalid("text", $"Keep the guidelines to {ProgramGuidelines.TextMaxLength} characters; this text has {text.Length}.");
        if (r.TextVersion is not { } opened) return Outcome.Invalid("textVersion", "Send the textVersion you edited, as the guidelines gave it.");
        program.EnsureChangeable("changing its guidelines");
        var now = clock.GetUtcNow();
        var row = await db.Guidelines.FirstOrDefaultAsync(g => g.ProgramId == r.ProgramId, ct);
        if ((row?.TextVersion ?? ProgramGuidelines.FirstTextVersion) != opened) return Outcome.Conflict(Outcome.ChangedMeanwhile);
        if (row is null) db.Guidelines.Add(row = new ProgramGuidelines(r.ProgramId, now));
        if (!row.Change(text, viewer.UserId, now)) return new Saved(row.TextVersion, false);
        db.Record(viewer, now, "guidelines.changed", "Program", program.Id, $"communication guidelines now at version {row.TextVersion}");
        await db.SaveChangesAsync(ct);
        return new Saved(row.TextVersion, true);
    }
}
