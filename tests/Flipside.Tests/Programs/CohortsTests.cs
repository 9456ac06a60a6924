using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Programs;
using Flipside.Tests.Support;

namespace Flipside.Tests.Programs;

public sealed class CohortsTests(FlipsideFactory app) : ProgramsTestBase(app)
{
    [Fact]
    public async Task Create_ThenUpdate_ACohort()
    {
        var program = await Create(Pam);
        var cohort = await CreateCohort(Pam, program);

        var response = await Pam.PutAsJsonAsync($"/api/v1/programs/{program}/cohorts/{cohort}",
            new { name = "Pilot, spring", startsOn = "2027-02-01", endsOn = "2027-08-01", capacity = 12, openForApplications = true });

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        var saved = Assert.Single((await Pam.GetFromJsonAsync<List<ProgramQueries.CohortRow>>($"/api/v1/programs/{program}/cohorts", Json))!);
        Assert.Equal(("Pilot, spring", new DateOnly(2027, 2, 1), new DateOnly(2027, 8, 1), 12, true, CohortStatus.Planning),
            (saved.Name, saved.StartsOn, saved.EndsOn, saved.Capacity, saved.OpenForApplications, saved.Status));
    }

    [Theory]
    [InlineData("name", "", "2027-01-01", "2027-06-01", 10)]
    [InlineData("endsOn", "Pilot", "2027-06-01", "2027-06-01", 10)]
    [InlineData("endsOn", "Pilot", "2027-06-01", "2027-01-01", 10)]
    [InlineData("startsOn", "Pilot", null, "2027-01-01", 10)]
    [InlineData("capacity", "Pilot", "2027-01-01", "2027-06-01", 0)]
    public async Task Create_WithABadValue_NamesTheField_AndWritesNothing(string field, string name, string? startsOn, string endsOn, int capacity)
    {
        var program = await Create(Pam);

        var response = await Pam.PostAsJsonAsync($"/api/v1/programs/{program}/cohorts", new { name, startsOn, endsOn, capacity });

        Assert.Equal([field], await Fields(response));
        Assert.Equal(0, await App.Query(db => Task.FromResult(db.Cohorts.Count())));
    }

    [Fact]
    public async Task Move_Forward_StepByStep_ThenBackwards_IsRefusedWithTheReason()
    {
        var program = await Create(Pam);
        var cohort = await CreateCohort(Pam, program);

        Assert.Equal(HttpStatusCode.NoContent, (await Move(Pam, program, cohort, "enrolling")).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Move(Pam, program, cohort, "Matching")).StatusCode);
        var back = await Move(Pam, program, cohort, "planning");

        Assert.Equal(HttpStatusCode.Conflict, back.StatusCode);
        Assert.Contains("cannot go back from matching to planning", await back.Content.ReadAsStringAsync());
        Assert.Equal(CohortStatus.Matching, await App.Query(db => Task.FromResult(db.Cohorts.Single().Status)));
    }

    [Fact]
    public async Task Move_ToActive_WithNoPairingReady_IsRefusedWithTheReason()
    {
        var program = await Create(Pam);
        var cohort = await CreateCohort(Pam, program);
        await Move(Pam, program, cohort, "enrolling");
        await Move(Pam, program, cohort, "matching");

        var active = await Move(Pam, program, cohort, "active");

        Assert.Equal(HttpStatusCode.Conflict, active.StatusCode);
        Assert.Contains("goes active once at least one of its pairings is ready", await active.Content.ReadAsStringAsync());
        Assert.Equal(CohortStatus.Matching, await App.Query(db => Task.FromResult(db.Cohorts.Single().Status)));
    }

    [Fact]
    public async Task Move_OnThePage_AsksForConfirmation_SayingWhatItDoes_BeforeMoving()
    {
        var program = await Create(Pam);
        var cohort = await CreateCohort(Pam, program);
        var page = $"/Programs/Program?id={program}";

        var asked = await Pam.Submit(page, new Dictionary<string, string> { ["cohortId"] = cohort.ToString(), ["status"] = "Enrolling" }, $"{page}&handler=Move");
        var html = await asked.Html();
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        Assert.Contains("cannot be undone", html);
        Assert.Contains("invite people", html);
        Assert.Equal(CohortStatus.Planning, await App.Query(db => Task.FromResult(db.Cohorts.Single().Status)));

        var confirmed = await Pam.Submit(page, new Dictionary<string, string> { ["cohortId"] = cohort.ToString(), ["status"] = "Enrolling", ["confirmed"] = "true" },
            $"{page}&handler=Move");
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Equal(CohortStatus.Enrolling, await App.Query(db => Task.FromResult(db.Cohorts.Single().Status)));
    }

    [Theory]
    [InlineData("started")]
    [InlineData("3")]
    [InlineData("")]
    public async Task Move_ToAnUnknownStatus_NamesTheField(string status)
    {
        var program = await Create(Pam);
        var cohort = await CreateCohort(Pam, program);

        Assert.Equal(["status"], await Fields(await Move(Pam, program, cohort, status)));
    }

    [Fact]
    public async Task Move_OnThePage_Backwards_ShowsTheReason()
    {
        var program = await Create(Pam);
        var cohort = await CreateCohort(Pam, program);
        await Move(Pam, program, cohort, "enrolling");
        var url = $"/Programs/Program?id={program}";

        var back = await Pam.Submit(url, new Dictionary<string, string> { ["cohortId"] = cohort.ToString(), ["status"] = "Planning", ["confirmed"] = "true" }, $"{url}&handler=Move");
        var forward = await Pam.Submit(url, new Dictionary<string, string> { ["cohortId"] = cohort.ToString(), ["status"] = "Matching", ["confirmed"] = "true" }, $"{url}&handler=Move");

        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Contains("A cohort cannot go back from enrolling to planning", await back.Html());
        Assert.Equal(HttpStatusCode.Redirect, forward.StatusCode);
        Assert.Contains("Cohort moved to matching.", await (await Pam.GetAsync(url)).Html());
    }

    [Fact]
    public async Task Archive_WhileACohortRuns_IsRefused_UntilItCloses()
    {
        var program = await Create(Pam);
        var cohort = await CreateCohort(Pam, program);
        await Move(Pam, program, cohort, "enrolling");

        var refused = await Pam.PostAsync($"/api/v1/programs/{program}/archive", null);
        var onPage = await Pam.Submit($"/Programs/Program?id={program}", new Dictionary<string, string>(), $"/Programs/Program?id={program}&handler=Archive");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("Close the program's running cohorts", await refused.Content.ReadAsStringAsync());
        Assert.Contains("Close the program&#x27;s running cohorts", await onPage.Content.ReadAsStringAsync());
        Assert.Equal(ProgramStatus.Active, (await Get(Pam, program)).Status);

        await Move(Pam, program, cohort, "closed");
        Assert.Equal(HttpStatusCode.NoContent, (await Pam.PostAsync($"/api/v1/programs/{program}/archive", null)).StatusCode);
    }

    [Fact]
    public async Task CohortPage_CreatesACohort_AndNamesEachBadField()
    {
        var program = await Create(Pam);
        var url = $"/Programs/Cohort?programId={program}";

        var bad = await Pam.Submit(url, new Dictionary<string, string>
        {
            ["Input.Name"] = "", ["Input.StartsOn"] = "2027-03-01", ["Input.EndsOn"] = "2027-02-01", ["Input.Capacity"] = "0",
        });
        var good = await Pam.Submit(url, new Dictionary<string, string>
        {
            ["Input.Name"] = "Pilot", ["Input.StartsOn"] = "2027-01-11", ["Input.EndsOn"] = "2027-07-09", ["Input.Capacity"] = "11", ["Input.OpenForApplications"] = "true",
        });

        var html = await bad.Html();
        Assert.Contains("Name the cohort", html);
        Assert.Contains("The end date must be after the start date.", html);
        Assert.Contains("Enter how many pairs the cohort can hold", html);
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        var cohort = await App.Query(db => Task.FromResult(db.Cohorts.Single()));
        Assert.Equal(("Pilot", 11, true), (cohort.Name, cohort.Capacity, cohort.OpenForApplications));
    }
}
