using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Training;

/// <summary>
/// A participant finishes a module: they acknowledge it and answer every check question right. A wrong answer is not
/// a refusal: the result says which question was wrong and why, so the person reads the explanation and tries again.
/// </summary>
public static class CompleteModule
{
    public sealed record Request(Guid ProgramId, string Key, bool Acknowledged, IReadOnlyList<int?> Answers);

    /// <summary>Answer is the option chosen (1 first); Explanation is given only for a wrong or missing answer.</summary>
    public sealed record Marked(int Number, bool Right, string? Explanation);

    public sealed record Result(bool Completed, IReadOnlyList<Marked> Questions);

    public static async Task<Outcome<Result>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var person = await viewer.Person(ct);
        var enrolled = person is not null && await viewer.OwnEnrollments
            .AnyAsync(e => e.Cohort.ProgramId == r.ProgramId && Domain.Enrollment.OpenStatuses.Contains(e.Status), ct);
        if (!enrolled) return Outcome.NotFound;
        var module = (await TrainingCatalogue.ForProgram(r.ProgramId, db, ct)).FirstOrDefault(m => m.Key == r.Key);
        if (module is null) return Outcome.NotFound;
        if (!r.Acknowledged)
            return Outcome.Invalid("Acknowledged", "Tick the box to say you have read the module and will act on it.");

        var questions = CheckQuestions.Parse(module.Questions).Questions;
        var marked = questions.Select((q, i) =>
        {
            var right = i < r.Answers.Count && r.Answers[i] == q.Right + 1;
            return new Marked(i + 1, right, right ? null : q.Explanation);
        }).ToList();
        if (marked.Any(m => !m.Right)) return new Result(false, marked);

        var already = await db.TrainingCompletions.AnyAsync(c => c.PersonId == person!.Id && c.ModuleKey == module.Key && c.ContentHash == module.Hash, ct);
        if (!already)
        {
            db.TrainingCompletions.Add(new TrainingCompletion(person!.Id, module.Key, module.Hash, clock.GetUtcNow()));
            await db.SaveChangesAsync(ct);
        }
        return new Result(true, marked);
    }
}
