using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Pairings;

/// <summary>
/// The self-matching job: reminds a mentor once, when half their days to answer have gone, and expires a request
/// past its day, telling the leader, so nobody waits on a silence.
/// </summary>
public sealed class RemindMentorRequests(FlipsideDb db, PublicUrl url, TimeProvider clock) : IJob
{
    public const string Name = "mentor-requests";

    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // Open requests are few at any time; the dates are compared here rather than in SQL, where providers differ.
        var open = await db.MentorRequests.Where(r => r.Status == MentorRequestStatus.Open)
            .Include(r => r.MenteeEnrollment).ThenInclude(e => e.Person).Include(r => r.MentorEnrollment).ThenInclude(e => e.Person)
            .ToListAsync(ct);
        var programs = await ProgramsOf(open.Select(r => r.CohortId).Distinct().ToList(), ct);
        int handled = 0;
        foreach (var request in open)
        {
            var program = programs[request.CohortId];
            var (leader, mentor) = (request.MenteeEnrollment.Person, request.MentorEnrollment.Person);
            if (now >= request.AnswerBy)
            {
                request.Expire(now);
                db.Outbox.Add(MentorRequestEmails.Expired(request, program, leader, mentor.Name, url.Base, now));
                handled++;
            }
            else if (request.RemindedAt is null && now >= request.CreatedAt + (request.AnswerBy - request.CreatedAt) / 2)
            {
                request.Remind(now);
                db.Outbox.Add(MentorRequestEmails.Reminder(request, program, mentor, leader.Name, url.Base, now));
                handled++;
            }
        }
        await db.SaveChangesAsync(ct);
        return handled;
    }

    private Task<Dictionary<Guid, MentoringProgram>> ProgramsOf(List<Guid> cohortIds, CancellationToken ct) =>
        db.Cohorts.Where(c => cohortIds.Contains(c.Id)).Include(c => c.Program).ToDictionaryAsync(c => c.Id, c => c.Program, ct);
}
