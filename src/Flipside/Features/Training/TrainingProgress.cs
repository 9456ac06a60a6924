using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Training;

/// <summary>Who has finished which required module: the one reckoning behind participants' pages, the cohort's status and the publish gate.</summary>
public static class TrainingProgress
{
    public sealed record Who(Guid EnrollmentId, Guid PersonId, Guid ProgramId, ParticipantRole Role);

    public sealed record Required(string Key, string Title, bool Done);

    public static async Task<Dictionary<Guid, List<Required>>> For(IReadOnlyCollection<Who> people, FlipsideDb db, CancellationToken ct)
    {
        var programIds = people.Select(p => p.ProgramId).Distinct().ToList();
        var personIds = people.Select(p => p.PersonId).Distinct().ToList();
        var requirements = await db.TrainingRequirements.Where(r => programIds.Contains(r.ProgramId)).ToListAsync(ct);
        var catalogues = new Dictionary<Guid, List<TrainingCatalogue.Module>>();
        foreach (var id in programIds.Where(id => requirements.Any(r => r.ProgramId == id)))
            catalogues[id] = await TrainingCatalogue.ForProgram(id, db, ct);
        var done = (await db.TrainingCompletions.Where(c => personIds.Contains(c.PersonId)).Select(c => new { c.PersonId, c.ModuleKey, c.ContentHash }).ToListAsync(ct))
            .Select(c => (c.PersonId, c.ModuleKey, c.ContentHash)).ToHashSet();
        return people.ToDictionary(p => p.EnrollmentId, p =>
        {
            if (!catalogues.TryGetValue(p.ProgramId, out var catalogue)) return new List<Required>();
            var keys = requirements.Where(r => r.ProgramId == p.ProgramId && r.Role == p.Role).Select(r => r.ModuleKey).ToHashSet();
            // Catalogue order, so everyone sees the curriculum in the order it was written.
            return catalogue.Where(m => keys.Contains(m.Key)).Select(m => new Required(m.Key, m.Title, done.Contains((p.PersonId, m.Key, m.Hash)))).ToList();
        });
    }

    public static IQueryable<Who> Of(IQueryable<Domain.Enrollment> enrollments) =>
        enrollments.Select(e => new Who(e.Id, e.PersonId, e.Cohort.ProgramId, e.Role));
}
