using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Nudges;

/// <summary>Which nudges a signed-in person gets: each on unless they turned it off, and on anyway where a program of theirs requires it.</summary>
public static class NudgePreferences
{
    public sealed record Setting(NudgeKind Kind, string Title, string When, bool On, IReadOnlyList<string> RequiredBy);

    public sealed record View(IReadOnlyList<Setting> Settings);

    public static async Task<Outcome<View>> Get(Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        if (!viewer.IsSignedIn || viewer.Email.Length == 0) return Outcome.NotFound;
        var off = await db.NudgeSettings.Where(s => s.Email == viewer.Email).Select(s => s.Off).FirstOrDefaultAsync(ct) ?? [];
        var programs = await viewer.OwnEnrollments.Where(e => e.Status == EnrollmentStatus.Enrolled)
            .Select(e => new { e.Cohort.Program.Name, e.Cohort.Program.RequiredNudges }).Distinct().ToListAsync(ct);
        return new View([.. NudgeCatalog.All.Where(e => e.ForParticipants || viewer.IsProgramStaff).Select(e =>
        {
            var requiredBy = programs.Where(p => p.RequiredNudges.Contains(e.Kind)).Select(p => p.Name).Distinct().Order().ToList();
            return new Setting(e.Kind, e.Title, e.When, requiredBy.Count > 0 || !off.Contains(e.Kind), requiredBy);
        })]);
    }

    /// <summary>Saves the whole choice: the kinds listed in <paramref name="off"/> are off, every other one on.</summary>
    public static async Task<Outcome<View>> Save(IReadOnlyList<NudgeKind> off, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!viewer.IsSignedIn || viewer.Email.Length == 0) return Outcome.NotFound;
        if (off.Where(k => !Enum.IsDefined(k)).Select(k => k.ToString()).FirstOrDefault() is { } unknown)
            return Outcome.Invalid("off", $"'{unknown}' is not a nudge; use {string.Join(", ", Enum.GetNames<NudgeKind>())}.");
        var settings = await db.NudgeSettings.FirstOrDefaultAsync(s => s.Email == viewer.Email, ct);
        if (settings is null) db.NudgeSettings.Add(settings = new NudgeSettings(viewer.Email));
        settings.Off = [.. off.Distinct().Order()];
        settings.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return await Get(viewer, db, ct);
    }
}
