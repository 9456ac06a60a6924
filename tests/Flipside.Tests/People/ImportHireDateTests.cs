using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Flipside.Domain;
using Flipside.Features.Enrollment;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Flipside.Tests.People.PeopleFiles;

namespace Flipside.Tests.People;

/// <summary>A hire date the file leaves empty is unknown, not the day of the import: a long-serving mentor is not made a newcomer.</summary>
public sealed class ImportHireDateTests(FlipsideFactory app) : AdministeredTests(app)
{
    [Fact]
    public async Task ANewPersonWithoutAHireDate_HasNone_AndAnEmptyHireDateLaterKeepsTheOneOnRecord()
    {
        await Admin.Applied(Csv(Row("A1", hired: "")));
        var id = await App.Query(db => db.People.Select(p => p.Id).SingleAsync());

        var details = JsonNode.Parse(await Admin.GetStringAsync($"/api/v1/people/{id}"))!;
        Assert.True(details.AsObject().ContainsKey("hireDate"));
        Assert.Null(details["hireDate"]);
        Assert.Contains("<dt class=\"col-sm-3\">Hire date</dt><dd class=\"col-sm-9\">Not recorded</dd>",
            await (await Admin.GetAsync($"/People/Person?id={id}")).Html(), StringComparison.Ordinal);
        Assert.Equal((0, 0, 1, 0), await Admin.Applied(Csv(Row("A1", hired: ""))));

        Assert.Equal((0, 1, 0, 0), await Admin.Applied(Csv(Row("A1", hired: "2016-05-01"))));
        Assert.Equal((0, 0, 1, 0), await Admin.Applied(Csv(Row("A1", hired: ""))));
        Assert.Equal("2016-05-01", (string?)JsonNode.Parse(await Admin.GetStringAsync($"/api/v1/people/{id}"))!["hireDate"]);
    }

    [Fact]
    public async Task AMentorWithoutAHireDate_IsRefusedForThatReason_AndInvitedOnceHRGivesOne()
    {
        await Admin.Applied(Csv(Row("L1", grade: 8), Row("M1", grade: 3, hired: "")));
        var (_, cohort) = await Seed.AProgram(App, Given.AdminEmail);
        Assert.Equal(1, (await Invite(cohort, ParticipantRole.Mentee, "L1")).Invited);

        var refused = await Invite(cohort, ParticipantRole.Mentor, "M1");

        Assert.Equal(0, refused.Invited);
        Assert.Equal("no hire date on record; the program asks for 12 months of tenure", Assert.Single(refused.Skipped).Reason);

        await Admin.Applied(Csv(Row("L1", grade: 8), Row("M1", grade: 3, hired: "2016-05-01")));
        Assert.Equal(1, (await Invite(cohort, ParticipantRole.Mentor, "M1")).Invited);
    }

    [Fact]
    public async Task AMentorWithoutAHireDate_IsInvited_WhenTheProgramAsksForNoTenure()
    {
        await Admin.Applied(Csv(Row("L1", grade: 8), Row("M1", grade: 3, hired: "")));
        var (_, cohort) = await Seed.AProgram(App, Given.AdminEmail, p => p.Eligibility.MinMentorTenureMonths = 0);
        await Invite(cohort, ParticipantRole.Mentee, "L1");

        Assert.Equal(1, (await Invite(cohort, ParticipantRole.Mentor, "M1")).Invited);
    }

    private async Task<InviteToCohort.Result> Invite(Guid cohort, ParticipantRole role, string employeeId)
    {
        var response = await Admin.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/enrollments", new { role, employeeIds = new[] { employeeId } }, Json.Options);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<InviteToCohort.Result>(Json.Options))!;
    }
}
