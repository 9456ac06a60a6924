using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;

namespace Flipside.Features.Training;

/// <summary>A pairing is not published while either partner has a required module unfinished.</summary>
public static class TrainingGate
{
    private const int Named = 5;

    /// <summary>A refusal naming who has what unfinished, or null when everyone in these pairs is ready.</summary>
    public static async Task<Problem?> Check(IReadOnlyList<Pairing> pairs, Guid programId, FlipsideDb db, CancellationToken ct)
    {
        var people = pairs.SelectMany(p => new[] { p.MentorEnrollment, p.MenteeEnrollment }).DistinctBy(e => e.Id)
            .Select(e => new TrainingProgress.Who(e.Id, e.PersonId, programId, e.Role)).ToList();
        var progress = await TrainingProgress.For(people, db, ct);
        var names = pairs.SelectMany(p => new[] { p.MentorEnrollment, p.MenteeEnrollment }).DistinctBy(e => e.Id).ToDictionary(e => e.Id, e => e.Person.Name);
        var unfinished = people.Select(p => (Name: names[p.EnrollmentId], Modules: progress[p.EnrollmentId].Where(m => !m.Done).Select(m => m.Title).ToList()))
            .Where(x => x.Modules.Count > 0).OrderBy(x => x.Name, StringComparer.Ordinal).ToList();
        if (unfinished.Count == 0) return null;
        var listed = string.Join("; ", unfinished.Take(Named).Select(x => $"{x.Name} has not finished {string.Join(", ", x.Modules.Select(m => $"\"{m}\""))}"));
        var more = unfinished.Count > Named ? $"; and {Words.Count(unfinished.Count - Named, "more person")}" : "";
        return Outcome.Conflict($"Nothing was published: a pairing is published once both partners have finished their required training. {listed}{more}. " +
            "Send them a reminder from the cohort's training page, or reject those pairs.");
    }
}
