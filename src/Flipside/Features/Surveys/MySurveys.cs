using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Surveys;

/// <summary>The surveys of the viewer's own cohorts that have opened: open ones to answer, answered or closed ones to look back on.</summary>
public static class MySurveys
{
    public sealed record Item(Guid SurveyId, string Title, string ProgramName, string CohortName, SurveyKind Kind, DateTimeOffset ClosesAt, bool Open,
        bool Answered, int Threshold);

    public static async Task<Outcome<IReadOnlyList<Item>>> Handle(Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var mine = viewer.OwnEnrollments.Where(e => e.Status == EnrollmentStatus.Enrolled);
        var rows = await db.Surveys.Where(s => s.OpensAt <= now)
            .Join(mine, s => s.CohortId, e => e.CohortId, (s, e) => new
            {
                s.Id, s.Title, Program = e.Cohort.Program.Name, Cohort = e.Cohort.Name, s.Kind, s.OpensAt, s.ClosesAt, s.Threshold,
                Answered = db.SurveyParticipations.Any(p => p.SurveyId == s.Id && p.EnrollmentId == e.Id),
            })
            .ToListAsync(ct);
        return rows.OrderByDescending(r => r.ClosesAt > now && !r.Answered).ThenByDescending(r => r.OpensAt).ThenBy(r => r.Id)
            .Select(r => new Item(r.Id, r.Title, r.Program, r.Cohort, r.Kind, r.ClosesAt, r.ClosesAt > now, r.Answered, r.Threshold)).ToList();
    }
}
