using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Training;

/// <summary>
/// A program's modules and one module to take, for the program's managers and for the people enrolled in it. The
/// right answers are never sent: they stay on the server, which checks them when the module is completed.
/// </summary>
public static class ReadModule
{
    public sealed record Question(int Number, string Text, IReadOnlyList<string> Options);

    public sealed record Module(Guid ProgramId, string ProgramName, string Key, string Title, string Html, IReadOnlyList<Question> Questions,
        bool BuiltIn, bool Edited, bool Done);

    public sealed record ListItem(string Key, string Title, bool BuiltIn, bool Edited, bool Done);

    public static async Task<Outcome<IReadOnlyList<ListItem>>> List(Guid programId, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        if (await ProgramName(programId, viewer, db, ct) is null) return Outcome.NotFound;
        var done = await DoneHashes(viewer, db, ct);
        return (await TrainingCatalogue.ForProgram(programId, db, ct))
            .Select(m => new ListItem(m.Key, m.Title, m.BuiltIn, m.Edited, done.Contains((m.Key, m.Hash)))).ToList();
    }

    public static async Task<Outcome<Module>> Handle(Guid programId, string key, Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        if (await ProgramName(programId, viewer, db, ct) is not { } name) return Outcome.NotFound;
        var module = (await TrainingCatalogue.ForProgram(programId, db, ct)).FirstOrDefault(m => m.Key == key);
        if (module is null) return Outcome.NotFound;
        var done = await DoneHashes(viewer, db, ct);
        var questions = CheckQuestions.Parse(module.Questions).Questions.Select((q, i) => new Question(i + 1, q.Text, q.Options)).ToList();
        return new Module(programId, name, module.Key, module.Title, TrainingMarkdown.ToHtml(module.Body), questions, module.BuiltIn, module.Edited,
            done.Contains((module.Key, module.Hash)));
    }

    /// <summary>The program's name when the viewer manages it or has an open enrolment in it; null for anyone else.</summary>
    public static async Task<string?> ProgramName(Guid programId, Viewer viewer, FlipsideDb db, CancellationToken ct) =>
        await viewer.ManagedPrograms.Where(p => p.Id == programId).Select(p => p.Name).FirstOrDefaultAsync(ct)
        ?? await viewer.OwnEnrollments.Where(e => e.Cohort.ProgramId == programId && Domain.Enrollment.OpenStatuses.Contains(e.Status))
            .Select(e => e.Cohort.Program.Name).FirstOrDefaultAsync(ct);

    private static async Task<HashSet<(string, string)>> DoneHashes(Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        var person = await viewer.Person(ct);
        if (person is null) return [];
        return (await db.TrainingCompletions.Where(c => c.PersonId == person.Id).Select(c => new { c.ModuleKey, c.ContentHash }).ToListAsync(ct))
            .Select(c => (c.ModuleKey, c.ContentHash)).ToHashSet();
    }
}
