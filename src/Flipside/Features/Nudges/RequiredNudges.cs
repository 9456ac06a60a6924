using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Nudges;

/// <summary>A program's managers choose the nudges its participants cannot turn off.</summary>
public static class RequiredNudges
{
    public sealed record Choice(NudgeKind Kind, string Title, string When, bool Required);

    public sealed record View(Guid ProgramId, string ProgramName, IReadOnlyList<Choice> Choices, int Version);

    public static async Task<Outcome<View>> Get(Guid programId, Viewer viewer, CancellationToken ct)
    {
        var program = await viewer.ManagedPrograms.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct);
        return program is null ? Outcome.NotFound : ViewOf(program);
    }

    public static async Task<Outcome<View>> Save(Guid programId, IReadOnlyList<NudgeKind> required, int? version, Viewer viewer, FlipsideDb db, TimeProvider clock,
        CancellationToken ct)
    {
        var program = await viewer.ManagedPrograms.FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return Outcome.NotFound;
        program.EnsureChangeable("changing its reminders");
        foreach (var wrong in required.Where(k => !NudgeCatalog.Requirable.Contains(k)).Take(1))
            return Outcome.Invalid("required", Enum.IsDefined(wrong)
                ? $"A program cannot require \"{NudgeCatalog.Of(wrong).Title}\": it is each manager's own choice."
                : $"'{wrong}' is not a nudge; use {string.Join(", ", NudgeCatalog.Requirable)}.");
        if (version is { } v && v != program.Version) return Outcome.Conflict(Outcome.ChangedMeanwhile);
        program.RequiredNudges = [.. required.Distinct().Order()];
        db.Record(viewer, clock.GetUtcNow(), "program.nudges-required", "Program", program.Id,
            required.Count == 0 ? $"{program.Name} requires no nudges" : $"{program.Name} requires: {string.Join(", ", program.RequiredNudges.Select(k => NudgeCatalog.Of(k).Title))}");
        await db.SaveChangesAsync(ct);
        return ViewOf(program);
    }

    private static View ViewOf(MentoringProgram program) => new(program.Id, program.Name,
        [.. NudgeCatalog.All.Where(e => e.ForParticipants).Select(e => new Choice(e.Kind, e.Title, e.When, program.RequiredNudges.Contains(e.Kind)))], program.Version);
}
