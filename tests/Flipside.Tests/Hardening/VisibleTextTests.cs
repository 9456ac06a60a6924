using System.Net;
using System.Net.Http.Json;
using System.Text;
using Flipside.Tests.People;
using Flipside.Tests.Programs;
using Flipside.Tests.Support;

namespace Flipside.Tests.Hardening;

/// <summary>Names read as they are stored: no direction overrides or invisible characters (security probe, issue 14).</summary>
public sealed class VisibleTextTests(FlipsideFactory app) : ProgramsTestBase(app)
{
    [Theory]
    [InlineData("Leaders \u202eTXT.exe")]
    [InlineData("Leaders\u200b")]
    [InlineData("\u2066Leaders\u2069")]
    [InlineData("Lea\u200fders")]
    [InlineData("Lea\u061cders")]
    [InlineData("\ufeffLeaders")]
    [InlineData("Lead\u2060ers")]
    [InlineData("Lead\0ers")]
    public async Task AProgramName_WithHiddenCharacters_IsRefusedNamingName(string name)
    {
        var response = await Pam.PostAsJsonAsync("/api/v1/programs", AProgram(name));

        Assert.Equal(["name"], await Fields(response));
        Assert.Contains("invisible or text-direction characters", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountPrograms());
    }

    [Fact]
    public async Task AnObjectiveTitle_OrACohortName_WithAnOverride_IsRefused()
    {
        var program = AProgram();
        program.Objectives[0].Title = "Grow \u202ereve";
        var refused = await Pam.PostAsJsonAsync("/api/v1/programs", program);
        var id = await Create(Pam);
        var cohort = await Pam.PostAsJsonAsync($"/api/v1/programs/{id}/cohorts", new { name = "Pilot \u202eTXT.exe", startsOn = "2027-01-11", endsOn = "2027-07-09", capacity = 11 });

        Assert.Equal(["objectives[0].title"], await Fields(refused));
        Assert.Equal(["name"], await Fields(cohort));
    }

    [Fact]
    public async Task AnImportRow_WithAnOverrideInTheName_IsReportedByRow_AndNothingIsWritten()
    {
        var csv = PeopleFiles.Csv(PeopleFiles.Row("P1"), PeopleFiles.Row("P2", name: "Leaders \u202eTXT.exe"));

        var problems = await Admin.Refused(Encoding.UTF8.GetBytes(csv));

        var problem = Assert.Single(problems);
        Assert.Equal((3, "name"), (problem.Row, problem.Column));
        Assert.Contains("text-direction", problem.Text, StringComparison.Ordinal);
        Assert.Equal(0, await App.Query(db => Task.FromResult(db.People.Count())));
    }

    [Fact]
    public async Task APersonEdit_ThroughTheApi_WithAZeroWidthSpace_IsRefused()
    {
        await Admin.Applied(PeopleFiles.Csv(PeopleFiles.Row("P1")));
        var id = await App.Query(db => Task.FromResult(db.People.Single().Id));

        var response = await Admin.PutAsJsonAsync($"/api/v1/people/{id}", new { name = "Person\u200b P1", email = "p1@example.com", grade = 3, department = "Engineering", timeZone = "Europe/London" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Person P1", await App.Query(db => Task.FromResult(db.People.Single().Name)));
    }

    [Fact]
    public async Task AnInvitedName_WithAnOverride_IsRefused()
    {
        var response = await Admin.PostAsJsonAsync("/api/v1/admin/invitations", new { email = "x@example.com", name = "Ada \u202eAdmin", role = "Participant" });

        Assert.Equal(["name"], await Fields(response));
    }

    [Fact]
    public async Task ASearchTerm_WithANul_IsRefused_NotMatched()
    {
        await Admin.Applied(PeopleFiles.Csv(PeopleFiles.Row("P1")));

        var response = await Admin.GetAsync("/api/v1/people?search=Person%00");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}
