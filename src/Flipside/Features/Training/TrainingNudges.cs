using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Nudges;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Training;

/// <summary>
/// A week after a pairing starts, each partner who still has a required module unfinished (a module edited after they
/// did it, or a requirement added since) hears which, at 9:00 their time, in the program's language.
/// </summary>
public sealed class TrainingNudges(FlipsideDb db, PublicUrl url) : INudgeSource
{
    public const int DaysAfterPublishing = 7;

    public async Task<IReadOnlyList<DueNudge>> DueAsync(DateTimeOffset now, CancellationToken ct)
    {
        // Only pairings whose seventh day is near: the rest are not due, so their progress need not be read. The readers'
        // projection carries both enrollments and people, so one query gives what the progress needs.
        var (from, to) = (now.AddDays(-DaysAfterPublishing - 2), now.AddDays(-DaysAfterPublishing + 2));
        var pairs = (await PairReaders.Active(db).Where(p => p.PublishedAt > from && p.PublishedAt < to).ToListAsync(ct))
            .Select(p => new
            {
                Pair = p,
                Mentor = new TrainingProgress.Who(p.MentorEnrollmentId, p.Mentor.PersonId!.Value, p.ProgramId, ParticipantRole.Mentor),
                Mentee = new TrainingProgress.Who(p.MenteeEnrollmentId, p.Mentee.PersonId!.Value, p.ProgramId, ParticipantRole.Mentee),
            })
            .ToList();
        if (pairs.Count == 0) return [];
        var progress = await TrainingProgress.For([.. pairs.SelectMany(p => new[] { p.Mentor, p.Mentee })], db, ct);
        var due = new List<DueNudge>();
        foreach (var p in pairs)
            foreach (var (role, reader, _) in p.Pair.Sides())
            {
                var unfinished = progress[(role == ParticipantRole.Mentor ? p.Mentor : p.Mentee).EnrollmentId].Where(m => !m.Done).Select(m => m.Title).ToList();
                if (unfinished.Count == 0) continue;
                var email = p.Pair.Texts.TrainingUnfinished(p.Pair.ProgramName, unfinished, url.Link("/Training"));
                due.Add(new(NudgeKind.TrainingUnfinished, $"pairing:{p.Pair.PairingId}", reader.Email, p.Pair.ProgramId,
                    reader.MorningAfter(p.Pair.PublishedAt!.Value, DaysAfterPublishing),
                    at => new OutboxMessage(reader.Email, email.Subject, p.Pair.Texts.Letter(reader.Name, email.Body), null, at).ForProgram(p.Pair.ProgramId)));
            }
        return due;
    }
}
