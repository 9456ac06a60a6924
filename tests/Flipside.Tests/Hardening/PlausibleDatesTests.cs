using System.Net;
using System.Net.Http.Json;
using Flipside.Tests.Programs;
using Flipside.Tests.Support;

namespace Flipside.Tests.Hardening;

/// <summary>Dates lie between 2000 and 2100 wherever they are entered (security probe, issue 14: a cohort in the year 0001).</summary>
public sealed class PlausibleDatesTests(FlipsideFactory app) : ProgramsTestBase(app)
{
    [Theory]
    [InlineData("startsOn", "0001-01-01", "2027-06-30")]
    [InlineData("startsOn", "1999-12-31", "2027-06-30")]
    [InlineData("endsOn", "2027-01-01", "2101-01-01")]
    [InlineData("endsOn", "2027-01-01", "9999-12-31")]
    public async Task ACohortOutsideTheWindow_IsRefusedNamingTheField(string field, string startsOn, string endsOn)
    {
        var program = await Create(Pam);

        var created = await Pam.PostAsJsonAsync($"/api/v1/programs/{program}/cohorts", new { name = "Pilot", startsOn, endsOn, capacity = 10 });

        Assert.Equal([field], await Fields(created));
        Assert.Contains("between the years 2000 and 2100", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await App.Query(db => Task.FromResult(db.Cohorts.Count())));
    }

    [Fact]
    public async Task MovingACohortToTheYear0001_IsRefused_AndItKeepsItsDates()
    {
        var program = await Create(Pam);
        var cohort = await CreateCohort(Pam, program);

        var moved = await Pam.PutAsJsonAsync($"/api/v1/programs/{program}/cohorts/{cohort}", new { name = "Pilot", startsOn = "0001-01-01", endsOn = "2027-07-09", capacity = 11 });

        Assert.Equal(["startsOn"], await Fields(moved));
        Assert.Equal(new DateOnly(2027, 1, 11), await App.Query(db => Task.FromResult(db.Cohorts.Single().StartsOn)));
    }

    [Fact]
    public async Task TheCohortForm_RefusesTheYear0001_BesideTheField()
    {
        var program = await Create(Pam);

        var response = await Pam.Submit($"/Programs/Cohort?programId={program}", new Dictionary<string, string>
        {
            ["Input.Name"] = "Pilot", ["Input.StartsOn"] = "0001-01-01", ["Input.EndsOn"] = "2027-06-30", ["Input.Capacity"] = "10",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a date between the years 2000 and 2100.", await response.Html());
        Assert.Equal(0, await App.Query(db => Task.FromResult(db.Cohorts.Count())));
    }

    [Fact]
    public async Task ASurveyClosingInTheYear0001_IsRefusedNamingClosesOn()
    {
        var program = await Create(Pam);
        var cohort = await CreateCohort(Pam, program);

        var opened = await Pam.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/surveys", new { kind = "Baseline", closesOn = "0001-01-01" });

        Assert.Equal(["closesOn"], await Fields(opened));
    }
}
