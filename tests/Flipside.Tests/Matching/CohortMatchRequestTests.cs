using Flipside.Domain;
using Flipside.Features.Matching;
using Flipside.Matching;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Matched = Flipside.Matching.Profiles;

namespace Flipside.Tests.Matching;

/// <summary>A cohort read from the database into the engine's request, and matched end to end.</summary>
public class CohortMatchRequestTests : IAsyncLifetime
{
    private readonly FlipsideFactory _app = new();

    public async Task InitializeAsync() => await Given.AnAdministrator(_app);

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Handle_SmallCohort_PairsEachLeaderWithTheMentorWhoTeachesTheirGoal()
    {
        var cohort = await ACohort();
        await Enrol(cohort, Seed.APerson("L1", 9, department: "Finance"), ParticipantRole.Mentee, "Generative AI");
        await Enrol(cohort, Seed.APerson("L2", 8, department: "Legal"), ParticipantRole.Mentee, "Podcasting");
        await Enrol(cohort, Seed.APerson("M1", 3, department: "Engineering"), ParticipantRole.Mentor, "Podcasting");
        await Enrol(cohort, Seed.APerson("M2", 2, department: "Marketing"), ParticipantRole.Mentor, "Generative AI");

        var result = Matcher.Match((await Build(cohort)).Request);

        Assert.True(result.ProvenOptimal);
        Assert.Equal([("Person L1", "Person M2"), ("Person L2", "Person M1")], await Names(result));
    }

    [Fact]
    public async Task Handle_UnfinishedProfileOrUnknownZone_IsLeftOutAndNamed()
    {
        var cohort = await ACohort();
        await Enrol(cohort, Seed.APerson("L1", 9), ParticipantRole.Mentee, "Generative AI", finished: false);
        await Enrol(cohort, Seed.APerson("M1", 3), ParticipantRole.Mentor, "Generative AI");
        var lost = Seed.APerson("M2", 3);
        lost.TimeZone = "Mars/Olympus_Mons";
        await Enrol(cohort, lost, ParticipantRole.Mentor, "Generative AI");

        var built = await Build(cohort);

        Assert.Empty(built.Request.Mentees);
        Assert.Single(built.Request.Mentors);
        Assert.Equal([("Person L1", "the matching profile is not finished"), ("Person M2", "the directory's time zone 'Mars/Olympus_Mons' is unknown, so availability cannot be placed")],
            built.Skipped.Select(s => (s.Name, s.Reason)));
    }

    [Fact]
    public async Task Handle_ProgramPairsAcrossDepartmentsOnly_IsAHardRule()
    {
        var cohort = await ACohort(p => p.Eligibility.ExcludeSameDepartment = true);
        await Enrol(cohort, Seed.APerson("L1", 9, department: "Finance"), ParticipantRole.Mentee, "Generative AI");
        // The colleague teaches the goal; the one from elsewhere does not, so only the rule keeps them apart.
        await Enrol(cohort, Seed.APerson("M1", 3, department: "Finance"), ParticipantRole.Mentor, "Generative AI");
        await Enrol(cohort, Seed.APerson("M2", 3, department: "Legal"), ParticipantRole.Mentor, "Podcasting");

        var built = await Build(cohort);
        var result = Matcher.Match(built.Request);

        Assert.True(built.Request.Rules.AcrossDepartmentsOnly);
        Assert.Equal([("Person L1", "Person M2")], await Names(result));
    }

    [Fact]
    public async Task Handle_ProgramGradeGap_ReachesTheEngine()
    {
        var cohort = await ACohort(p => p.Eligibility.MinGradeGap = 5);
        await Enrol(cohort, Seed.APerson("L1", 9), ParticipantRole.Mentee, "Generative AI");
        await Enrol(cohort, Seed.APerson("M1", 5), ParticipantRole.Mentor, "Generative AI");

        var built = await Build(cohort);

        Assert.Equal(5, built.Request.Rules.MinGradeGap);
        Assert.Empty(Matcher.Match(built.Request).Pairings);
    }

    [Fact]
    public async Task Handle_MentorsSkipLevelManagerIsTheMentee_NeverPairsThem()
    {
        var cohort = await ACohort();
        // CEO ← L1 (the mentee) ← TEAMLEAD ← M1 (the mentor): L1 is M1's manager's manager.
        await Seed.People(_app, Seed.APerson("CEO", 10), Seed.APerson("TEAMLEAD", 6, manager: "L1"));
        await Enrol(cohort, Seed.APerson("L1", 9, manager: "CEO", department: "Finance"), ParticipantRole.Mentee, "Generative AI");
        await Enrol(cohort, Seed.APerson("M1", 3, manager: "TEAMLEAD", department: "Engineering"), ParticipantRole.Mentor, "Generative AI");
        await Enrol(cohort, Seed.APerson("M2", 3, department: "Legal"), ParticipantRole.Mentor, "Podcasting");

        var built = await Build(cohort);
        var mentor = built.Request.Mentors.Single(m => m.Name == "Person M1");
        var mentee = built.Request.Mentees.Single();

        Assert.Equal(await Ids("TEAMLEAD", "L1", "CEO"), mentor.ManagerChain);
        Assert.Equal(await Ids("CEO"), mentee.ManagerChain);
        Assert.False(Matcher.Explain(built.Request, mentee.Id, mentor.Id).Eligible);
        Assert.Equal([("Person L1", "Person M2")], await Names(Matcher.Match(built.Request)));
    }

    [Fact]
    public async Task Handle_KolkataHours_ArriveInUtcOnTheHalfHour()
    {
        var cohort = await ACohort();
        var kolkata = Seed.APerson("M1", 3);
        kolkata.TimeZone = "Asia/Kolkata";
        await Enrol(cohort, kolkata, ParticipantRole.Mentor, "Generative AI", hours: [9, 33]);

        var mentor = (await Build(cohort)).Request.Mentors.Single();

        Assert.Equal(Matched.WeekHours.FromUtcSpans([((3 * 60) + 30, 60), ((27 * 60) + 30, 60)]), mentor.Availability);
    }

    private async Task<Guid> ACohort(Action<MentoringProgram>? configure = null) => (await Seed.AProgram(_app, Given.AdminEmail, configure)).CohortId;

    private async Task Enrol(Guid cohortId, Person person, ParticipantRole role, string topic, bool finished = true, int[]? hours = null)
    {
        await Seed.People(_app, person);
        await _app.Query(async db =>
        {
            var enrollment = Domain.Enrollment.Invite(cohortId, person.Id, role, FlipsideFactory.Start);
            enrollment.Accept(needsManagerApproval: false, approvalTokenHash: null, FlipsideFactory.Start);
            db.Enrollments.Add(enrollment);
            var profile = new Profile(enrollment.Id)
            {
                Languages = ["English"],
                Availability = [.. hours ?? [9, 10, 11, 33, 34, 35]],
                CompletedAt = finished ? FlipsideFactory.Start : null,
            };
            profile.Topics.Add(new ProfileTopic(role == ParticipantRole.Mentor ? TopicKind.Skill : TopicKind.LearningGoal, topic, role == ParticipantRole.Mentor ? 5 : 1));
            db.Profiles.Add(profile);
            return await db.SaveChangesAsync();
        });
    }

    private Task<CohortMatchRequest.Result> Build(Guid cohortId) =>
        _app.Query(async db => await CohortMatchRequest.Handle(cohortId, Flipside.Features.Shared.Viewer.System(db, "test"), db, CancellationToken.None) ?? throw new InvalidOperationException("no cohort"));

    private Task<List<string>> Ids(params string[] employeeIds) => _app.Query(async db =>
    {
        var byEmployee = await db.People.Where(p => employeeIds.Contains(p.EmployeeId)).ToDictionaryAsync(p => p.EmployeeId, p => p.Id.ToString());
        return employeeIds.Select(e => byEmployee[e]).ToList();
    });

    private Task<List<(string Mentee, string Mentor)>> Names(MatchResult result) => _app.Query(async db =>
    {
        var names = await db.People.ToDictionaryAsync(p => p.Id.ToString(), p => p.Name);
        return result.Pairings.Select(p => (names[p.MenteeId], names[p.MentorId])).Order().ToList();
    });
}
