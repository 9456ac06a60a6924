using System.Text.RegularExpressions;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Surveys;

/// <summary>
/// A program's own copy of an instrument: read (the built-in one until the program edits it), saved after checks that
/// name each question's field, or dropped to go back to the built-in. Surveys already open keep the questions they had.
/// </summary>
public static partial class EditInstrument
{
    public sealed record View(Guid ProgramId, string ProgramName, SurveyKind Kind, bool Edited, int? Version, IReadOnlyList<SurveyQuestion> Questions);

    public sealed record Request(Guid ProgramId, SurveyKind Kind, IReadOnlyList<SurveyQuestion>? Questions, int? Version);

    public const int MaxQuestions = 80;

    public static async Task<Outcome<View>> Load(Guid programId, SurveyKind kind, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        var program = await viewer.ManagedPrograms.AsNoTracking().FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return Outcome.NotFound;
        var own = await db.SurveyInstruments.AsNoTracking().FirstOrDefaultAsync(i => i.ProgramId == programId && i.Kind == kind, ct);
        return new View(program.Id, program.Name, kind, own is not null, own?.Version, own?.Questions ?? Instruments.BuiltIn(kind, program.FocusAreas));
    }

    public static async Task<Outcome<Done>> Save(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var program = await viewer.ManagedPrograms.FirstOrDefaultAsync(p => p.Id == r.ProgramId, ct);
        if (program is null) return Outcome.NotFound;
        var questions = (r.Questions ?? []).Select(Trimmed).ToList();
        var errors = Check(r.Kind, questions);
        if (errors.Count > 0) return Outcome.Invalid(errors);
        program.EnsureChangeable("editing its surveys");
        var now = clock.GetUtcNow();
        var own = await db.SurveyInstruments.FirstOrDefaultAsync(i => i.ProgramId == r.ProgramId && i.Kind == r.Kind, ct);
        if (own is null) db.SurveyInstruments.Add(new SurveyInstrument(r.ProgramId, r.Kind, questions, now));
        else
        {
            if (r.Version is { } v && v != own.Version) return Outcome.Conflict(Outcome.ChangedMeanwhile);
            own.Questions = questions;
            own.UpdatedAt = now;
        }
        db.Record(viewer, now, "instrument.saved", "MentoringProgram", program.Id, $"{Instruments.Title(r.Kind)} edited: {Words.Count(questions.Count, "question")}");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }

    public static async Task<Outcome<Done>> Reset(Guid programId, SurveyKind kind, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var program = await viewer.ManagedPrograms.FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null) return Outcome.NotFound;
        var own = await db.SurveyInstruments.FirstOrDefaultAsync(i => i.ProgramId == programId && i.Kind == kind, ct);
        if (own is null) return Outcome.Ok;
        db.SurveyInstruments.Remove(own);
        db.Record(viewer, clock.GetUtcNow(), "instrument.reset", "MentoringProgram", program.Id, $"{Instruments.Title(kind)} back to the built-in one");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }

    /// <summary>Each problem keyed "questions[i].field", as the API's JSON and the page's form name it.</summary>
    public static List<FieldError> Check(SurveyKind kind, IReadOnlyList<SurveyQuestion> questions)
    {
        var errors = new List<FieldError>();
        if (!questions.Any(q => !q.FreeText)) errors.Add(new("questions", "Keep at least one rated question."));
        if (questions.Count > MaxQuestions) errors.Add(new("questions", $"Keep to {MaxQuestions} questions."));
        if (questions.Count(q => q.FreeText) > 1) errors.Add(new("questions", "Ask for one free-text comment at most."));
        var keys = questions.Select(q => q.Key).ToList();
        for (var i = 0; i < questions.Count; i++)
        {
            var q = questions[i];
            void Add(string field, string message) => errors.Add(new($"questions[{i}].{field}", message));
            if (!KeyPattern().IsMatch(q.Key)) Add("key", "Give a key of lower-case letters, digits, dots or dashes (up to 64), such as safety.1.");
            else if (keys.IndexOf(q.Key) != i) Add("key", $"The key {q.Key} is used by another question.");
            if (q.Text.Length == 0) Add("text", "Write the question.");
            else if (q.Text.Length > SurveyQuestion.TextMaxLength) Add("text", $"Keep the question to {SurveyQuestion.TextMaxLength} characters.");
            if (q.FreeText) continue;
            if (q.Scale.Length is 0 or > 100) Add("scale", "Name the scale this question counts towards (up to 100 characters).");
            if (q.Min is < 0 or > 1) Add("min", "Start the range at 0 or 1.");
            if (q.Max is < 2 or > 10) Add("max", "End the range between 2 and 10.");
            if (q.Retrospective)
            {
                if (kind != SurveyKind.Final) Add("retrospective", "Only the final survey asks the retrospective \"looking back\" questions.");
                else if (!q.Key.StartsWith(Instruments.ThenPrefix, StringComparison.Ordinal)
                    || questions.FirstOrDefault(o => o.Key == q.Key[Instruments.ThenPrefix.Length..] && !o.Retrospective) is not { } now)
                    Add("key", $"A \"looking back\" question's key is {Instruments.ThenPrefix} followed by the key of the question it looks back on.");
                else if (now.Scale != q.Scale || now.Min != q.Min || now.Max != q.Max || now.Reversed != q.Reversed)
                    Add("scale", "A \"looking back\" question has the same scale, range and scoring as the question it looks back on.");
            }
        }
        return errors;
    }

    private static SurveyQuestion Trimmed(SurveyQuestion q) => new()
    {
        Key = (q.Key ?? "").Trim(), Text = (q.Text ?? "").Trim(), Scale = (q.Scale ?? "").Trim(), Min = q.Min, Max = q.Max, Reversed = q.Reversed,
        Retrospective = q.Retrospective, FreeText = q.FreeText, Audience = q.Audience,
    };

    [GeneratedRegex("^[a-z0-9][a-z0-9.:-]{0,63}$")]
    private static partial Regex KeyPattern();
}
