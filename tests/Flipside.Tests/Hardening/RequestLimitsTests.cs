using System.Net;
using System.Net.Http.Json;
using System.Text;
using Flipside.Tests.Programs;
using Flipside.Tests.Support;

namespace Flipside.Tests.Hardening;

/// <summary>One request cannot make the server hold an unbounded list or body (security probe, issue 14).</summary>
public sealed class RequestLimitsTests(FlipsideFactory app) : ProgramsTestBase(app)
{
    private static object Objective(int i, int measures = 1) =>
        new { title = $"Objective {i}", measures = Enumerable.Range(0, measures).Select(m => new { name = $"Measure {m}", target = 1 }).ToArray() };

    [Fact]
    public async Task AProgramWith16384Objectives_IsRefusedWith400NamingObjectives_AndNothingIsSaved()
    {
        var response = await Pam.PostAsJsonAsync("/api/v1/programs", new { name = "Flood", objectives = Enumerable.Range(0, 16_384).Select(i => Objective(i)).ToArray() });

        Assert.Equal(["objectives"], await Fields(response));
        Assert.Contains("at most 20", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await CountPrograms());
    }

    [Fact]
    public async Task TooManyMeasuresOrFocusAreas_NameTheirField()
    {
        var measures = await Pam.PostAsJsonAsync("/api/v1/programs", new { name = "Measured", objectives = new[] { Objective(0, measures: 11) } });
        var focus = await Pam.PostAsJsonAsync("/api/v1/programs", new
        {
            name = "Focused", objectives = new[] { Objective(0) }, focusAreas = Enumerable.Range(0, 21).Select(i => $"Area {i}").ToArray(),
        });

        Assert.Equal(["objectives[0].measures"], await Fields(measures));
        Assert.Equal(["focusAreas"], await Fields(focus));
        Assert.Equal(0, await CountPrograms());
    }

    [Fact]
    public async Task TwentyObjectives_AreStillAccepted()
    {
        var response = await Pam.PostAsJsonAsync("/api/v1/programs", new { name = "Broad", objectives = Enumerable.Range(0, 20).Select(i => Objective(i, measures: 10)).ToArray() });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task InvitingMoreThanAThousandEmployeeIds_NamesEmployeeIds()
    {
        var program = await Create(Pam);
        var cohort = await CreateCohort(Pam, program);

        var response = await Pam.PostAsJsonAsync($"/api/v1/cohorts/{cohort}/enrollments",
            new { role = "Mentor", employeeIds = Enumerable.Range(0, 1001).Select(i => $"E{i}").ToArray() });

        Assert.Equal(["employeeIds"], await Fields(response));
        Assert.Equal(0, await App.Query(db => Task.FromResult(db.Enrollments.Count())));
    }

    [Fact]
    public async Task AJsonBodyOverOneMegabyte_IsRefusedWith413_BeforeItIsRead()
    {
        var json = "{\"name\":\"Big\",\"purpose\":\"" + new string('x', 1_100_000) + "\"}";

        var response = await Pam.PostAsync("/api/v1/programs", new StringContent(json, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await CountPrograms());
    }

    [Fact]
    public async Task AFormPostOverOneMegabyte_IsRefusedWith413()
    {
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["Input.Name"] = new string('x', 1_100_000) });

        var response = await Pam.PostAsync("/Programs/New", form);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task AnImport_KeepsItsLargerLimit()
    {
        // About 1.5 MB of CSV: over the JSON limit, well under the import's.
        var csv = People.PeopleFiles.Organisation(12_000);
        Assert.True(Encoding.UTF8.GetByteCount(csv) > 1024 * 1024);

        var response = await People.PeopleFiles.ImportCsv(Admin, csv);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
