using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Surveys;

/// <summary>
/// A participant answers a survey of their own cohort, once, while it is open. That they answered is saved at once (for
/// response rates, reminders and their own "answered"); the answers, under their pseudonym with their role only, are
/// held apart and stored later in a shuffled batch (<see cref="ReleaseHeldAnswers"/>), so the database's order cannot
/// link the two rows. No audit entry: its time and name would be that link.
/// </summary>
public static class AnswerSurvey
{
    public sealed record Request(Guid SurveyId, IReadOnlyDictionary<string, int?>? Answers, string? Comment);

    public const string AlreadyAnswered = "You have already answered this survey; answers cannot be changed or given twice.";

    public static async Task<Outcome<Done>> Handle(Request r, Viewer viewer, FlipsideDb db, Pseudonyms pseudonyms, TimeProvider clock, CancellationToken ct)
    {
        if (await Respondent.Load(viewer, r.SurveyId, db, ct) is not { } me) return Outcome.NotFound;
        var now = clock.GetUtcNow();
        me.Survey.EnsureOpen(now);
        if (await db.SurveyParticipations.AnyAsync(p => p.SurveyId == r.SurveyId && p.EnrollmentId == me.EnrollmentId, ct))
            return Outcome.Conflict(AlreadyAnswered);

        var (answers, errors) = Check(me.Questions, me.Survey.Questions, r.Answers ?? new Dictionary<string, int?>());
        var commentAsked = me.Questions.Any(q => q.FreeText);
        if (!commentAsked && !string.IsNullOrWhiteSpace(r.Comment)) errors.Add(new("comment", "This survey asks for no comment."));
        if (r.Comment is { Length: > SurveyResponse.CommentMaxLength }) errors.Add(new("comment", $"Keep the comment to {SurveyResponse.CommentMaxLength} characters."));
        if (errors.Count > 0) return Outcome.Invalid(errors);

        // The pseudonym key is made (and saved) on first use, before anything else is staged.
        var code = await pseudonyms.Of(me.PersonId, me.Survey.ProgramId, ct);
        db.HeldAnswers.Add(HeldAnswers.Hold(new SurveyResponse(me.Survey.Id, code, me.Role, answers, r.Comment), me.Survey.ProgramId));
        db.SurveyParticipations.Add(new SurveyParticipation(me.Survey.Id, me.EnrollmentId, DateOnly.FromDateTime(now.UtcDateTime)));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The same person answering twice at the same moment: one of the two unique keys stopped the second.
            return Outcome.Conflict(AlreadyAnswered);
        }
        return Outcome.Ok;
    }

    /// <summary>Every rated question for the role answered within its range; nothing else. Errors are keyed "answers.&lt;key&gt;".</summary>
    public static (List<SurveyAnswer> Answers, List<FieldError> Errors) Check(IReadOnlyList<SurveyQuestion> asked, IReadOnlyList<SurveyQuestion> all,
        IReadOnlyDictionary<string, int?> given)
    {
        var errors = new List<FieldError>();
        var answers = new List<SurveyAnswer>();
        foreach (var key in given.Keys.Where(k => asked.All(q => q.Key != k || q.FreeText)))
            errors.Add(new($"answers.{key}", all.Any(q => q.Key == key && !q.FreeText)
                ? "This question is not asked of you." : "This survey has no such question."));
        foreach (var q in asked.Where(q => !q.FreeText))
        {
            if (!given.TryGetValue(q.Key, out var value) || value is null) errors.Add(new($"answers.{q.Key}", "Answer this question."));
            else if (value < q.Min || value > q.Max) errors.Add(new($"answers.{q.Key}", $"Choose {q.Min} to {q.Max}."));
            else answers.Add(new SurveyAnswer { Key = q.Key, Value = value.Value });
        }
        return (answers, errors);
    }
}
