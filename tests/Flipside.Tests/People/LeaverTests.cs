using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Flipside.Domain;
using Flipside.Features.Enrollment;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Flipside.Tests.People.PeopleFiles;

namespace Flipside.Tests.People;

/// <summary>
/// A leaver stays nowhere: marked left by an import or by hand, their account is deactivated, their open enrolments
/// end (and leave the cohort's readiness), and their program's managers are told; an undo gives it all back.
/// </summary>
public sealed class LeaverTests(FlipsideFactory app) : AdministeredTests(app)
{
    private static readonly string Everyone = Csv(Row("A1"), Row("A2", manager: "A1"), Row("A3", manager: "A1"));
    private HttpClient _manager = null!;
    private Guid _cohort;

    private async Task<HttpClient> AnEnrolledMentor(string employeeId)
    {
        _manager = await Given.AnAccount(App, Admin, "pam@example.com", Roles.ProgramManager);
        (_, _cohort) = await Seed.AProgram(App, "pam@example.com");
        var invite = await _manager.PostAsJsonAsync($"/api/v1/cohorts/{_cohort}/enrollments", new { role = ParticipantRole.Mentor, employeeIds = new[] { employeeId } }, Json.Options);
        Assert.Equal(HttpStatusCode.OK, invite.StatusCode);
        var email = $"{employeeId.ToLowerInvariant()}@example.com";
        var token = await Given.LatestInvitationToken(App, email);
        Assert.Equal(HttpStatusCode.NoContent, (await App.Browser().PostAsJsonAsync("/api/v1/account/invitations/accept", new { token, password = Given.Password })).StatusCode);
        var mentor = await Given.SignedIn(App, email);
        var mine = Assert.Single((await mentor.GetFromJsonAsync<List<MyEnrollments.Item>>("/api/v1/enrollments/mine", Json.Options))!);
        Assert.Equal(HttpStatusCode.NoContent, (await mentor.PostAsync($"/api/v1/enrollments/{mine.EnrollmentId}/accept", null)).StatusCode);
        return mentor;
    }

    [Fact]
    public async Task AnImportMarkingSomeoneLeft_DeactivatesTheirAccount_EndsTheirEnrolment_AndTellsTheManager()
    {
        await Admin.Applied(Everyone);
        await AnEnrolledMentor("A3");
        Assert.Equal(1, (await Roster()).Readiness.Mentors);

        var response = await Admin.ImportCsv(Csv(Row("A1"), Row("A2", manager: "A1")), markMissingAsLeft: true);
        var report = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal((1, 1, 1), ((int)report["markedLeft"]!, (int)report["enrollmentsEnded"]!, (int)report["accountsDeactivated"]!));

        Assert.False(await App.Query(db => db.Users.Where(u => u.Email == "a3@example.com").Select(u => u.IsActive).SingleAsync()));
        var signIn = await App.Browser().PostAsJsonAsync("/api/v1/account/sign-in", new { email = "a3@example.com", password = Given.Password });
        Assert.NotEqual(HttpStatusCode.NoContent, signIn.StatusCode);
        var roster = await Roster();
        Assert.Equal(EnrollmentStatus.Left, Assert.Single(roster.Enrollments).Status);
        Assert.Equal(0, roster.Readiness.Mentors);
        var told = await App.Query(db => db.Outbox.Where(m => m.To == "pam@example.com" && m.Subject.Contains("left")).ToListAsync());
        Assert.Equal("Person A3 has left the organisation: their place in Digital fluency has ended", Assert.Single(told).Subject);
        Assert.Contains("- Person A3 (A3), mentor in Pilot", told[0].TextBody, StringComparison.Ordinal);
        Assert.Equal(1, await App.Query(db => db.AuditLog.CountAsync(a => a.Action == "account.deactivated")));
    }

    [Fact]
    public async Task UndoingTheImport_GivesTheLeaverBackTheirAccountAndPlace()
    {
        await Admin.Applied(Everyone);
        await AnEnrolledMentor("A3");
        var response = await Admin.ImportCsv(Csv(Row("A1"), Row("A2", manager: "A1")), markMissingAsLeft: true);
        var importId = (string)JsonNode.Parse(await response.Content.ReadAsStringAsync())!["importId"]!;

        var undo = await Admin.PostAsync($"/api/v1/people/imports/{importId}/undo", null);
        var body = await undo.Content.ReadAsStringAsync();

        Assert.True(undo.StatusCode == HttpStatusCode.OK, body);
        Assert.Equal((1, 1), ((int)JsonNode.Parse(body)!["enrollmentsReturned"]!, (int)JsonNode.Parse(body)!["accountsReactivated"]!));
        Assert.Equal(EnrollmentStatus.Enrolled, Assert.Single((await Roster()).Enrollments).Status);
        Assert.True(await App.Query(db => db.Users.Where(u => u.Email == "a3@example.com").Select(u => u.IsActive).SingleAsync()));
        Assert.Equal(PersonStatus.Active, await App.Query(db => db.People.Where(p => p.EmployeeId == "A3").Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task MarkingLeftByHand_HasTheSameEffects_AndIsForAdministratorsOnly()
    {
        await Admin.Applied(Everyone);
        await AnEnrolledMentor("A3");
        var a3 = await App.Query(db => db.People.Where(p => p.EmployeeId == "A3").Select(p => p.Id).SingleAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await _manager.PostAsync($"/api/v1/people/{a3}/leave", null)).StatusCode);
        var marked = await Admin.PostAsync($"/api/v1/people/{a3}/leave", null);

        Assert.Equal(HttpStatusCode.OK, marked.StatusCode);
        Assert.Equal(EnrollmentStatus.Left, Assert.Single((await Roster()).Enrollments).Status);
        Assert.False(await App.Query(db => db.Users.Where(u => u.Email == "a3@example.com").Select(u => u.IsActive).SingleAsync()));
        Assert.Equal(1, await App.Query(db => db.Outbox.CountAsync(m => m.To == "pam@example.com" && m.Subject.Contains("has left"))));
        Assert.Equal(HttpStatusCode.Conflict, (await Admin.PostAsync($"/api/v1/people/{a3}/leave", null)).StatusCode);
    }

    [Fact]
    public async Task ThePreview_ListsActivePeopleWhoReportToALeaver()
    {
        await Admin.Applied(Everyone);
        var response = await Admin.PostAsync("/api/v1/people/import?dryRun=true&markMissingAsLeft=true",
            new StringContent(Csv(Row("A2", manager: "A1"), Row("A3", manager: "A1")), System.Text.Encoding.UTF8, "text/csv"));
        var reports = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["reportsOfLeavers"]!.AsArray();

        Assert.Equal(["A2 → A1 (Person A1)", "A3 → A1 (Person A1)"],
            reports.Select(r => $"{r!["employeeId"]} → {r["managerEmployeeId"]} ({r["managerName"]})"));
    }

    [Fact]
    public async Task AProgramManager_CannotMarkPeopleLeftThroughTheStatusColumn()
    {
        await Admin.Applied(Everyone);
        var manager = await Given.AnAccount(App, Admin, "pam@example.com", Roles.ProgramManager);

        var response = await manager.ImportCsv(Csv(Row("A1"), Row("A2", manager: "A1", status: "left"), Row("A3", manager: "A1")));

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("marks A2 as left", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(PersonStatus.Active, await App.Query(db => db.People.Where(p => p.EmployeeId == "A2").Select(p => p.Status).SingleAsync()));
    }

    private async Task<EnrollmentApi.Roster> Roster() =>
        (await Admin.GetFromJsonAsync<EnrollmentApi.Roster>($"/api/v1/cohorts/{_cohort}/enrollments", Json.Options))!;

    [Fact]
    public async Task AFileWhoseStatusColumnMarksSomeoneLeft_CountsAndNamesThemInThePreviewAndTheReport()
    {
        await Admin.Applied(Everyone);
        var file = Csv(Row("A1"), Row("A2", manager: "A1", status: "left"), Row("A3", manager: "A1"));

        var dry = await Admin.PostAsync("/api/v1/people/import?dryRun=true", new StringContent(file, System.Text.Encoding.UTF8, "text/csv"));
        var preview = JsonNode.Parse(await dry.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, dry.StatusCode);
        Assert.Equal(1, preview["markedLeft"]!.GetValue<int>());
        Assert.Equal("A2", preview["leaving"]![0]!["employeeId"]!.GetValue<string>());
        Assert.Equal(1, (await Admin.Applied(file)).MarkedLeft);
    }
}

