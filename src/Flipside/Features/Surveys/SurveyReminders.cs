using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Nudges;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Surveys;

/// <summary>
/// Reminds each enrolled participant who has not answered an open survey, seven days and two days before it closes,
/// once each: the nudges job keeps the "sent" row per survey, stage and recipient, and drops one found too late.
/// </summary>
public sealed class SurveyReminders(FlipsideDb db, PublicUrl url) : INudgeSource
{
    public static readonly int[] DaysBefore = [7, 2];

    public async Task<IReadOnlyList<DueNudge>> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
        var horizon = now.AddDays(DaysBefore.Max() + 1);
        var open = await db.Surveys.AsNoTracking().Where(s => s.OpensAt <= now && s.ClosesAt > now && s.ClosesAt <= horizon)
            .Select(s => new { s.Id, s.ProgramId, s.CohortId, s.Title, s.ClosesAt, s.Threshold }).ToListAsync(ct);
        if (open.Count == 0) return [];
        var cohorts = open.Select(s => s.CohortId).Distinct().ToList();
        var people = await db.Enrollments.Where(e => cohorts.Contains(e.CohortId) && e.Status == EnrollmentStatus.Enrolled)
            .Select(e => new { e.Id, e.CohortId, e.Person.Name, e.Person.Email }).ToListAsync(ct);
        var ids = open.Select(s => s.Id).ToList();
        var answered = (await db.SurveyParticipations.Where(p => ids.Contains(p.SurveyId)).Select(p => new { p.SurveyId, p.EnrollmentId }).ToListAsync(ct))
            .Select(p => (p.SurveyId, p.EnrollmentId)).ToHashSet();
        var due = new List<DueNudge>();
        foreach (var s in open)
            foreach (var days in DaysBefore)
                foreach (var p in people.Where(p => p.CohortId == s.CohortId && !answered.Contains((s.Id, p.Id)) && p.Email.Length > 0))
                    due.Add(new(NudgeKind.SurveyReminder, $"survey:{s.Id}/{days}d", p.Email, s.ProgramId, s.ClosesAt.AddDays(-days),
                        at => new OutboxMessage(p.Email, $"{s.Title}: {Words.Count(days, "day")} left", $"""
                            Hello {p.Name},

                            The {s.Title} closes on {s.ClosesAt.AddMinutes(-1):d MMMM yyyy} and you have not answered it yet. It takes a few minutes.
                            Your answers are kept under a code, not your name, and results are shown only for groups of at least {s.Threshold} people.

                            {url.Link($"/Surveys/Answer?surveyId={s.Id}")}
                            """, null, at).ForProgram(s.ProgramId)));
        return due;
    }
}
