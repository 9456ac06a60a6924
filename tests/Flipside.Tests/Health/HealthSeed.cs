using Flipside.Domain;
using Flipside.Tests.Support;

namespace Flipside.Tests.Health;

/// <summary>Pairs, meetings, agreements, flags and pulses written straight into the database, dated from the test clock's start.</summary>
public static class HealthSeed
{
    public static readonly DateTimeOffset Now = FlipsideFactory.Start;

    /// <summary>A published pair of the cohort, started 100 days ago, named "Leader {name}" and "Mentor {name}".</summary>
    public static Task<Guid> APair(FlipsideFactory app, Guid cohortId, string name, Action<Pairing, List<object>>? more = null) => app.Query(async db =>
    {
        var start = Now.AddDays(-100);
        var mentor = Seed.APerson($"M-{name}", 3);
        mentor.Name = $"Mentor {name}";
        var mentee = Seed.APerson($"L-{name}", 9);
        mentee.Name = $"Leader {name}";
        var me = Domain.Enrollment.Invite(cohortId, mentor.Id, ParticipantRole.Mentor, start);
        var le = Domain.Enrollment.Invite(cohortId, mentee.Id, ParticipantRole.Mentee, start);
        me.Accept(false, null, start);
        le.Accept(false, null, start);
        var pairing = Pairing.ByPerson(cohortId, me.Id, le.Id, 1, new([], [], []), "seed", start);
        pairing.Publish(start);
        var extra = new List<object>();
        more?.Invoke(pairing, extra);
        db.AddRange(mentor, mentee, me, le, pairing);
        db.AddRange(extra);
        await db.SaveChangesAsync();
        return pairing.Id;
    });

    public static Meeting Held(Guid pairingId, int daysAgo)
    {
        var at = Now.AddDays(-daysAgo);
        var meeting = new Meeting(pairingId, at, 60, null, ParticipantRole.Mentee, at.AddDays(-3));
        meeting.Accept(ParticipantRole.Mentor, at.AddDays(-2));
        meeting.Log(ParticipantRole.Mentor, true, 60, null, [], at.AddHours(2));
        return meeting;
    }

    public static Meeting Planned(Guid pairingId, int daysAhead) => new(pairingId, Now.AddDays(daysAhead), 60, null, ParticipantRole.Mentee, Now.AddDays(-1));

    public static Meeting Cancelled(Guid pairingId, ParticipantRole by, int daysAgo)
    {
        var meeting = new Meeting(pairingId, Now.AddDays(-daysAgo + 2), 60, null, ParticipantRole.Mentor, Now.AddDays(-daysAgo - 3));
        meeting.Cancel(by, Now.AddDays(-daysAgo));
        return meeting;
    }

    public static Agreement Signed(Guid pairingId)
    {
        var agreement = new Agreement(pairingId, [new AgreementSection("purpose", "Purpose", "Learn together.", true, false)], Now.AddDays(-99));
        agreement.Sign(ParticipantRole.Mentor, 1, Now.AddDays(-98));
        agreement.Sign(ParticipantRole.Mentee, 1, Now.AddDays(-98));
        return agreement;
    }

    /// <summary>Pulses from <paramref name="people"/> distinct pseudonyms in one cohort and month, each "useful" at <paramref name="useful"/>.</summary>
    public static Task Pulses(FlipsideFactory app, Guid programId, Guid cohortId, string prefix, int people, int useful, DateOnly month) => app.Query(async db =>
    {
        for (var i = 0; i < people; i++)
        {
            db.PulseAnswers.Add(new PulseAnswer(programId, cohortId, $"{prefix}{i}", ParticipantRole.Mentor, month, useful, useful));
            db.PulseAnswers.Add(new PulseAnswer(programId, cohortId, $"{prefix}{i}", ParticipantRole.Mentor, month, useful, useful));
        }
        return await db.SaveChangesAsync();
    });
}
