using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Flipside.Domain;
using Flipside.Features.Programs;
using Flipside.Tests.Support;

namespace Flipside.Tests.Programs;

/// <summary>
/// A test class's app with an administrator and two program managers, and the calls the program tests repeat. The
/// class's tests share the app, emptied before each (see <see cref="FlipsideFactory.ResetAsync"/>).
/// </summary>
public abstract class ProgramsTestBase(FlipsideFactory app) : IClassFixture<FlipsideFactory>, IAsyncLifetime
{
    // Enums arrive as names; numbers would read too.
    protected static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    protected FlipsideFactory App { get; } = app;
    protected HttpClient Admin { get; private set; } = null!;
    /// <summary>Two program managers, so every test can check one cannot reach the other's programs.</summary>
    protected HttpClient Pam { get; private set; } = null!;
    protected HttpClient Otto { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await App.ResetAsync();
        Admin = await Given.AnAdministrator(App);
        Pam = await Given.AnAccount(App, Admin, "pam@example.com", Roles.ProgramManager);
        Otto = await Given.AnAccount(App, Admin, "otto@example.com", Roles.ProgramManager);
    }

    // xunit disposes the class fixture after the class's last test.
    public Task DisposeAsync() => Task.CompletedTask;

    public static ProgramInput AProgram(string name = "Digital fluency") => new()
    {
        Name = name,
        Purpose = "Leaders learn the tools their teams use.",
        Objectives =
        [
            new()
            {
                Title = "Leaders use collaboration tools",
                Measures = [new() { Name = "Leaders using the collaboration tool weekly", Unit = "%", Baseline = 35, Target = 70, Method = "usage analytics", Timing = "at start and after 6 months" }],
            },
        ],
        FocusAreas = ["Collaboration tools", "Telemedicine"],
    };

    protected static async Task<Guid> Create(HttpClient client, ProgramInput? program = null)
    {
        var response = await client.PostAsJsonAsync("/api/v1/programs", program ?? AProgram());
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ProgramQueries.ProgramDetails>(Json))!.Id;
    }

    protected static async Task<Guid> CreateCohort(HttpClient client, Guid programId, string name = "Pilot")
    {
        var response = await client.PostAsJsonAsync($"/api/v1/programs/{programId}/cohorts",
            new { name, startsOn = "2027-01-11", endsOn = "2027-07-09", capacity = 11 });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<ProgramQueries.CohortRow>(Json))!.Id;
    }

    protected static async Task<HttpResponseMessage> Move(HttpClient client, Guid programId, Guid cohortId, string status) =>
        await client.PostAsJsonAsync($"/api/v1/programs/{programId}/cohorts/{cohortId}/status", new { status });

    protected static async Task<ProgramQueries.ProgramDetails> Get(HttpClient client, Guid id) =>
        (await client.GetFromJsonAsync<ProgramQueries.ProgramDetails>($"/api/v1/programs/{id}", Json))!;

    protected Task<int> CountPrograms() => App.Query(db => Task.FromResult(db.Programs.Count()));

    /// <summary>The field names a 400 ValidationProblem lists.</summary>
    protected static async Task<IReadOnlyCollection<string>> Fields(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var problem = await response.Content.ReadFromJsonAsync<ValidationProblem>();
        return problem!.Errors.Keys;
    }

    private sealed record ValidationProblem(Dictionary<string, string[]> Errors);
}
