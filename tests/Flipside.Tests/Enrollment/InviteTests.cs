using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Enrollment;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Enrollment;

public sealed class InviteTests(FlipsideFactory app) : IClassFixture<FlipsideFactory>, IAsyncLifetime
{
    // Shared by the class's tests and emptied before each: the configuration is the same for all of them.
    private readonly FlipsideFactory _app = app;
    private HttpClient _manager = null!;
    private Guid _cohort;

    public async Task InitializeAsync()
    {
        await _app.ResetAsync();
        var admin = await Given.AnAdministrator(_app);
        _manager = await Given.AnAccount(_app, admin, "pam@example.com", Roles.ProgramManager);
        await Seed.People(_app,
            Seed.APerson("L1", grade: 8), Seed.APerson("L2", grade: 9, department: "Sales"),
            Seed.APerson("M1", grade: 3), Seed.APerson("M2", grade: 2, tenureMonths: 4), Seed.APerson("M3", grade: 8),
            Seed.APerson("GONE", grade: 2));
        await _app.Query(async db =>
        {
            (await db.People.SingleAsync(p => p.EmployeeId == "GONE")).Status = PersonStatus.Left;
            return await db.SaveChangesAsync();
        });
        (_, _cohort) = await Seed.AProgram(_app, "pam@example.com");
    }

    // xunit disposes the class fixture after the class's last test.
    public Task DisposeAsync() => Task.CompletedTask;

    private async Task<InviteToCohort.Result> Invite(ParticipantRole role, string[]? ids = null, object? filter = null)
    {
        var response = await _manager.PostAsJsonAsync($"/api/v1/cohorts/{_cohort}/enrollments", new { role, employeeIds = ids, filter }, Json.Options);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<InviteToCohort.Result>(Json.Options))!;
    }

    [Fact]
    public async Task Invite_ByEmployeeIds_InvitesTheEligible_AndSaysWhyNotTheOthers()
    {
        await Invite(ParticipantRole.Mentee, ["L1", "L2"]);

        var result = await Invite(ParticipantRole.Mentor, ["M1", "M2", "M3", "GONE", "NOPE", "L1"]);

        Assert.Equal(1, result.Invited);
        var reasons = result.Skipped.ToDictionary(s => s.EmployeeId, s => s.Reason);
        Assert.Equal("tenure 4 months, the program asks for 12", reasons["M2"]);
        Assert.StartsWith("this cohort takes mentors at least 2 grades below its most senior leader (grade", reasons["M3"]);
        Assert.DoesNotContain("gap", reasons["M3"]);
        Assert.Contains("has left the organisation", reasons["GONE"]);
        Assert.Equal("no one in the directory has this employee id", reasons["NOPE"]);
        Assert.Equal("already in this cohort", reasons["L1"]);
    }

    [Fact]
    public async Task Invite_WritesAnEmail_WithAnAccountLink_ForPeopleWithoutAnAccount()
    {
        await Invite(ParticipantRole.Mentee, ["L1"]);

        var email = await _app.Query(db => db.Outbox.SingleAsync(m => m.To == "l1@example.com"));
        Assert.Contains("Would you join Digital fluency as a leader?", email.Subject);
        Assert.Contains("/Account/Invitation?token=", email.TextBody);
        Assert.Equal(1, await _app.Query(db => db.Invitations.CountAsync(i => i.Email == "l1@example.com" && i.Role == Roles.Participant)));
    }

    [Fact]
    public async Task Invite_ByFilter_InvitesEveryoneEligibleInIt()
    {
        var result = await Invite(ParticipantRole.Mentee, filter: new { department = "Operations", minGrade = 7 });

        Assert.Equal(2, result.Invited); // L1 and M3; L2 is in Sales
        var roster = await _manager.GetFromJsonAsync<EnrollmentApi.Roster>($"/api/v1/cohorts/{_cohort}/enrollments", Json.Options);
        Assert.Equal(["L1", "M3"], roster!.Enrollments.Select(e => e.EmployeeId).Order());
    }

    [Theory]
    [InlineData("{\"department\":\"Legal\"}", "No one in the directory matches this filter (department Legal), so nobody was invited.")]
    [InlineData("{\"department\":\"Sales\",\"location\":\"Paris\",\"minGrade\":3,\"maxGrade\":5}",
        "No one in the directory matches this filter (department Sales, location Paris, grades 3 to 5), so nobody was invited.")]
    [InlineData("{\"maxGrade\":1}", "No one in the directory matches this filter (grade 1 or below), so nobody was invited.")]
    public async Task Invite_ByAFilterThatMatchesNobody_SaysNoOneInTheDirectoryMatches(string filter, string sentence)
    {
        var body = $"{{\"role\":\"Mentee\",\"filter\":{filter}}}";

        var response = await _manager.PostAsync($"/api/v1/cohorts/{_cohort}/enrollments", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.Equal([sentence], problem!.Errors["filter"]);
        Assert.Equal(0, await _app.Query(db => db.Enrollments.CountAsync()));
    }

    [Fact]
    public async Task RosterPage_AFilterThatMatchesNobody_SaysSo_InsteadOfInvitingZero()
    {
        var response = await _manager.Submit($"/Enrollment/Roster?cohortId={_cohort}",
            new Dictionary<string, string> { ["InviteRole"] = "Mentee", ["Filter.Department"] = "Sales", ["Filter.MinGrade"] = "10" },
            $"/Enrollment/Roster?cohortId={_cohort}&handler=Invite&byFilter=true");

        var html = await response.Html();
        Assert.Contains("No one in the directory matches this filter (department Sales, grade 10 or above), so nobody was invited.", html);
        Assert.Contains("data-valmsg-for=\"Filter\"", html);
        Assert.DoesNotContain("Invited 0", html);
        Assert.Contains("<option value=\"Sales\" selected=\"selected\">Sales</option>", html);
    }

    [Fact]
    public async Task RosterPage_OffersTheDirectorysDepartmentsAndLocations_ToChooseFrom()
    {
        var html = await (await _manager.GetAsync($"/Enrollment/Roster?cohortId={_cohort}")).Html();

        var department = System.Text.RegularExpressions.Regex.Match(html, "<select[^>]*id=\"f-dept\"[^>]*>(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline);
        var location = System.Text.RegularExpressions.Regex.Match(html, "<select[^>]*id=\"f-loc\"[^>]*>(.*?)</select>", System.Text.RegularExpressions.RegexOptions.Singleline);
        Assert.True(department.Success && location.Success, "department and location are chosen, not typed");
        Assert.Equal(["", "Operations", "Sales"], System.Text.RegularExpressions.Regex.Matches(department.Groups[1].Value, "value=\"([^\"]*)\"").Select(m => m.Groups[1].Value));
        Assert.Equal(["", "London"], System.Text.RegularExpressions.Regex.Matches(location.Groups[1].Value, "value=\"([^\"]*)\"").Select(m => m.Groups[1].Value));
    }

    [Fact]
    public async Task Invite_WhenTheCohortIsPastEnrolling_IsRefusedWithTheReason()
    {
        await _app.Query(async db => { (await db.Cohorts.SingleAsync()).MoveTo(CohortStatus.Matching, pairingsReady: 0); return await db.SaveChangesAsync(); });

        var response = await _manager.PostAsJsonAsync($"/api/v1/cohorts/{_cohort}/enrollments", new { role = "Mentee", employeeIds = new[] { "L1" } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("people join only while it is planning or enrolling", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await _app.Query(db => db.Enrollments.CountAsync()));
    }

    [Theory]
    [InlineData("{}", "employeeIds")]
    [InlineData("{\"filter\":{}}", "filter")]
    [InlineData("{\"filter\":{\"minGrade\":0}}", "filter.minGrade")]
    [InlineData("{\"filter\":{\"maxGrade\":11}}", "filter.maxGrade")]
    [InlineData("{\"filter\":{\"minGrade\":6,\"maxGrade\":3}}", "filter.maxGrade")]
    public async Task Invite_WithNobodyOrABadFilter_NamesTheField(string whom, string field)
    {
        var body = whom.Insert(1, whom.Length > 2 ? "\"role\":\"Mentee\"," : "\"role\":\"Mentee\"");

        var response = await _manager.PostAsync($"/api/v1/cohorts/{_cohort}/enrollments", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ValidationProblemDetails>();
        Assert.Equal([field], problem!.Errors.Keys);
        Assert.Equal(0, await _app.Query(db => db.Enrollments.CountAsync()));
    }

    [Fact]
    public async Task Invite_CountsEachEmployeeIdOnce_AgainstTheLimit()
    {
        var result = await Invite(ParticipantRole.Mentee, [.. Enumerable.Repeat("L1", InviteToCohort.MaxPerRequest + 100), " L1 "]);

        Assert.Equal(1, result.Invited);
    }

    [Fact]
    public async Task RosterPage_ShowsABadFilter_BesideTheField_AndKeepsWhatWasTyped()
    {
        var response = await _manager.Submit($"/Enrollment/Roster?cohortId={_cohort}",
            new Dictionary<string, string> { ["InviteRole"] = "Mentee", ["Filter.Department"] = "Operations", ["Filter.MinGrade"] = "12" },
            $"/Enrollment/Roster?cohortId={_cohort}&handler=Invite&byFilter=true");

        var html = await response.Html();
        Assert.Contains("The lowest grade must be from 1 to 10.", html);
        Assert.Contains("data-valmsg-for=\"Filter.MinGrade\"", html);
        Assert.Contains("value=\"Operations\"", html);
        Assert.Equal(0, await _app.Query(db => db.Enrollments.CountAsync()));
    }

    [Fact]
    public async Task Invite_IntoAnArchivedProgram_IsRefusedWithTheReason()
    {
        await _app.Query(async db => { (await db.Programs.SingleAsync()).Archive(DateTimeOffset.UtcNow); return await db.SaveChangesAsync(); });

        var response = await _manager.PostAsJsonAsync($"/api/v1/cohorts/{_cohort}/enrollments", new { role = "Mentee", employeeIds = new[] { "L1" } });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("is archived", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await _app.Query(db => db.Enrollments.CountAsync()));
    }

    [Fact]
    public async Task AMentorSoSeniorThatNoLeaderCouldBeAboveThem_IsRefused_EvenInAnEmptyCohort()
    {
        await Seed.People(_app, Seed.APerson("TOP", grade: 9));

        var result = await Invite(ParticipantRole.Mentor, ["TOP", "M1"]);

        Assert.Equal(1, result.Invited);
        Assert.Equal("grade 9 leaves no leader at least 2 grades above on the 1–10 scale", Assert.Single(result.Skipped).Reason);
    }

    [Fact]
    public async Task AnotherProgramManager_CannotSeeOrInviteIntoThisCohort()
    {
        var admin = await Given.SignedIn(_app, Given.AdminEmail);
        var other = await Given.AnAccount(_app, admin, "otto@example.com", Roles.ProgramManager);

        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/v1/cohorts/{_cohort}/enrollments")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/v1/cohorts/{_cohort}/enrollments", new { role = "Mentee", employeeIds = new[] { "L1" } })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Enrollment/Roster?cohortId={_cohort}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/api/v1/cohorts/{_cohort}/enrollments")).StatusCode);
    }

    [Fact]
    public async Task RosterPage_InvitesFromAnUploadedListOfIds()
    {
        var page = await _manager.GetAsync($"/Enrollment/Roster?cohortId={_cohort}");
        var html = await page.Html();
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        using var form = new MultipartFormDataContent
        {
            { new StringContent(token), "__RequestVerificationToken" },
            { new StringContent("Mentee"), "InviteRole" },
            { new ByteArrayContent("employee_id,name\nL1,Leader One\nL2,Leader Two\n"u8.ToArray()), "EmployeeIdsFile", "ids.csv" },
        };

        var response = await _manager.PostAsync($"/Enrollment/Roster?cohortId={_cohort}&handler=Invite", form);

        Assert.Contains("Invited 2 people", await response.Html());
    }
}
