using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Training;

/// <summary>
/// A program manager edits one of the program's modules or adds one of its own. An edit of a built-in module is kept
/// for this program only; since completion follows the text, people take an edited module again.
/// </summary>
public static class SaveModule
{
    /// <summary>Key null adds a module; Version is the one the editor was opened at (null skips the check, for scripts).</summary>
    public sealed record Request(Guid ProgramId, string? Key, string? Title, string? Body, string? Questions, int? Version);

    public static async Task<Outcome<string>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!viewer.IsProgramStaff) return Outcome.Forbidden("Only the program's managers edit its training.");
        var program = await viewer.ManagedPrograms.FirstOrDefaultAsync(p => p.Id == r.ProgramId, ct);
        if (program is null) return Outcome.NotFound;
        var existing = r.Key is null ? null : (await TrainingCatalogue.ForProgram(r.ProgramId, db, ct)).FirstOrDefault(m => m.Key == r.Key);
        if (r.Key is not null && existing is null) return Outcome.NotFound;
        if (Validate(r) is { Count: > 0 } errors) return Outcome.Invalid(errors);
        program.EnsureChangeable("changing its training");

        var row = r.Key is null ? null : await db.TrainingModules.FirstOrDefaultAsync(m => m.ProgramId == r.ProgramId && m.Key == r.Key, ct);
        if (row is not null && r.Version is { } version && version != row.Version) return Outcome.Conflict(Outcome.ChangedMeanwhile);
        if (row is null) db.TrainingModules.Add(row = new TrainingModule(r.ProgramId, r.Key));
        row.Write(r.Title!.Trim(), r.Body!.Trim(), r.Questions!.Trim(), viewer.UserId, clock.GetUtcNow());
        db.Record(viewer, clock.GetUtcNow(), r.Key is null ? "training.module-added" : "training.module-edited", "Program", program.Id,
            $"{program.Name}: {row.Title}");
        await db.SaveChangesAsync(ct);
        return row.Key;
    }

    public static List<FieldError> Validate(Request r)
    {
        var errors = new List<FieldError>();
        var title = r.Title?.Trim() ?? "";
        var body = r.Body?.Trim() ?? "";
        if (title.Length == 0) errors.Add(new("Title", "Give the module a title."));
        else if (title.Length > TrainingModule.TitleMaxLength) errors.Add(new("Title", $"Keep the title to {TrainingModule.TitleMaxLength} characters."));
        if (body.Length == 0) errors.Add(new("Body", "Write the module's text."));
        else if (body.Length > TrainingModule.BodyMaxLength)
            errors.Add(new("Body", $"Keep the text to {TrainingModule.BodyMaxLength:N0} characters (it has {body.Length:N0}): a module is read in a few minutes."));
        var questions = r.Questions?.Trim() ?? "";
        if (questions.Length > TrainingModule.QuestionsMaxLength) errors.Add(new("Questions", $"Keep the questions to {TrainingModule.QuestionsMaxLength:N0} characters."));
        else errors.AddRange(CheckQuestions.Parse(questions).Errors.Take(3).Select(e => new FieldError("Questions", e)));
        return errors;
    }
}
