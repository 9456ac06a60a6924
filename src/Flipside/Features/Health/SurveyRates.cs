using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Health;

/// <summary>
/// Each survey's response rate by role: participation rows (that someone answered, never what) counted against the
/// cohort's enrolled people. Two grouped queries besides the list of surveys, whatever the number of people.
/// </summary>
public static class SurveyRates
{
    public static async Task<IReadOnlyList<HealthReport.SurveyRate>> Of(Guid programId, Guid? cohortId, FlipsideDb db, CancellationToken ct)
    {
        var surveys = await db.Surveys.Where(s => s.ProgramId == programId && (cohortId == null || s.CohortId == cohortId))
            .Join(db.Cohorts, s => s.CohortId, c => c.Id, (s, c) => new { s.Id, s.CohortId, Cohort = c.Name, s.Title, s.Kind, s.OpensAt, s.ClosesAt })
            .ToListAsync(ct);
        if (surveys.Count == 0) return [];
        var surveyIds = surveys.Select(s => s.Id).ToList();
        var answered = (await db.SurveyParticipations.Where(p => surveyIds.Contains(p.SurveyId))
                .Join(db.Enrollments, p => p.EnrollmentId, e => e.Id, (p, e) => new { p.SurveyId, e.Role })
                .GroupBy(x => new { x.SurveyId, x.Role }).Select(g => new { g.Key.SurveyId, g.Key.Role, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => (x.SurveyId, x.Role), x => x.Count);
        var cohortIds = surveys.Select(s => s.CohortId).Distinct().ToList();
        var enrolled = (await db.Enrollments.Where(e => cohortIds.Contains(e.CohortId) && e.Status == EnrollmentStatus.Enrolled)
                .GroupBy(e => new { e.CohortId, e.Role }).Select(g => new { g.Key.CohortId, g.Key.Role, Count = g.Count() }).ToListAsync(ct))
            .ToDictionary(x => (x.CohortId, x.Role), x => x.Count);
        return [.. surveys.OrderBy(s => s.Cohort, StringComparer.Ordinal).ThenBy(s => s.OpensAt).Select(s => new HealthReport.SurveyRate(s.Id, s.CohortId, s.Cohort,
            s.Title, s.Kind, s.OpensAt, s.ClosesAt, answered.GetValueOrDefault((s.Id, ParticipantRole.Mentor)), enrolled.GetValueOrDefault((s.CohortId, ParticipantRole.Mentor)),
            answered.GetValueOrDefault((s.Id, ParticipantRole.Mentee)), enrolled.GetValueOrDefault((s.CohortId, ParticipantRole.Mentee))))];
    }
}
