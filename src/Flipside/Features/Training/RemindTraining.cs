using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Training;

/// <summary>The manager reminds everyone in the cohort who has not finished their required training: one email each, through the outbox, in the program's language.</summary>
public static class RemindTraining
{
    public const string Kind = "training-reminder";

    public sealed record Sent(int Emails);

    public static async Task<Outcome<Sent>> Handle(Guid cohortId, Viewer viewer, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var status = await CohortTraining.Handle(cohortId, viewer, db, ct);
        if (!status.IsOk) return status.Problem!;
        var s = status.Value;
        if (s.NotFinished.Count == 0) return Outcome.Conflict("Everyone enrolled has finished their training: there is nobody to remind.");
        var now = clock.GetUtcNow();
        // In the program's language, like the nudges: the people reminded are its participants.
        var texts = Nudges.NudgeTexts.For(await db.Programs.Where(p => p.Id == s.ProgramId).Select(p => p.Language).SingleAsync(ct));
        foreach (var person in s.NotFinished)
        {
            var email = texts.TrainingReminder(s.ProgramName, s.CohortName, person.Unfinished, $"{baseUrl}/Training");
            db.Outbox.Add(new OutboxMessage(person.Email, email.Subject, texts.Letter(person.Name, email.Body), null, now)
                .ForProgram(s.ProgramId).About(Kind, $"enrollment:{person.EnrollmentId}"));
        }
        db.Record(viewer, now, "training.reminded", "Cohort", cohortId, $"{s.ProgramName}, {s.CohortName}: {Words.Count(s.NotFinished.Count, "person")} reminded");
        await db.SaveChangesAsync(ct);
        return new Sent(s.NotFinished.Count);
    }
}
