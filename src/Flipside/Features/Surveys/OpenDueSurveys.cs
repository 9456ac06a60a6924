using Flipside.Data;
using Flipside.Domain;
using Flipside.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Surveys;

/// <summary>
/// The job that opens each cohort's surveys on its timeline (<see cref="SurveySchedule"/>). Each survey is saved on its
/// own: the unique cohort-and-kind key makes a second instance's copy fail harmlessly, and one survey is made once.
/// </summary>
public sealed class OpenDueSurveys(FlipsideDb db, TimeProvider clock, ILogger<OpenDueSurveys> log) : IJob
{
    public const string Name = "surveys";

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var cohorts = await db.Cohorts.Where(c => c.Status != CohortStatus.Planning && c.Program.Status == ProgramStatus.Active)
            .Include(c => c.Program).AsSplitQuery().ToListAsync(ct);
        var existing = (await db.Surveys.Select(s => new { s.CohortId, s.Kind }).ToListAsync(ct)).Select(s => (s.CohortId, s.Kind)).ToHashSet();
        var opened = 0;
        foreach (var cohort in cohorts)
            foreach (var kind in Enum.GetValues<SurveyKind>())
            {
                if (existing.Contains((cohort.Id, kind)) || SurveySchedule.DueUntil(kind, cohort, now) is not { } closes) continue;
                var survey = await SurveySchedule.Make(cohort.Program, cohort, kind, now, closes, db, now, ct);
                db.Surveys.Add(survey);
                try
                {
                    await db.SaveChangesAsync(ct);
                    opened++;
                }
                catch (DbUpdateException e)
                {
                    db.Entry(survey).State = EntityState.Detached;
                    log.LogInformation(e, "The {Kind} survey of cohort {CohortId} was opened by another instance", kind, cohort.Id);
                }
            }
        return opened;
    }
}
