using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Nudges;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Training;

/// <summary>
/// A week after a pairing starts, each partner who still has a required module unfinished (a module edited after they
/// did it, or a requirement added since) hears which, at 9:00 their time.
/// </summary>
public sealed class TrainingNudges(FlipsideDb db, PublicUrl url) : INudgeSource
{
    public const int DaysAfterPublishing = 7;

    public async Task<IReadOnlyList<DueNudge>> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
        // Only pairings whose seventh day is near: the rest are not due, so their progress need not be read.
        var (from, to) = (now.AddDays(-DaysAfterPublishing - 2), now.AddDays(-DaysAfterPublishing + 2));
        var pairs = await PairReaders.Active(db).Where(p => p.PublishedAt > from && p.PublishedAt < to)
            .Join(db.Pairings, r => r.PairingId, p => p.Id, (r, p) => new
            {
                Pair = r,
                Mentor = new TrainingProgress.Who(p.MentorEnrollmentId, p.MentorEnrollment.PersonId, r.ProgramId, ParticipantRole.Mentor),
                Mentee = new TrainingProgress.Who(p.MenteeEnrollmentId, p.MenteeEnrollment.PersonId, r.ProgramId, ParticipantRole.Mentee),
            })
            .ToListAsync(ct);
        if (pairs.Count == 0) return [];
        var progress = await TrainingProgress.For([.. pairs.SelectMany(p => new[] { p.Mentor, p.Mentee })], db, ct);
        var due = new List<DueNudge>();
        foreach (var p in pairs)
            foreach (var (role, reader, _) in p.Pair.Sides())
            {
                var unfinished = progress[(role == ParticipantRole.Mentor ? p.Mentor : p.Mentee).EnrollmentId].Where(m => !m.Done).Select(m => m.Title).ToList();
                if (unfinished.Count == 0) continue;
                due.Add(new(NudgeKind.TrainingUnfinished, $"pairing:{p.Pair.PairingId}", reader.Email, p.Pair.ProgramId,
                    reader.MorningAfter(p.Pair.PublishedAt!.Value, DaysAfterPublishing),
                    at => new OutboxMessage(reader.Email, $"Training to finish for {p.Pair.ProgramName}", $"""
                        Hello {reader.Name},

                        Your pairing started a week ago. {p.Pair.ProgramName} asks you to finish {Words.Count(unfinished.Count, "training module")}:
                        {string.Join("\n", unfinished.Select(t => $"- {t}"))}

                        Each takes a few minutes and ends with a question or two:
                        {url.Link("/Training")}
                        """, null, at).ForProgram(p.Pair.ProgramId)));
            }
        return due;
    }
}
