using System.Net;
using System.Net.Http.Json;
using System.Text;
using Flipside.Domain;
using Flipside.Features.Enrollment;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Platform;

/// <summary>
/// A body the API cannot read (a value of the wrong type, an enum given as a number or a name it lacks, broken JSON)
/// is a 400 ValidationProblem naming the field as the JSON spells it, and nothing is written.
/// </summary>
public sealed class ApiBadInputTests(FlipsideFactory app) : IClassFixture<FlipsideFactory>, IAsyncLifetime
{
    // Shared by the class's tests and emptied before each: the configuration is the same for all of them.
    private readonly FlipsideFactory _app = app;
    private HttpClient _admin = null!;
    private HttpClient _manager = null!;
    private HttpClient _mentor = null!;
    private Guid _program;
    private Guid _cohort;
    private Guid _enrollment;

    public async Task InitializeAsync()
    {
        await _app.ResetAsync();
        _admin = await Given.AnAdministrator(_app);
        _manager = await Given.AnAccount(_app, _admin, "pam@example.com", Roles.ProgramManager);
        await Seed.People(_app, Seed.APerson("L1", grade: 8), Seed.APerson("M1", grade: 3));
        (_program, _cohort) = await Seed.AProgram(_app, "pam@example.com", openForApplications: true);
        Assert.Equal(HttpStatusCode.OK, (await Send(_manager, HttpMethod.Post, $"/api/v1/cohorts/{_cohort}/enrollments", """{"role":"Mentor","employeeIds":["M1"]}""")).StatusCode);
        _mentor = await Given.AnAccount(_app, _admin, "m1@example.com", Roles.Participant);
        _enrollment = (await _mentor.GetFromJsonAsync<List<MyEnrollments.Item>>("/api/v1/enrollments/mine", Json.Options))!.Single().EnrollmentId;
    }

    // xunit disposes the class fixture after the class's last test.
    public Task DisposeAsync() => Task.CompletedTask;

    private static Task<HttpResponseMessage> Send(HttpClient client, HttpMethod method, string path, string json) =>
        client.SendAsync(new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8, "application/json") });

    /// <summary>The 400's errors, after checking it is a ValidationProblem.</summary>
    private static async Task<Dictionary<string, string[]>> Errors(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<Problem>())!.Errors;
    }

    private sealed record Problem(Dictionary<string, string[]> Errors);

    private static async Task AssertNamed(HttpResponseMessage response, string field, string message)
    {
        var errors = await Errors(response);
        Assert.Equal([field], errors.Keys);
        Assert.Equal([message], errors[field]);
    }

    private Task<int> Count<T>(Func<Data.FlipsideDb, IQueryable<T>> set) => _app.Query(db => set(db).CountAsync());

    [Theory]
    [InlineData("""{"name":"Digital fluency","cadenceWeeks":"monthly"}""", "cadenceWeeks", "Expected a whole number.")]
    [InlineData("""{"name":"Digital fluency","CadenceWeeks":"monthly"}""", "cadenceWeeks", "Expected a whole number.")]
    [InlineData("""{"name":"Digital fluency","requireManagerApproval":"yes"}""", "requireManagerApproval", "Expected true or false.")]
    [InlineData("""{"name":"Digital fluency","focusAreas":"AI"}""", "focusAreas", "Expected a list, like [ ... ].")]
    [InlineData("""{"name":"Digital fluency","objectives":[{"title":"Why","measures":[{"name":"Ideas","target":"lots"}]}]}""", "objectives[0].measures[0].target", "Expected a number.")]
    [InlineData("""{"name":42}""", "name", "Expected text in quotes.")]
    public async Task CreateProgram_WithAWronglyTypedValue_NamesTheField_AndWritesNothing(string json, string field, string message)
    {
        var response = await Send(_manager, HttpMethod.Post, "/api/v1/programs", json);

        await AssertNamed(response, field, message);
        Assert.Equal(1, await Count(db => db.Programs));
    }

    [Fact]
    public async Task UpdateProgram_WithAWronglyTypedValue_NamesTheField()
    {
        var response = await Send(_manager, HttpMethod.Put, $"/api/v1/programs/{_program}", """{"name":"Renamed","durationMonths":6.5}""");

        await AssertNamed(response, "durationMonths", "Expected a whole number.");
        Assert.Equal("Digital fluency", await _app.Query(db => db.Programs.Select(p => p.Name).SingleAsync()));
    }

    [Theory]
    [InlineData("""{"name":"Autumn","startsOn":"31/01/2027","endsOn":"2027-06-30","capacity":5}""", "startsOn", "Expected a date like 2027-01-31.")]
    [InlineData("""{"name":"Autumn","startsOn":"2027-01-31","endsOn":"2027-06-30","capacity":"five"}""", "capacity", "Expected a whole number.")]
    public async Task CreateCohort_WithAWronglyTypedValue_NamesTheField_AndWritesNothing(string json, string field, string message)
    {
        var response = await Send(_manager, HttpMethod.Post, $"/api/v1/programs/{_program}/cohorts", json);

        await AssertNamed(response, field, message);
        Assert.Equal(1, await Count(db => db.Cohorts));
    }

    [Theory]
    [InlineData("""{"role":"Boss","employeeIds":["L1"]}""", "role", "Expected one of: Mentor, Mentee.")]
    [InlineData("""{"role":7,"employeeIds":["L1"]}""", "role", "Expected one of: Mentor, Mentee.")]
    [InlineData("""{"role":1,"employeeIds":["L1"]}""", "role", "Expected one of: Mentor, Mentee.")]
    [InlineData("""{"employeeIds":["L1"]}""", "role", "Say which role: Mentor or Mentee.")]
    [InlineData("""{"role":null,"employeeIds":["L1"]}""", "role", "Say which role: Mentor or Mentee.")]
    [InlineData("""{"role":"Mentee","employeeIds":"L1"}""", "employeeIds", "Expected a list, like [ ... ].")]
    [InlineData("""{"role":"Mentee","filter":{"minGrade":"senior"}}""", "filter.minGrade", "Expected a whole number.")]
    public async Task Invite_WithABadValue_NamesTheField_AndInvitesNoOne(string json, string field, string message)
    {
        var response = await Send(_manager, HttpMethod.Post, $"/api/v1/cohorts/{_cohort}/enrollments", json);

        await AssertNamed(response, field, message);
        Assert.Equal(1, await Count(db => db.Enrollments));
    }

    [Theory]
    [InlineData("""{"motivation":"Curious."}""", "Say which role: Mentor or Mentee.")]
    [InlineData("""{"role":0,"motivation":"Curious."}""", "Expected one of: Mentor, Mentee.")]
    public async Task Apply_WithoutANamedRole_NamesRole_AndAppliesNothing(string json, string message)
    {
        var leader = await Given.AnAccount(_app, _admin, "l1@example.com", Roles.Participant);

        var response = await Send(leader, HttpMethod.Post, $"/api/v1/cohorts/{_cohort}/applications", json);

        await AssertNamed(response, "role", message);
        Assert.Equal(1, await Count(db => db.Enrollments));
    }

    [Theory]
    [InlineData("""{"meetingMode":"Phone"}""", "meetingMode", "Expected one of: Either, InPerson, Video.")]
    [InlineData("""{"meetingMode":2}""", "meetingMode", "Expected one of: Either, InPerson, Video.")]
    [InlineData("""{"communicationStyle":"formal"}""", "communicationStyle", "Expected a whole number.")]
    [InlineData("""{"availability":[9,"ten"]}""", "availability[1]", "Expected a whole number.")]
    [InlineData("""{"topics":[{"name":"Generative AI","level":"expert"}]}""", "topics[0].level", "Expected a whole number.")]
    [InlineData("""{"finish":"yes"}""", "finish", "Expected true or false.")]
    public async Task SaveProfile_WithAWronglyTypedValue_NamesTheField_AndSavesNothing(string json, string field, string message)
    {
        var response = await Send(_mentor, HttpMethod.Put, $"/api/v1/enrollments/{_enrollment}/profile", json);

        await AssertNamed(response, field, message);
        Assert.Equal(0, await Count(db => db.Profiles));
    }

    [Theory]
    [InlineData("""{"name":"Digital fluency","cadenceWeeks": }""", "cadenceWeeks")]
    [InlineData("""{"name":"Digital fluency",,}""", "request")]
    [InlineData("""{"name":"Digital fluency""", "name")]
    public async Task MalformedJson_IsA400_SayingWhereItBroke(string json, string field)
    {
        var response = await Send(_manager, HttpMethod.Post, "/api/v1/programs", json);

        var errors = await Errors(response);
        Assert.Equal([field], errors.Keys);
        Assert.StartsWith("This is not valid JSON (line 1, position ", Assert.Single(errors[field]), StringComparison.Ordinal);
        Assert.Equal(1, await Count(db => db.Programs));
    }

    [Fact]
    public async Task MalformedJson_OnTheProfile_IsA400_AndSavesNothing()
    {
        var response = await Send(_mentor, HttpMethod.Put, $"/api/v1/enrollments/{_enrollment}/profile", "{\"languages\":[\"en\"");

        // The path is where the text stopped making sense: after the first language, where a second or "]" was due.
        Assert.Equal(["languages[1]"], (await Errors(response)).Keys);
        Assert.Equal(0, await Count(db => db.Profiles));
    }

    [Fact]
    public async Task NoBodyAtAll_IsA400Problem_NotAServerError()
    {
        var response = await _manager.PostAsync($"/api/v1/cohorts/{_cohort}/enrollments", new StringContent("", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(1, await Count(db => db.Enrollments));
    }
}
