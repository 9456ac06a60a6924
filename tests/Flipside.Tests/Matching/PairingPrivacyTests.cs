using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flipside.Domain;
using Flipside.Features.Matching;
using Flipside.Features.Pairings;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Matching;

/// <summary>Pairs made by hand, what participants see of their pairing, and the no-fault way out.</summary>
public sealed class PairingPrivacyTests(FlipsideFactory app) : AdministeredTests(app)
{
    private Guid _cohort;

    private string Url(string rest = "") => $"/api/v1/cohorts/{_cohort}{rest}";

    private async Task<MatchingBoard.Board> Board() => (await Admin.GetFromJsonAsync<MatchingBoard.Board>(Url("/matching"), Json.Options))!;

    private static async Task<string> Detail(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("detail").GetString()!;

    /// <summary>A matching cohort with L1 and L2 (grade 9) and M1 and M2 (grade 3), matched and published.</summary>
    private async Task<(List<Person> Leaders, List<Person> Mentors)> APublishedCohort()
    {
        _cohort = (await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Matching)).CohortId;
        var people = await Enrolled.Cohort(App, _cohort, leaders: 2, mentors: 2);
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsJsonAsync(Url("/matching/runs"), new { })).StatusCode);
        foreach (var p in (await Board()).Pairs)
            await Admin.PostAsJsonAsync(Url($"/pairings/{p.Id}/decision"), new { decision = "approve" });
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync(Url("/matching/publish"), null)).StatusCode);
        return people;
    }

    private Task<HttpClient> As(Person person) => Given.AnAccount(App, Admin, person.Email, Roles.Participant);

    [Fact]
    public async Task ByHand_InsideAReportingLine_IsRefusedNamingTheRule()
    {
        _cohort = (await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Matching)).CohortId;
        var leader = Seed.APerson("L1", 9);
        await Enrolled.Enrol(App, _cohort, leader, ParticipantRole.Mentee, "Podcasting");
        var report = Seed.APerson("M1", 3, manager: "L1");
        await Enrolled.Enrol(App, _cohort, report, ParticipantRole.Mentor, "Podcasting");

        var response = await Admin.PostAsJsonAsync(Url("/pairings"), new { menteePersonId = leader.Id, mentorPersonId = report.Id });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("inside a reporting line", await Detail(response));
    }

    [Fact]
    public async Task ByHand_AgainstTheGradeGap_IsRefusedNamingTheRule()
    {
        _cohort = (await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Matching)).CohortId;
        var leader = Seed.APerson("L1", 5);
        await Enrolled.Enrol(App, _cohort, leader, ParticipantRole.Mentee, "Podcasting");
        var mentor = Seed.APerson("M1", 4);
        await Enrolled.Enrol(App, _cohort, mentor, ParticipantRole.Mentor, "Podcasting");

        var response = await Admin.PostAsJsonAsync(Url("/pairings"), new { menteePersonId = leader.Id, mentorPersonId = mentor.Id });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("grade gap below 2", await Detail(response));
    }

    [Fact]
    public async Task ByHand_WithSomeoneAlreadyPaired_IsRefused()
    {
        var (leaders, mentors) = await APublishedCohort();
        var pair = (await Board()).Pairs[0];

        var response = await Admin.PostAsJsonAsync(Url("/pairings"), new { menteePersonId = pair.MenteePersonId, mentorPersonId = mentors.First(m => m.Id != pair.MentorPersonId).Id });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("already in a pairing", await Detail(response));
        Assert.NotEmpty(leaders);
    }

    [Fact]
    public async Task ByHand_WithSomeoneWhoLeft_IsRefused()
    {
        _cohort = (await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Matching)).CohortId;
        var leader = Seed.APerson("L1", 9);
        await Enrolled.Enrol(App, _cohort, leader, ParticipantRole.Mentee, "Podcasting");
        var mentor = Seed.APerson("M1", 3);
        await Enrolled.Enrol(App, _cohort, mentor, ParticipantRole.Mentor, "Podcasting");
        // Marked left as an administrator does it, which also ends the enrolment.
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync($"/api/v1/people/{leader.Id}/leave", null)).StatusCode);

        var response = await Admin.PostAsJsonAsync(Url("/pairings"), new { menteePersonId = leader.Id, mentorPersonId = mentor.Id });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("has left the organisation", await Detail(response));
    }

    [Fact]
    public async Task ByHand_AWeakPair_IsMadeWithAWarning_AndKeptByTheNextRun()
    {
        _cohort = (await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Matching)).CohortId;
        var leader = Seed.APerson("L1", 9);
        await Enrolled.Enrol(App, _cohort, leader, ParticipantRole.Mentee, "Podcasting");
        var good = Seed.APerson("M1", 3);
        await Enrolled.Enrol(App, _cohort, good, ParticipantRole.Mentor, "Podcasting");
        var weak = Seed.APerson("M2", 3);
        await Enrolled.Enrol(App, _cohort, weak, ParticipantRole.Mentor, "Short video", interests: ["Opera"]);
        await Admin.PostAsJsonAsync(Url("/matching/runs"), new { });
        var proposal = (await Board()).Pairs.Single();
        await Admin.PostAsJsonAsync(Url($"/pairings/{proposal.Id}/decision"), new { decision = "reject" });

        var response = await Admin.PostAsJsonAsync(Url("/pairings"), new { menteePersonId = leader.Id, mentorPersonId = weak.Id });
        var made = (await response.Content.ReadFromJsonAsync<PairByHand.Made>(Json.Options))!;
        await Admin.PostAsJsonAsync(Url("/matching/runs"), new { });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Contains("under half the last run's average pair", made.Warning);
        var kept = (await Board()).Pairs.Single(p => p.Status == PairingStatus.Approved);
        Assert.True(kept.ByHand && kept.Locked && kept.MentorPersonId == weak.Id);
    }

    [Fact]
    public async Task Mentor_SeesThePartnerAndWhy_ButNoBoardRunsOrOtherPairings()
    {
        var (leaders, mentors) = await APublishedCohort();
        var mentor = await As(mentors[0]);

        var mine = (await mentor.GetFromJsonAsync<List<MyPairings.Item>>("/api/v1/pairings/mine", Json.Options))!;

        var item = Assert.Single(mine);
        Assert.Equal(ParticipantRole.Mentor, item.MyRole);
        Assert.StartsWith("Person L", item.Partner.Name);
        Assert.NotEmpty(item.Reasons);
        Assert.DoesNotContain(item.Reasons, r => r.Contains("Person M1", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.Forbidden, (await mentor.GetAsync(Url("/matching"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mentor.PostAsJsonAsync(Url("/matching/runs"), new { })).StatusCode);
        var others = (await Board()).Pairs.Single(p => p.MentorPersonId != mentors[0].Id);
        var leave = await mentor.PostAsJsonAsync($"/api/v1/pairings/{others.Id}/exit", new { action = "end" });
        Assert.Equal(HttpStatusCode.NotFound, leave.StatusCode);
        Assert.NotEmpty(leaders);
    }

    [Fact]
    public async Task AnotherProgramsManager_FindsNoBoardOrRun()
    {
        await APublishedCohort();
        var other = await Given.AnAccount(App, Admin, "pm2@example.com", Roles.ProgramManager);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Url("/matching"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync(Url("/matching/runs"), new { })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Matching/Board?cohortId={_cohort}")).StatusCode);
    }

    [Fact]
    public async Task JuniorEndsThePairing_TheLeaderLearnsOnlyThatItEnded_AndTheManagerReadsWhy()
    {
        var (leaders, mentors) = await APublishedCohort();
        var pair = (await Board()).Pairs.Single(p => p.MentorPersonId == mentors[0].Id);
        var leaderPerson = leaders.Single(l => l.Id == pair.MenteePersonId);
        var mentor = await As(mentors[0]);
        var leader = await As(leaderPerson);
        const string reason = "He keeps moving our meetings and talks over me";

        var ended = await mentor.PostAsJsonAsync($"/api/v1/pairings/{pair.Id}/exit", new { action = "newMatch", reason });

        Assert.Equal(HttpStatusCode.NoContent, ended.StatusCode);
        var leadersView = await leader.GetStringAsync("/api/v1/pairings/mine");
        Assert.Contains("The program has ended this pairing.", leadersView);
        Assert.DoesNotContain(reason, leadersView);
        Assert.DoesNotContain("mentor", JsonDocument.Parse(leadersView).RootElement[0].GetProperty("ended").GetString()!, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(reason, await (await leader.GetAsync("/Enrollment/Mine")).Html());
        var toLeader = await App.Query(db => db.Outbox.Where(m => m.To == leaderPerson.Email && m.Kind == "pairing-ended").Select(m => m.TextBody).SingleAsync());
        Assert.DoesNotContain(reason, toLeader);
        Assert.Contains("The program has ended this pairing", toLeader);
        Assert.DoesNotContain(reason, string.Join("\n", await App.Query(db => db.Outbox.Select(m => m.TextBody).ToListAsync())));
        Assert.DoesNotContain(reason, string.Join("\n", await App.Query(db => db.AuditLog.Select(a => a.Summary).ToListAsync())));
        var onBoard = (await Board()).Pairs.Single(p => p.Id == pair.Id);
        Assert.Equal(reason, onBoard.EndReason);
        Assert.True(onBoard.RematchRequested);
        Assert.Equal("You ended this pairing.", (await mentor.GetFromJsonAsync<List<MyPairings.Item>>("/api/v1/pairings/mine", Json.Options))![0].Ended);
    }

    [Fact]
    public async Task ALeaderWhoManagesTheProgram_NeverReadsWhyTheirMentorLeft()
    {
        var (leaders, mentors) = await APublishedCohort();
        var pair = (await Board()).Pairs.Single(p => p.MentorPersonId == mentors[0].Id);
        var leaderPerson = leaders.Single(l => l.Id == pair.MenteePersonId);
        var mentor = await As(mentors[0]);
        await mentor.PostAsJsonAsync($"/api/v1/pairings/{pair.Id}/exit", new { action = "end", reason = "Not comfortable" });
        var leader = await Given.AnAccount(App, Admin, leaderPerson.Email, Roles.ProgramManager);
        var programId = await App.Query(db => db.Cohorts.Where(c => c.Id == _cohort).Select(c => c.ProgramId).SingleAsync());
        var added = await Admin.PostAsJsonAsync($"/api/v1/programs/{programId}/managers", new { email = leaderPerson.Email });
        Assert.True(added.IsSuccessStatusCode, await added.Content.ReadAsStringAsync());

        var board = await leader.GetStringAsync(Url("/matching"));

        Assert.DoesNotContain("Not comfortable", board);
        Assert.Contains("Not comfortable", await Admin.GetStringAsync(Url("/matching")));
    }

    [Fact]
    public async Task AfterAnExit_TheNextRunNeverProposesTheEndedPairAgain()
    {
        var (_, mentors) = await APublishedCohort();
        var pair = (await Board()).Pairs.Single(p => p.MentorPersonId == mentors[0].Id);
        await (await As(mentors[0])).PostAsJsonAsync($"/api/v1/pairings/{pair.Id}/exit", new { action = "end" });

        var rerun = await Admin.PostAsJsonAsync(Url("/matching/runs"), new { });
        var board = await Board();

        Assert.Equal(HttpStatusCode.Created, rerun.StatusCode);
        Assert.DoesNotContain(board.Pairs, p => p.Id != pair.Id && p.MenteePersonId == pair.MenteePersonId && p.MentorPersonId == pair.MentorPersonId);
    }

    [Fact]
    public async Task Exit_AnUnknownActionOrALongReason_Returns400()
    {
        var (_, mentors) = await APublishedCohort();
        var pair = (await Board()).Pairs.Single(p => p.MentorPersonId == mentors[0].Id);
        var mentor = await As(mentors[0]);

        var unknown = await mentor.PostAsJsonAsync($"/api/v1/pairings/{pair.Id}/exit", new { action = "vanish" });
        var tooLong = await mentor.PostAsJsonAsync($"/api/v1/pairings/{pair.Id}/exit", new { action = "end", reason = new string('x', Pairing.ReasonMaxLength + 1) });

        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(PairingStatus.Active, (await Board()).Pairs.Single(p => p.Id == pair.Id).Status);
    }

    [Fact]
    public async Task ALeaderWhoLeavesTheOrganisation_EndsThePairing_AndTheMentorIsToldOnlyThatItEnded()
    {
        var (leaders, _) = await APublishedCohort();
        var pair = (await Board()).Pairs.Single(p => p.MenteePersonId == leaders[0].Id);

        var left = await Admin.PostAsync($"/api/v1/people/{leaders[0].Id}/leave", null);

        Assert.True(left.IsSuccessStatusCode, await left.Content.ReadAsStringAsync());
        var ended = (await Board()).Pairs.Single(p => p.Id == pair.Id);
        Assert.Equal(PairingStatus.Ended, ended.Status);
        Assert.Equal(PairingActor.Directory, ended.EndedBy);
        var mentorEmail = await App.Query(db => db.People.Where(p => p.Id == pair.MentorPersonId).Select(p => p.Email).SingleAsync());
        var toMentor = await App.Query(db => db.Outbox.Where(m => m.To == mentorEmail && m.Kind == "pairing-ended").Select(m => m.TextBody).SingleAsync());
        Assert.Contains("The program has ended this pairing", toMentor);
        Assert.DoesNotContain("left the organisation", toMentor);
    }

    private Task<Guid> EnrolmentOf(Person person) =>
        App.Query(db => db.Enrollments.Where(e => e.PersonId == person.Id && e.CohortId == _cohort).Select(e => e.Id).SingleAsync());

    [Fact]
    public async Task AMentorWhoLeavesTheProgram_EndsTheirPairing_AndTheLeaderHearsOnlyThatTheProgramEndedIt()
    {
        var (leaders, mentors) = await APublishedCohort();
        var pair = (await Board()).Pairs.Single(p => p.MentorPersonId == mentors[0].Id);
        var leaderPerson = leaders.Single(l => l.Id == pair.MenteePersonId);
        var mentor = await As(mentors[0]);
        var leader = await As(leaderPerson);

        var left = await mentor.PostAsync($"/api/v1/enrollments/{await EnrolmentOf(mentors[0])}/withdraw", null);

        Assert.Equal(HttpStatusCode.NoContent, left.StatusCode);
        var onBoard = (await Board()).Pairs.Single(p => p.Id == pair.Id);
        Assert.Equal(PairingStatus.Ended, onBoard.Status);
        var leadersView = (await leader.GetFromJsonAsync<List<MyPairings.Item>>("/api/v1/pairings/mine", Json.Options))!.Single();
        Assert.Equal("The program has ended this pairing.", leadersView.Ended);
        Assert.Equal("", leadersView.Partner.Email);
        Assert.Equal(1, await App.Query(db => db.Outbox.CountAsync(m => m.To == leaderPerson.Email && m.Kind == PairingEmails.EndedKind)));
    }

    [Fact]
    public async Task ALeaderWhoLeavesBeforePublishing_HasTheApprovedPairRejected_AndNothingIsIntroduced()
    {
        _cohort = (await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Matching)).CohortId;
        var (leaders, _) = await Enrolled.Cohort(App, _cohort, leaders: 1, mentors: 1);
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsJsonAsync(Url("/matching/runs"), new { })).StatusCode);
        var pair = (await Board()).Pairs.Single();
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PostAsJsonAsync(Url($"/pairings/{pair.Id}/decision"), new { decision = "approve", version = pair.Version })).StatusCode);
        var leader = await As(leaders[0]);

        Assert.Equal(HttpStatusCode.NoContent, (await leader.PostAsync($"/api/v1/enrollments/{await EnrolmentOf(leaders[0])}/withdraw", null)).StatusCode);
        var publish = await Admin.PostAsync(Url("/matching/publish"), null);

        Assert.Equal(HttpStatusCode.Conflict, publish.StatusCode);
        Assert.Equal(PairingStatus.Rejected, (await Board()).Pairs.Single().Status);
        Assert.Equal(0, await App.Query(db => db.Outbox.CountAsync(m => m.Kind == PairingEmails.IntroductionKind)));
    }

    [Fact]
    public async Task TheLeadersOwnManager_ManagingTheProgram_IsNotToldThatTheMentorAskedForANewMatch()
    {
        _cohort = (await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Matching)).CohortId;
        var boss = Seed.APerson("B1", 10, department: "Board");
        await Seed.People(App, boss);
        var leaderPerson = Seed.APerson("L1", 9, manager: "B1", department: "Leadership 1");
        await Enrolled.Enrol(App, _cohort, leaderPerson, ParticipantRole.Mentee, "Podcasting");
        var mentorPerson = Seed.APerson("M1", 3, department: "Team 1");
        await Enrolled.Enrol(App, _cohort, mentorPerson, ParticipantRole.Mentor, "Podcasting");
        // Invited with the email in other letters than the directory's: the account keeps the case it was given.
        await Given.AnAccount(App, Admin, boss.Email.ToUpperInvariant(), Roles.ProgramManager);
        var programId = await App.Query(db => db.Cohorts.Where(c => c.Id == _cohort).Select(c => c.ProgramId).SingleAsync());
        Assert.True((await Admin.PostAsJsonAsync($"/api/v1/programs/{programId}/managers", new { email = boss.Email })).IsSuccessStatusCode);
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsJsonAsync(Url("/matching/runs"), new { })).StatusCode);
        var pair = (await Board()).Pairs.Single();
        await Admin.PostAsJsonAsync(Url($"/pairings/{pair.Id}/decision"), new { decision = "approve", version = pair.Version });
        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync(Url("/matching/publish"), null)).StatusCode);
        var mentor = await As(mentorPerson);

        Assert.Equal(HttpStatusCode.NoContent, (await mentor.PostAsJsonAsync($"/api/v1/pairings/{pair.Id}/exit", new { action = "newMatch", reason = "Too close to home" })).StatusCode);

        var toBoss = await App.Query(db => db.Outbox.Where(m => m.To.ToLower() == boss.Email).Select(m => m.TextBody).ToListAsync());
        Assert.DoesNotContain(toBoss, body => body.Contains("new match", StringComparison.OrdinalIgnoreCase) || body.Contains("ended", StringComparison.OrdinalIgnoreCase));
        Assert.Contains(await App.Query(db => db.Outbox.Where(m => m.To == Given.AdminEmail).Select(m => m.TextBody).ToListAsync()),
            body => body.Contains("new match", StringComparison.OrdinalIgnoreCase));
    }
}
