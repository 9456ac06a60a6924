using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Surveys;

/// <summary>
/// A survey as one of its own cohort's enrolled participants sees it. Loaded through <see cref="Viewer.OwnEnrollments"/>,
/// so a survey of any other cohort is not found, for a manager, a sponsor and an administrator alike.
/// </summary>
public sealed record Respondent(Survey Survey, Guid EnrollmentId, Guid PersonId, ParticipantRole Role, string ProgramName, string RoleLabel)
{
    public static async Task<Respondent?> Load(Viewer viewer, Guid surveyId, FlipsideDb db, CancellationToken ct)
    {
        var survey = await db.Surveys.FirstOrDefaultAsync(s => s.Id == surveyId, ct);
        if (survey is null) return null;
        var me = await viewer.OwnEnrollments.Where(e => e.CohortId == survey.CohortId && e.Status == EnrollmentStatus.Enrolled)
            .Select(e => new { e.Id, e.PersonId, e.Role, Program = e.Cohort.Program.Name, e.Cohort.Program.MentorLabel, e.Cohort.Program.MenteeLabel })
            .FirstOrDefaultAsync(ct);
        return me is null ? null
            : new(survey, me.Id, me.PersonId, me.Role, me.Program, me.Role == ParticipantRole.Mentor ? me.MentorLabel : me.MenteeLabel);
    }

    public IReadOnlyList<SurveyQuestion> Questions => [.. Survey.Questions.Where(q => q.IsFor(Role))];
}
