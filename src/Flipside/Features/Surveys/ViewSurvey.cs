using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Surveys;

/// <summary>
/// A survey for its respondent: the questions for their role, the threshold promised to them, and, once they have
/// answered, their own answers, found again by recomputing their pseudonym. Nobody else can reach a response.
/// </summary>
public static class ViewSurvey
{
    public sealed record Answered(IReadOnlyDictionary<string, int> Answers, string? Comment);

    public sealed record View(Guid SurveyId, string Title, string ProgramName, ParticipantRole Role, string RoleLabel, int Threshold, int CommentThreshold,
        DateTimeOffset OpensAt, DateTimeOffset ClosesAt, bool Open, IReadOnlyList<SurveyQuestion> Questions, Answered? Mine);

    public static async Task<Outcome<View>> Handle(Guid surveyId, Viewer viewer, FlipsideDb db, Pseudonyms pseudonyms, TimeProvider clock, CancellationToken ct)
    {
        if (await Respondent.Load(viewer, surveyId, db, ct) is not { } me) return Outcome.NotFound;
        var s = me.Survey;
        Answered? mine = null;
        if (await db.SurveyParticipations.AnyAsync(p => p.SurveyId == s.Id && p.EnrollmentId == me.EnrollmentId, ct))
        {
            var code = await pseudonyms.Of(me.PersonId, s.ProgramId, ct);
            // Stored, or still held until its batch is released.
            var response = await db.SurveyResponses.AsNoTracking().FirstOrDefaultAsync(r => r.SurveyId == s.Id && r.Pseudonym == code, ct)
                ?? (await db.HeldAnswers.AsNoTracking().FirstOrDefaultAsync(h => h.SurveyId == s.Id && h.Pseudonym == code, ct) is { } held ? HeldAnswers.Response(held) : null);
            if (response is not null) mine = new(response.Answers.ToDictionary(a => a.Key, a => a.Value), response.Comment);
        }
        return new View(s.Id, s.Title, me.ProgramName, me.Role, me.RoleLabel, s.Threshold, Anonymity.CommentsThreshold(s.Threshold), s.OpensAt, s.ClosesAt,
            s.IsOpen(clock.GetUtcNow()), me.Questions, mine);
    }
}
