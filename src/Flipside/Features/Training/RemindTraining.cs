using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;

namespace Flipside.Features.Training;

/// <summary>The manager reminds everyone in the cohort who has not finished their required training: one email each, through the outbox.</summary>
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
        foreach (var person in s.NotFinished)
            db.Outbox.Add(new OutboxMessage(person.Email, $"Your training for {s.ProgramName}", $"""
                Hello {person.Name},

                Before you are introduced to your partner in {s.ProgramName} ({s.CohortName}), please finish your short training.
                Still to do: {string.Join("; ", person.Unfinished)}.
                Each module takes a few minutes and ends with a question or two.

                {baseUrl}/Training
                """, null, now).ForProgram(s.ProgramId).About(Kind, $"enrollment:{person.EnrollmentId}"));
        db.Record(viewer, now, "training.reminded", "Cohort", cohortId, $"{s.ProgramName}, {s.CohortName}: {Words.Count(s.NotFinished.Count, "person")} reminded");
        await db.SaveChangesAsync(ct);
        return new Sent(s.NotFinished.Count);
    }
}
