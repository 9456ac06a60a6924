using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Surveys;

/// <summary>
/// How many of a survey's cohort answered, per role: counts of participation rows against enrolled people. They say
/// how many answered, never who, and never anything of what was answered.
/// </summary>
public static class ResponseRates
{
    public sealed record Rate(ParticipantRole Role, string Label, int Answered, int Eligible)
    {
        public int Percent => Eligible == 0 ? 0 : (int)Math.Round(100.0 * Answered / Eligible);
    }

    public static async Task<Dictionary<Guid, IReadOnlyList<Rate>>> For(IReadOnlyCollection<Survey> surveys, MentoringProgram program, FlipsideDb db, CancellationToken ct)
    {
        var ids = surveys.Select(s => s.Id).ToList();
        var cohorts = surveys.Select(s => s.CohortId).Distinct().ToList();
        var eligible = await db.Enrollments.Where(e => cohorts.Contains(e.CohortId) && e.Status == EnrollmentStatus.Enrolled)
            .GroupBy(e => new { e.CohortId, e.Role }).Select(g => new { g.Key.CohortId, g.Key.Role, Count = g.Count() }).ToListAsync(ct);
        var answered = await db.SurveyParticipations.Where(p => ids.Contains(p.SurveyId))
            .Join(db.Enrollments, p => p.EnrollmentId, e => e.Id, (p, e) => new { p.SurveyId, e.Role })
            .GroupBy(x => new { x.SurveyId, x.Role }).Select(g => new { g.Key.SurveyId, g.Key.Role, Count = g.Count() }).ToListAsync(ct);
        var roles = new[] { ParticipantRole.Mentee, ParticipantRole.Mentor };
        return surveys.ToDictionary(s => s.Id, IReadOnlyList<Rate> (s) => roles.Select(role => new Rate(role,
            role == ParticipantRole.Mentor ? program.MentorLabel : program.MenteeLabel,
            answered.FirstOrDefault(a => a.SurveyId == s.Id && a.Role == role)?.Count ?? 0,
            eligible.FirstOrDefault(e => e.CohortId == s.CohortId && e.Role == role)?.Count ?? 0)).ToList());
    }
}
