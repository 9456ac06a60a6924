using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Admin;
using Flipside.Features.Programs;
using Flipside.Features.Shared;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flipside.Tests.Programs;

/// <summary>The seams every feature loads: use cases guard themselves, lost races are 409s, decisions are audited, sponsors are real.</summary>
public sealed class SeamsTests(FlipsideFactory app) : ProgramsTestBase(app)
{
    [Fact]
    public async Task AdminOnlyUseCases_RefuseAProgramManager_WhoeverCallsThem()
    {
        var id = await Create(Pam);
        var pamId = await App.Query(db => db.Users.Where(u => u.Email == "pam@example.com").Select(u => u.Id).SingleAsync());
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlipsideDb>();
        var pam = Viewer.Of(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, pamId), new Claim(ClaimTypes.Email, "pam@example.com"), new Claim(ClaimTypes.Role, Roles.ProgramManager)], "test")), db);

        var add = await AddProgramManager.Handle(id, "otto@example.com", pam, db, App.Clock, default);
        var remove = await RemoveProgramManager.Handle(id, pamId, pam, db, App.Clock, default);
        var invite = await InvitePerson.Handle(new("new@example.com", "New Person", Roles.Administrator), pam, "http://localhost", db, App.Clock, default);

        Assert.Equal(Refusal.Forbidden, add.Problem?.Refusal);
        Assert.Equal(Refusal.Forbidden, remove.Problem?.Refusal);
        Assert.Equal(Refusal.Forbidden, invite.Problem?.Refusal);
        Assert.Single((await Get(Pam, id)).Managers);
    }

    [Fact]
    public async Task AStaleSave_Is409_SayingSomeoneElseChangedIt_AndKeepsTheirChange()
    {
        var id = await Create(Pam);
        var first = await Pam.GetAsync($"/api/v1/programs/{id}");
        var etag = first.Headers.ETag!.Tag;
        var mine = AProgram("Pam's name");
        var theirs = AProgram("Admin's name");

        var theirSave = await Put(Admin, id, theirs, etag);
        var mySave = await Put(Pam, id, mine, etag);

        Assert.Equal(HttpStatusCode.NoContent, theirSave.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, mySave.StatusCode);
        Assert.Contains("Someone else changed this", await mySave.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal("Admin's name", (await Get(Pam, id)).Program.Name);
        Assert.NotEqual(etag, (await Pam.GetAsync($"/api/v1/programs/{id}")).Headers.ETag!.Tag);
    }

    [Fact]
    public async Task TheEditForm_StartedBeforeAnotherChange_IsRefusedWithTheReason()
    {
        var id = await Create(Pam);
        var version = (await Get(Pam, id)).Version;
        Assert.Equal(HttpStatusCode.NoContent, (await Put(Admin, id, AProgram("Renamed meanwhile"), null)).StatusCode);

        var response = await Pam.Submit($"/Programs/Edit?id={id}", Form(AProgram("My rename"), version));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Someone else changed this", await response.Html(), StringComparison.Ordinal);
        Assert.Equal("Renamed meanwhile", (await Get(Pam, id)).Program.Name);
    }

    [Fact]
    public async Task TwoOverlappingSaves_OfOneCohort_TheSecondIsAConflictNotAnError()
    {
        var id = await Create(Pam);
        var cohortId = await CreateCohort(Pam, id);
        await using var one = App.Services.CreateAsyncScope();
        await using var two = App.Services.CreateAsyncScope();
        var db1 = one.ServiceProvider.GetRequiredService<FlipsideDb>();
        var db2 = two.ServiceProvider.GetRequiredService<FlipsideDb>();
        var c1 = await db1.Cohorts.SingleAsync(c => c.Id == cohortId);
        var c2 = await db2.Cohorts.SingleAsync(c => c.Id == cohortId);
        c1.Name = "First";
        c2.Name = "Second";
        await db1.SaveChangesAsync();

        var outcome = await Outcome.Of(Save(db2));

        Assert.Equal(Refusal.Conflict, outcome.Problem?.Refusal);
        Assert.Equal(Outcome.ChangedMeanwhile, outcome.Problem?.Reason);
        Assert.Equal("First", await App.Query(db => db.Cohorts.Where(c => c.Id == cohortId).Select(c => c.Name).SingleAsync()));

        static async Task<Outcome<Done>> Save(FlipsideDb db)
        {
            await db.SaveChangesAsync();
            return Outcome.Ok;
        }
    }

    [Fact]
    public async Task AStaleCohortSave_Is409_ThroughTheApiAndTheForm()
    {
        var id = await Create(Pam);
        var cohortId = await CreateCohort(Pam, id);
        var url = $"/api/v1/programs/{id}/cohorts/{cohortId}";
        var etag = (await Pam.GetAsync(url)).Headers.ETag!.Tag;
        var form = await Pam.GetAsync($"/Programs/Cohort?programId={id}&id={cohortId}");
        Assert.Contains("name=\"Version\"", await form.Html(), StringComparison.Ordinal);
        var body = new { name = "Renamed", startsOn = "2027-01-11", endsOn = "2027-07-09", capacity = 11 };

        var theirs = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body) };
        theirs.Headers.IfMatch.Add(new(etag));
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.SendAsync(theirs)).StatusCode);
        var mine = new HttpRequestMessage(HttpMethod.Put, url) { Content = JsonContent.Create(body with { name = "Mine" }) };
        mine.Headers.IfMatch.Add(new(etag));
        var stale = await Pam.SendAsync(mine);
        var page = await Pam.Submit($"/Programs/Cohort?programId={id}&id={cohortId}", new Dictionary<string, string>
        {
            ["Version"] = etag.Trim('"'), ["Input.Name"] = "Mine too", ["Input.StartsOn"] = "2027-01-11", ["Input.EndsOn"] = "2027-07-09", ["Input.Capacity"] = "11",
        });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("Someone else changed this", await page.Html(), StringComparison.Ordinal);
        Assert.Equal("Renamed", await App.Query(db => db.Cohorts.Where(c => c.Id == cohortId).Select(c => c.Name).SingleAsync()));
    }

    [Fact]
    public async Task AdministrativeChanges_AreAudited_WithWhoWhatAndWhich()
    {
        var id = await Create(Pam);
        var cohortId = await CreateCohort(Pam, id);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PostAsJsonAsync($"/api/v1/programs/{id}/managers", new { email = "otto@example.com" })).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Move(Pam, id, cohortId, "enrolling")).StatusCode);
        var ottoId = await App.Query(db => db.Users.Where(u => u.Email == "otto@example.com").Select(u => u.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.PutAsJsonAsync($"/api/v1/admin/users/{ottoId}/roles", new { roles = new[] { Roles.ProgramManager, Roles.Sponsor } })).StatusCode);

        var log = await App.Query(db => db.AuditLog.OrderBy(a => a.Id).ToListAsync());
        var adminId = await App.Query(db => db.Users.Where(u => u.Email == Given.AdminEmail).Select(u => u.Id).SingleAsync());

        var added = Assert.Single(log, a => a.Action == "program.manager-added");
        Assert.Equal((adminId, "Program", id.ToString()), (added.Actor, added.RecordType, added.RecordId));
        Assert.Contains("otto@example.com", added.Summary, StringComparison.Ordinal);
        Assert.Contains(log, a => a.Action == "cohort.moved" && a.RecordId == cohortId.ToString() && a.Summary.EndsWith("Planning to Enrolling", StringComparison.Ordinal));
        Assert.Contains(log, a => a.Action == "account.roles-changed" && a.RecordId == ottoId && a.Summary.Contains(Roles.Sponsor, StringComparison.Ordinal));
        Assert.Contains(log, a => a.Action == "account.invited");
    }

    [Fact]
    public async Task ImportsAndEnrolmentDecisions_AreAudited()
    {
        var (_, cohort) = await Seed.AProgram(App, "pam@example.com", openForApplications: true);
        await Seed.People(App, Seed.APerson("L1", grade: 8));
        var leader = await Given.AnAccount(App, Admin, "l1@example.com", Roles.Participant);
        await leader.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/applications", new { role = "Mentee", motivation = "Curious." });
        var enrollment = await App.Query(db => db.Enrollments.Select(e => e.Id).SingleAsync());
        Assert.Equal(HttpStatusCode.NoContent, (await Pam.PostAsJsonAsync($"/api/v1/enrollments/{enrollment}/decision", new { accept = true })).StatusCode);
        var csv = new StringContent("employee_id,name,email,grade,department,time_zone\nN1,Nia New,n1@example.com,3,Sales,Europe/London\n",
            System.Text.Encoding.UTF8, "text/csv");
        Assert.Equal(HttpStatusCode.OK, (await Pam.PostAsync("/api/v1/people/import", csv)).StatusCode);

        var log = await App.Query(db => db.AuditLog.ToListAsync());
        var pamId = await App.Query(db => db.Users.Where(u => u.Email == "pam@example.com").Select(u => u.Id).SingleAsync());
        Assert.Contains(log, a => a.Action == "enrollment.application-accepted" && a.RecordId == enrollment.ToString() && a.Actor == pamId);
        Assert.Contains(log, a => a.Action == "people.imported" && a.Actor == pamId && a.Summary.Contains("1 created", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARefusedChange_WritesNoAuditEntry()
    {
        var id = await Create(Pam);
        var pamId = await App.Query(db => db.Users.Where(u => u.Email == "pam@example.com").Select(u => u.Id).SingleAsync());

        var response = await Admin.DeleteAsync($"/api/v1/programs/{id}/managers/{pamId}");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.False(await App.Query(db => db.AuditLog.AnyAsync(a => a.Action == "program.manager-removed")));
    }

    [Fact]
    public async Task AProgramNamesItsSponsors_AndTheSponsorsHomeListsOnlyThose()
    {
        var backed = await Create(Pam, AProgram("Backed program"));
        await Create(Pam, AProgram("Another program"));
        var sponsor = await Given.AnAccount(App, Admin, "sia@example.com", Roles.Sponsor);

        var notASponsor = await Pam.PostAsJsonAsync($"/api/v1/programs/{backed}/sponsors", new { email = "otto@example.com" });
        var added = await Pam.PostAsJsonAsync($"/api/v1/programs/{backed}/sponsors", new { email = "sia@example.com" });
        var othersProgram = await Otto.PostAsJsonAsync($"/api/v1/programs/{backed}/sponsors", new { email = "sia@example.com" });
        var home = await (await sponsor.GetAsync("/")).Html();

        Assert.Equal(["email"], await Fields(notASponsor));
        Assert.Equal(HttpStatusCode.NoContent, added.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, othersProgram.StatusCode);
        Assert.Equal("sia@example.com", Assert.Single((await Get(Pam, backed)).Sponsors).Email);
        Assert.Contains("Backed program", home, StringComparison.Ordinal);
        Assert.DoesNotContain("Another program", home, StringComparison.Ordinal);
        Assert.DoesNotContain("No program names you", home, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheOpenApiDocument_ListsTheErrorResponses()
    {
        var doc = await Admin.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var put = doc.GetProperty("paths").GetProperty("/api/v1/programs/{id}").GetProperty("put").GetProperty("responses");

        foreach (var status in new[] { "400", "403", "404", "409" })
            Assert.True(put.TryGetProperty(status, out _), $"PUT /api/v1/programs/{{id}} does not list {status}");
    }

    private static Task<HttpResponseMessage> Put(HttpClient client, Guid id, ProgramInput program, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/programs/{id}") { Content = JsonContent.Create(program) };
        if (etag is not null) request.Headers.IfMatch.Add(new(etag));
        return client.SendAsync(request);
    }

    private static Dictionary<string, string> Form(ProgramInput p, int version) => new()
    {
        ["Version"] = version.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Name"] = p.Name, ["Input.Purpose"] = p.Purpose,
        ["Input.Objectives[0].Title"] = p.Objectives[0].Title,
        ["Input.Objectives[0].Measures[0].Name"] = p.Objectives[0].Measures[0].Name,
        ["Input.Objectives[0].Measures[0].Target"] = "70",
        ["Input.CadenceWeeks"] = "4", ["Input.MinutesPerMeeting"] = "60", ["Input.DurationMonths"] = "6", ["Input.DefaultMentorCapacity"] = "1",
        ["Input.MentorLabel"] = "mentor", ["Input.MenteeLabel"] = "leader", ["Input.MinGradeGap"] = "2", ["Input.MinMentorTenureMonths"] = "12",
    };
}
