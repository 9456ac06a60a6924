using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Flipside.Domain;
using Flipside.Features.Enrollment;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Enrollment;

/// <summary>Participation is voluntary at every step: accept, decline, apply, withdraw; a line manager may have to agree.</summary>
public sealed partial class ParticipationTests(FlipsideFactory app) : IClassFixture<FlipsideFactory>, IAsyncLifetime
{
    // Shared by the class's tests and emptied before each: the configuration is the same for all of them.
    private readonly FlipsideFactory _app = app;
    private HttpClient _admin = null!;
    private HttpClient _manager = null!;
    private Guid _cohort;

    public async Task InitializeAsync()
    {
        await _app.ResetAsync();
        _admin = await Given.AnAdministrator(_app);
        _manager = await Given.AnAccount(_app, _admin, "pam@example.com", Roles.ProgramManager);
        await Seed.People(_app, Seed.APerson("BOSS", grade: 6), Seed.APerson("L1", grade: 8), Seed.APerson("M1", grade: 3, manager: "BOSS"));
    }

    // xunit disposes the class fixture after the class's last test.
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<HttpClient> InvitedAs(string employeeId, ParticipantRole role)
    {
        var invite = await _manager.PostAsJsonAsync($"/api/v1/cohorts/{_cohort}/enrollments", new { role, employeeIds = new[] { employeeId } }, Json.Options);
        Assert.Equal(HttpStatusCode.OK, invite.StatusCode);
        var email = $"{employeeId.ToLowerInvariant()}@example.com";
        var token = await Given.LatestInvitationToken(_app, email);
        Assert.Equal(HttpStatusCode.NoContent, (await _app.Browser().PostAsJsonAsync("/api/v1/account/invitations/accept", new { token, password = Given.Password })).StatusCode);
        return await Given.SignedIn(_app, email);
    }

    private static async Task<MyEnrollments.Item> Mine(HttpClient person) =>
        Assert.Single((await person.GetFromJsonAsync<List<MyEnrollments.Item>>("/api/v1/enrollments/mine", Json.Options))!);

    [Fact]
    public async Task AnInvitedPerson_Accepts_AndIsEnrolled()
    {
        (_, _cohort) = await Seed.AProgram(_app, "pam@example.com");
        var leader = await InvitedAs("L1", ParticipantRole.Mentee);
        var invitation = await Mine(leader);
        Assert.Equal(EnrollmentStatus.Invited, invitation.Status);

        Assert.Equal(HttpStatusCode.NoContent, (await leader.PostAsync($"/api/v1/enrollments/{invitation.EnrollmentId}/accept", null)).StatusCode);

        Assert.Equal(EnrollmentStatus.Enrolled, (await Mine(leader)).Status);
        Assert.Contains("Digital fluency", await (await leader.GetAsync("/")).Html());
    }

    [Fact]
    public async Task AnInvitedPerson_Declines_AndCanNoLongerAccept()
    {
        (_, _cohort) = await Seed.AProgram(_app, "pam@example.com");
        var leader = await InvitedAs("L1", ParticipantRole.Mentee);
        var id = (await Mine(leader)).EnrollmentId;

        await leader.PostAsync($"/api/v1/enrollments/{id}/decline", null);
        var accept = await leader.PostAsync($"/api/v1/enrollments/{id}/accept", null);

        Assert.Equal(EnrollmentStatus.Declined, (await Mine(leader)).Status);
        Assert.Equal(HttpStatusCode.Conflict, accept.StatusCode);
    }

    [Fact]
    public async Task AParticipant_WithdrawsFromThePage_WithoutAReason()
    {
        (_, _cohort) = await Seed.AProgram(_app, "pam@example.com");
        var leader = await InvitedAs("L1", ParticipantRole.Mentee);
        var id = (await Mine(leader)).EnrollmentId;
        await leader.PostAsync($"/api/v1/enrollments/{id}/accept", null);

        var response = await leader.Submit("/Enrollment/Mine", new Dictionary<string, string>(), $"/Enrollment/Mine?id={id}&handler=Withdraw");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(EnrollmentStatus.Withdrawn, (await Mine(leader)).Status);
        var roster = await _manager.GetFromJsonAsync<EnrollmentApi.Roster>($"/api/v1/cohorts/{_cohort}/enrollments", Json.Options);
        Assert.Equal(EnrollmentStatus.Withdrawn, Assert.Single(roster!.Enrollments).Status);
    }

    [Fact]
    public async Task AMentor_NeedsTheLineManagersApproval_WhenTheProgramAsks()
    {
        (_, _cohort) = await Seed.AProgram(_app, "pam@example.com", p => p.Eligibility.RequireManagerApproval = true);
        var mentor = await InvitedAs("M1", ParticipantRole.Mentor);
        await mentor.PostAsync($"/api/v1/enrollments/{(await Mine(mentor)).EnrollmentId}/accept", null);
        Assert.Equal(EnrollmentStatus.AwaitingManagerApproval, (await Mine(mentor)).Status);

        var email = await _app.Query(db => db.Outbox.SingleAsync(m => m.To == "boss@example.com"));
        var token = ApprovalToken().Match(email.TextBody).Groups[1].Value;
        var page = await _app.Browser().GetAsync($"/Enrollment/Approval?token={token}");
        Assert.Contains("Person M1 would like to join Digital fluency", await page.Html());

        var approved = await _app.Browser().Submit($"/Enrollment/Approval?token={token}", new Dictionary<string, string> { ["Token"] = token, ["approve"] = "true" });
        Assert.Contains("can take part", await approved.Html());
        Assert.Equal(EnrollmentStatus.Enrolled, (await Mine(mentor)).Status);
        Assert.Contains("no longer valid", await (await _app.Browser().GetAsync($"/Enrollment/Approval?token={token}")).Html());
        var again = await _app.Browser().PostAsJsonAsync("/api/v1/enrollment-approvals", new { token, approve = false });
        Assert.Equal(HttpStatusCode.Gone, again.StatusCode);
    }

    [Fact]
    public async Task TheLineManagersEmail_SaysTheMentorWasInvited_WhenTheyWere()
    {
        (_, _cohort) = await Seed.AProgram(_app, "pam@example.com", p =>
        {
            p.Eligibility.RequireManagerApproval = true;
            p.DurationMonths = 1;
        });
        var mentor = await InvitedAs("M1", ParticipantRole.Mentor);
        await mentor.PostAsync($"/api/v1/enrollments/{(await Mine(mentor)).EnrollmentId}/accept", null);

        var email = await _app.Query(db => db.Outbox.SingleAsync(m => m.To == "boss@example.com"));
        Assert.Contains("Person M1 was invited to take part in Digital fluency (Pilot) as a mentor and has accepted:", email.TextBody);
        Assert.DoesNotContain("volunteered", email.TextBody);
        Assert.Contains("over 1 month.", email.TextBody);
    }

    [Fact]
    public async Task TheLineManagersEmail_SaysTheMentorVolunteered_WhenTheyDid()
    {
        (_, _cohort) = await Seed.AProgram(_app, "pam@example.com", p => p.Eligibility.RequireManagerApproval = true, openForApplications: true);
        var mentor = await Given.AnAccount(_app, _admin, "m1@example.com", Roles.Participant);
        var applied = await mentor.PostAsJsonAsync($"/api/v1/cohorts/{_cohort}/applications", new { role = "Mentor", motivation = "I teach my team TikTok already." });
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);

        var taken = await _manager.PostAsJsonAsync($"/api/v1/enrollments/{(await Mine(mentor)).EnrollmentId}/decision", new { accept = true });

        Assert.Equal(HttpStatusCode.NoContent, taken.StatusCode);
        var email = await _app.Query(db => db.Outbox.SingleAsync(m => m.To == "boss@example.com"));
        Assert.Contains("Person M1 has volunteered as a mentor in Digital fluency (Pilot):", email.TextBody);
        Assert.DoesNotContain("invited", email.TextBody);
        Assert.Contains("over 6 months.", email.TextBody);
    }

    [Fact]
    public async Task AVolunteer_Applies_AndTheProgramManagerTakesThemIn()
    {
        (_, _cohort) = await Seed.AProgram(_app, "pam@example.com", openForApplications: true);
        var leader = await Given.AnAccount(_app, _admin, "l1@example.com", Roles.Participant);

        var empty = await leader.PostAsJsonAsync($"/api/v1/cohorts/{_cohort}/applications", new { role = "Mentee", motivation = "" });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Contains("motivation", await empty.Content.ReadAsStringAsync());

        var applied = await leader.PostAsJsonAsync($"/api/v1/cohorts/{_cohort}/applications", new { role = "Mentee", motivation = "I want to understand how my teams use AI." });
        Assert.Equal(HttpStatusCode.Created, applied.StatusCode);
        var id = (await Mine(leader)).EnrollmentId;

        Assert.Equal(HttpStatusCode.Forbidden, (await leader.PostAsJsonAsync($"/api/v1/enrollments/{id}/decision", new { accept = true })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await _manager.PostAsJsonAsync($"/api/v1/enrollments/{id}/decision", new { accept = true })).StatusCode);
        Assert.Equal(EnrollmentStatus.Enrolled, (await Mine(leader)).Status);
    }

    [Fact]
    public async Task Applying_ToACohortThatIsNotOpen_IsRefused()
    {
        (_, _cohort) = await Seed.AProgram(_app, "pam@example.com", openForApplications: false);
        var leader = await Given.AnAccount(_app, _admin, "l1@example.com", Roles.Participant);

        var applied = await leader.PostAsJsonAsync($"/api/v1/cohorts/{_cohort}/applications", new { role = "Mentee", motivation = "Curious." });

        Assert.Equal(HttpStatusCode.Conflict, applied.StatusCode); // the cohort's state, not the input, is what is wrong
        Assert.Contains("not taking applications", await applied.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Accepting_AfterTheCohortMovedOnToMatching_IsRefusedWithTheReason()
    {
        (_, _cohort) = await Seed.AProgram(_app, "pam@example.com");
        var leader = await InvitedAs("L1", ParticipantRole.Mentee);
        var id = (await Mine(leader)).EnrollmentId;
        await _app.Query(async db => { (await db.Cohorts.SingleAsync()).MoveTo(CohortStatus.Matching, pairingsReady: 0); return await db.SaveChangesAsync(); });

        var api = await leader.PostAsync($"/api/v1/enrollments/{id}/accept", null);
        var page = await leader.Submit("/Enrollment/Mine", new Dictionary<string, string>(), $"/Enrollment/Mine?id={id}&handler=Accept");

        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Contains("This cohort is matching; people join only while it is planning or enrolling.", await page.Html());
        Assert.Equal(EnrollmentStatus.Invited, (await Mine(leader)).Status);
    }

    [Fact]
    public async Task Accepting_AfterThePersonNoLongerMeetsTheRules_IsRefusedWithTheReason()
    {
        (_, _cohort) = await Seed.AProgram(_app, "pam@example.com");
        var mentor = await InvitedAs("M1", ParticipantRole.Mentor);
        var id = (await Mine(mentor)).EnrollmentId;
        await _app.Query(async db => { (await db.Programs.SingleAsync()).Eligibility.MinMentorTenureMonths = 48; return await db.SaveChangesAsync(); });

        var accept = await mentor.PostAsync($"/api/v1/enrollments/{id}/accept", null);

        Assert.Equal(HttpStatusCode.Conflict, accept.StatusCode);
        Assert.Contains("tenure 36 months, the program asks for 48", await accept.Content.ReadAsStringAsync());
        Assert.Equal(EnrollmentStatus.Invited, (await Mine(mentor)).Status);
    }

    [Fact]
    public async Task TheMentor_HearsTheLineManagersAnswer_EvenWhenItIsNo()
    {
        (_, _cohort) = await Seed.AProgram(_app, "pam@example.com", p => p.Eligibility.RequireManagerApproval = true);
        var mentor = await InvitedAs("M1", ParticipantRole.Mentor);
        await mentor.PostAsync($"/api/v1/enrollments/{(await Mine(mentor)).EnrollmentId}/accept", null);
        var request = await _app.Query(db => db.Outbox.SingleAsync(m => m.To == "boss@example.com"));
        var token = ApprovalToken().Match(request.TextBody).Groups[1].Value;

        var declined = await _app.Browser().PostAsJsonAsync("/api/v1/enrollment-approvals", new { token, approve = false });

        Assert.Equal(HttpStatusCode.NoContent, declined.StatusCode);
        Assert.Equal(EnrollmentStatus.NotApproved, (await Mine(mentor)).Status);
        var told = await _app.Query(db => db.Outbox.SingleAsync(m => m.To == "m1@example.com" && m.Subject.Contains("not approved")));
        Assert.Contains("Nothing else is recorded", told.TextBody);
    }

    [Fact]
    public async Task ALineManagersApproval_AfterTheCohortMovedOn_DoesNotEnrol_AndSaysWhy()
    {
        (_, _cohort) = await Seed.AProgram(_app, "pam@example.com", p => p.Eligibility.RequireManagerApproval = true);
        var mentor = await InvitedAs("M1", ParticipantRole.Mentor);
        await mentor.PostAsync($"/api/v1/enrollments/{(await Mine(mentor)).EnrollmentId}/accept", null);
        var request = await _app.Query(db => db.Outbox.SingleAsync(m => m.To == "boss@example.com"));
        var token = ApprovalToken().Match(request.TextBody).Groups[1].Value;
        await _app.Query(async db => { (await db.Cohorts.SingleAsync()).MoveTo(CohortStatus.Matching, pairingsReady: 0); return await db.SaveChangesAsync(); });

        var page = await _app.Browser().Submit($"/Enrollment/Approval?token={token}", new Dictionary<string, string> { ["Token"] = token, ["approve"] = "true" });
        var api = await _app.Browser().PostAsJsonAsync("/api/v1/enrollment-approvals", new { token, approve = true });

        Assert.Contains("This cohort is matching; people join only while it is planning or enrolling.", await page.Html());
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Equal(EnrollmentStatus.AwaitingManagerApproval, (await Mine(mentor)).Status);
    }

    [Fact]
    public async Task ADecisionOrApproval_WithoutItsAnswer_NamesTheField_InsteadOfReadingNo()
    {
        (_, _cohort) = await Seed.AProgram(_app, "pam@example.com", openForApplications: true);
        var leader = await Given.AnAccount(_app, _admin, "l1@example.com", Roles.Participant);
        await leader.PostAsJsonAsync($"/api/v1/cohorts/{_cohort}/applications", new { role = "Mentee", motivation = "Curious." });
        var id = (await Mine(leader)).EnrollmentId;

        var decision = await _manager.PostAsJsonAsync($"/api/v1/enrollments/{id}/decision", new { });
        var approval = await _app.Browser().PostAsJsonAsync("/api/v1/enrollment-approvals", new { token = "whatever" });

        Assert.Equal(HttpStatusCode.BadRequest, decision.StatusCode);
        Assert.Contains("\"accept\"", await decision.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, approval.StatusCode);
        Assert.Contains("\"approve\"", await approval.Content.ReadAsStringAsync());
        Assert.Equal(EnrollmentStatus.Applied, (await Mine(leader)).Status);
    }

    [Fact]
    public async Task ThePages_ReadAMissingYesOrNo_AsMissing_AndShowARefusalAsAnError()
    {
        (_, _cohort) = await Seed.AProgram(_app, "pam@example.com", openForApplications: true);
        var leader = await Given.AnAccount(_app, _admin, "l1@example.com", Roles.Participant);
        await leader.PostAsJsonAsync($"/api/v1/cohorts/{_cohort}/applications", new { role = "Mentee", motivation = "Curious." });
        var id = (await Mine(leader)).EnrollmentId;
        var roster = $"/Enrollment/Roster?cohortId={_cohort}";

        var missing = await _manager.Submit(roster, new Dictionary<string, string> { ["enrollmentId"] = id.ToString() }, $"{roster}&handler=Decide");
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Choose whether to take the volunteer in or decline.", await missing.Html());
        Assert.Equal(EnrollmentStatus.Applied, (await Mine(leader)).Status);

        await _manager.PostAsJsonAsync($"/api/v1/enrollments/{id}/decision", new { accept = false });
        var twice = await _manager.Submit(roster, new Dictionary<string, string> { ["enrollmentId"] = id.ToString(), ["accept"] = "true" }, $"{roster}&handler=Decide");
        var html = await twice.Html();
        Assert.Equal(HttpStatusCode.OK, twice.StatusCode);
        Assert.Contains("Only an open application can be decided.", html);
        Assert.DoesNotContain("alert-success", html);
        Assert.Equal(EnrollmentStatus.Declined, (await Mine(leader)).Status);
    }

    [Fact]
    public async Task TheApprovalPage_WithoutAnAnswer_AsksAgain_InsteadOfDeclining()
    {
        (_, _cohort) = await Seed.AProgram(_app, "pam@example.com", p => p.Eligibility.RequireManagerApproval = true);
        var mentor = await InvitedAs("M1", ParticipantRole.Mentor);
        await mentor.PostAsync($"/api/v1/enrollments/{(await Mine(mentor)).EnrollmentId}/accept", null);
        var request = await _app.Query(db => db.Outbox.SingleAsync(m => m.To == "boss@example.com"));
        var token = ApprovalToken().Match(request.TextBody).Groups[1].Value;

        var page = await _app.Browser().Submit($"/Enrollment/Approval?token={token}", new Dictionary<string, string> { ["Token"] = token });

        Assert.Contains("Choose Approve or Decline.", await page.Html());
        Assert.Equal(EnrollmentStatus.AwaitingManagerApproval, (await Mine(mentor)).Status);
    }

    [Fact]
    public async Task TheRoster_ShowsWhyAVolunteerApplied()
    {
        (_, _cohort) = await Seed.AProgram(_app, "pam@example.com", openForApplications: true);
        var leader = await Given.AnAccount(_app, _admin, "l1@example.com", Roles.Participant);
        await leader.PostAsJsonAsync($"/api/v1/cohorts/{_cohort}/applications", new { role = "Mentee", motivation = "My teams live on chat; I do not." });

        var roster = await _manager.GetAsync($"/Enrollment/Roster?cohortId={_cohort}");

        Assert.Contains("My teams live on chat; I do not.", await roster.Html());
    }

    [GeneratedRegex(@"/Enrollment/Approval\?token=([A-Za-z0-9_\-]+)")]
    private static partial Regex ApprovalToken();
}
