using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Surveys;

/// <summary>A cohort's surveys for its program managers: when each is open and how many answered, per role. Nothing of any answer.</summary>
public static class CohortSurveys
{
    public sealed record Row(Guid SurveyId, SurveyKind Kind, string Title, DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool Open, int Threshold, int Version,
        IReadOnlyList<ResponseRates.Rate> Rates);

    public sealed record View(Guid CohortId, string CohortName, Guid ProgramId, string ProgramName, int ProgramThreshold, IReadOnlyList<Row> Surveys,
        IReadOnlyList<SurveyKind> NotYetOpened);

    public static async Task<Outcome<View>> Handle(Guid cohortId, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var cohort = await viewer.ManagedCohorts.AsNoTracking().Include(c => c.Program).FirstOrDefaultAsync(c => c.Id == cohortId, ct);
        if (cohort is null) return Outcome.NotFound;
        var now = clock.GetUtcNow();
        var surveys = await db.Surveys.AsNoTracking().Where(s => s.CohortId == cohortId).ToListAsync(ct);
        var rates = await ResponseRates.For(surveys, cohort.Program, db, ct);
        return new View(cohort.Id, cohort.Name, cohort.ProgramId, cohort.Program.Name, cohort.Program.AnonymityThreshold,
            [.. surveys.OrderBy(s => s.Kind).Select(s => new Row(s.Id, s.Kind, s.Title, s.OpensAt, s.ClosesAt, s.IsOpen(now), s.Threshold, s.Version, rates[s.Id]))],
            [.. Enum.GetValues<SurveyKind>().Where(k => surveys.All(s => s.Kind != k))]);
    }
}
