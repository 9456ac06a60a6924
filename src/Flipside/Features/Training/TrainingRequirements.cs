using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Training;

/// <summary>A program's training settings, for its managers: which modules each role must finish, and whether mentors meet in circles.</summary>
public static class TrainingRequirements
{
    public sealed record Row(string Key, string Title, bool BuiltIn, bool Edited, bool ForMentors, bool ForMentees, int Version);

    public sealed record Settings(Guid ProgramId, string ProgramName, string MentorLabel, string MenteeLabel, bool SupervisionCircles, IReadOnlyList<Row> Modules);

    public sealed record Request(Guid ProgramId, IReadOnlyList<string> ForMentors, IReadOnlyList<string> ForMentees, bool SupervisionCircles);

    public static async Task<Outcome<Settings>> Get(Guid programId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        var program = await viewer.ManagedPrograms.FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return Outcome.NotFound;
        var required = await db.TrainingRequirements.Where(r => r.ProgramId == programId).ToListAsync(ct);
        var circles = await db.ProgramTrainings.AnyAsync(t => t.ProgramId == programId && t.SupervisionCircles, ct);
        var rows = (await TrainingCatalogue.ForProgram(programId, db, ct)).Select(m => new Row(m.Key, m.Title, m.BuiltIn, m.Edited,
            required.Any(r => r.ModuleKey == m.Key && r.Role == ParticipantRole.Mentor),
            required.Any(r => r.ModuleKey == m.Key && r.Role == ParticipantRole.Mentee), m.Version)).ToList();
        return new Settings(program.Id, program.Name, program.MentorLabel, program.MenteeLabel, circles, rows);
    }

    /// <summary>Replaces the requirements whole: a module not listed for a role is no longer required of it.</summary>
    public static async Task<Outcome<Done>> Save(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var program = await viewer.ManagedPrograms.FirstOrDefaultAsync(p => p.Id == r.ProgramId, ct);
        if (program is null) return Outcome.NotFound;
        program.EnsureChangeable("changing its training");
        var keys = (await TrainingCatalogue.ForProgram(r.ProgramId, db, ct)).Select(m => m.Key).ToHashSet();
        if (r.ForMentors.Concat(r.ForMentees).FirstOrDefault(k => !keys.Contains(k)) is { } unknown)
            return Outcome.Invalid("modules", $"This program has no module \"{unknown}\". Use the keys its module list gives.");
        db.TrainingRequirements.RemoveRange(await db.TrainingRequirements.Where(x => x.ProgramId == r.ProgramId).ToListAsync(ct));
        db.TrainingRequirements.AddRange(r.ForMentors.Distinct().Select(k => new TrainingRequirement(r.ProgramId, k, ParticipantRole.Mentor)));
        db.TrainingRequirements.AddRange(r.ForMentees.Distinct().Select(k => new TrainingRequirement(r.ProgramId, k, ParticipantRole.Mentee)));
        var settings = await db.ProgramTrainings.FirstOrDefaultAsync(t => t.ProgramId == r.ProgramId, ct);
        if (settings is null) db.ProgramTrainings.Add(settings = new ProgramTraining(r.ProgramId));
        settings.SupervisionCircles = r.SupervisionCircles;
        db.Record(viewer, clock.GetUtcNow(), "training.requirements", "Program", program.Id,
            $"{program.Name}: {Words.Count(r.ForMentors.Distinct().Count(), "module")} for mentors, {Words.Count(r.ForMentees.Distinct().Count(), "module")} for mentees, circles {(r.SupervisionCircles ? "on" : "off")}");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }
}
