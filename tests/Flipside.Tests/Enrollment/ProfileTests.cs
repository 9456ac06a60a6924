using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Flipside.Domain;
using Flipside.Features.Enrollment;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Enrollment;

public sealed class ProfileTests(FlipsideFactory app) : IClassFixture<FlipsideFactory>, IAsyncLifetime
{
    // Shared by the class's tests and emptied before each: the configuration is the same for all of them.
    private readonly FlipsideFactory _app = app;
    private HttpClient _manager = null!;
    private HttpClient _mentor = null!;
    private HttpClient _leader = null!;
    private Guid _cohort;
    private Guid _mentorEnrollment;
    private Guid _leaderEnrollment;

    public async Task InitializeAsync()
    {
        await _app.ResetAsync();
        var admin = await Given.AnAdministrator(_app);
        _manager = await Given.AnAccount(_app, admin, "pam@example.com", Roles.ProgramManager);
        await Seed.People(_app, Seed.APerson("L1", grade: 8), Seed.APerson("M1", grade: 3));
        (_, _cohort) = await Seed.AProgram(_app, "pam@example.com");
        await _manager.PostAsJsonAsync($"/api/v1/cohorts/{_cohort}/enrollments", new { role = "Mentee", employeeIds = new[] { "L1" } });
        await _manager.PostAsJsonAsync($"/api/v1/cohorts/{_cohort}/enrollments", new { role = "Mentor", employeeIds = new[] { "M1" } });
        _leader = await Given.AnAccount(_app, admin, "l1@example.com", Roles.Participant);
        _mentor = await Given.AnAccount(_app, admin, "m1@example.com", Roles.Participant);
        _leaderEnrollment = await AcceptOwn(_leader);
        _mentorEnrollment = await AcceptOwn(_mentor);
    }

    // xunit disposes the class fixture after the class's last test.
    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<Guid> AcceptOwn(HttpClient person)
    {
        var id = (await person.GetFromJsonAsync<List<MyEnrollments.Item>>("/api/v1/enrollments/mine", Json.Options))!.Single().EnrollmentId;
        Assert.Equal(HttpStatusCode.NoContent, (await person.PostAsync($"/api/v1/enrollments/{id}/accept", null)).StatusCode);
        return id;
    }

    private static object AProfile(bool finish, int level = 5, int[]? hours = null, string[]? languages = null) => new
    {
        topics = new[] { new { name = "Generative AI", level }, new { name = "TikTok", level = 3 } },
        interests = new[] { "climbing", "jazz" },
        communicationStyle = 2,
        meetingMode = "Video",
        availability = hours ?? [9, 10, 11, 33, 34],
        languages = languages ?? ["en"],
        hopeToGive = "Show how my generation works.",
        hopeToGet = "Learn how decisions are made.",
        finish,
    };

    private async Task<CohortRoster.Readiness> Readiness() =>
        (await _manager.GetFromJsonAsync<EnrollmentApi.Roster>($"/api/v1/cohorts/{_cohort}/enrollments", Json.Options))!.Readiness;

    [Fact]
    public async Task AMentor_FinishesTheProfile_AndTheCohortCountsThemReady()
    {
        var saved = await _mentor.PutAsJsonAsync($"/api/v1/enrollments/{_mentorEnrollment}/profile", AProfile(finish: true));

        Assert.Equal(HttpStatusCode.NoContent, saved.StatusCode);
        var view = await _mentor.GetFromJsonAsync<ProfileView>($"/api/v1/enrollments/{_mentorEnrollment}/profile", Json.Options);
        Assert.True(view!.Complete);
        Assert.Equal(["Generative AI", "TikTok"], view.Topics.Select(t => t.Name));
        Assert.Equal(new CohortRoster.Readiness(1, 1, 1, 0), await Readiness());
    }

    [Fact]
    public async Task Finishing_WithoutWhatMatchingNeeds_NamesEachMissingField_AndSavesNothing()
    {
        var response = await _mentor.PutAsJsonAsync($"/api/v1/enrollments/{_mentorEnrollment}/profile", AProfile(finish: true, hours: [9], languages: []));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["availability", "languages"], json.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(0, await _app.Query(db => db.Profiles.CountAsync()));
    }

    [Theory]
    [InlineData(6, "skills")]
    [InlineData(0, "skills")]
    public async Task AProficiencyOutOfRange_IsRefused(int level, string field)
    {
        var response = await _mentor.PutAsJsonAsync($"/api/v1/enrollments/{_mentorEnrollment}/profile", AProfile(finish: false, level: level));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains($"\"{field}\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ALeadersPriority_GoesOnlyUpTo3()
    {
        var response = await _leader.PutAsJsonAsync($"/api/v1/enrollments/{_leaderEnrollment}/profile", AProfile(finish: false, level: 4));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("\"learningGoals\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task NobodyCanReadOrEditAnotherPersonsProfile()
    {
        await _mentor.PutAsJsonAsync($"/api/v1/enrollments/{_mentorEnrollment}/profile", AProfile(finish: true));

        Assert.Equal(HttpStatusCode.NotFound, (await _leader.GetAsync($"/api/v1/enrollments/{_mentorEnrollment}/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _leader.PutAsJsonAsync($"/api/v1/enrollments/{_mentorEnrollment}/profile", AProfile(finish: false))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _leader.GetAsync($"/Enrollment/Profile?id={_mentorEnrollment}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _manager.GetAsync($"/api/v1/enrollments/{_mentorEnrollment}/profile")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _leader.PostAsync($"/api/v1/enrollments/{_mentorEnrollment}/withdraw", null)).StatusCode);
    }

    [Fact]
    public async Task TheProfilePage_SavesADraft_ThenFinishes()
    {
        var fields = new Dictionary<string, string>
        {
            ["Input.Topics[0].Name"] = "Strategy", ["Input.Topics[0].Level"] = "1",
            ["Input.Topics[1].Name"] = "", ["Input.Topics[1].Level"] = "2", // the form always posts blank rows too
            ["Input.Interests"] = "sailing", ["Input.CommunicationStyle"] = "5", ["Input.MeetingMode"] = "InPerson",
            ["Input.Days[0].From1"] = "8", ["Input.Days[0].To1"] = "10", ["Input.Languages"] = "en, fr",
        };
        var draft = await _leader.Submit($"/Enrollment/Profile?id={_leaderEnrollment}", new Dictionary<string, string>(fields) { ["finish"] = "false" });
        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        Assert.False((await _leader.GetFromJsonAsync<ProfileView>($"/api/v1/enrollments/{_leaderEnrollment}/profile", Json.Options))!.Complete);

        var done = await _leader.Submit($"/Enrollment/Profile?id={_leaderEnrollment}", new Dictionary<string, string>(fields) { ["finish"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var view = await _leader.GetFromJsonAsync<ProfileView>($"/api/v1/enrollments/{_leaderEnrollment}/profile", Json.Options);
        Assert.True(view!.Complete);
        Assert.Equal([8, 9], view.Availability);
        Assert.Equal(["en", "fr"], view.Languages);
    }

    [Fact]
    public async Task Finishing_WithAValueOutOfRange_StillNamesEveryMissingField()
    {
        var response = await _mentor.PutAsJsonAsync($"/api/v1/enrollments/{_mentorEnrollment}/profile", AProfile(finish: true, level: 6, hours: [], languages: []));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(["availability", "languages", "skills"], json.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task TheProfilePage_SavesADraft_WithEmptyBoxes()
    {
        // What a browser posts for an untouched form: every text box, empty.
        var draft = await _leader.Submit($"/Enrollment/Profile?id={_leaderEnrollment}", new Dictionary<string, string>
        {
            ["Input.Topics[0].Name"] = "", ["Input.Topics[0].Level"] = "2", ["Input.Interests"] = "", ["Input.Languages"] = "",
            ["Input.HopeToGive"] = "", ["Input.HopeToGet"] = "Learn how decisions are made.", ["Input.Days[0].From1"] = "", ["Input.Days[0].To1"] = "",
            ["finish"] = "false",
        });

        Assert.Equal(HttpStatusCode.Redirect, draft.StatusCode);
        var view = await _leader.GetFromJsonAsync<ProfileView>($"/api/v1/enrollments/{_leaderEnrollment}/profile", Json.Options);
        Assert.False(view!.Complete);
        Assert.Equal("Learn how decisions are made.", view.HopeToGet);
    }

    [Fact]
    public async Task TheProfilePage_FinishesWithoutInterests_WhichAreMarkedOptional()
    {
        var page = await (await _leader.GetAsync($"/Enrollment/Profile?id={_leaderEnrollment}")).Html();
        Assert.Contains("Interests outside work <span class=\"text-body-secondary\">(optional)</span>", page);

        var done = await _leader.Submit($"/Enrollment/Profile?id={_leaderEnrollment}", new Dictionary<string, string>
        {
            ["Input.Topics[0].Name"] = "Strategy", ["Input.Topics[0].Level"] = "1", ["Input.Interests"] = "", ["Input.Languages"] = "en",
            ["Input.Days[0].From1"] = "8", ["Input.Days[0].To1"] = "10", ["finish"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.True((await _leader.GetFromJsonAsync<ProfileView>($"/api/v1/enrollments/{_leaderEnrollment}/profile", Json.Options))!.Complete);
    }

    [Fact]
    public async Task TheProfilePage_NamesEveryMissingField_OnTheFirstFinish()
    {
        var response = await _leader.Submit($"/Enrollment/Profile?id={_leaderEnrollment}", new Dictionary<string, string>
        {
            ["Input.Topics[0].Name"] = "", ["Input.Topics[0].Level"] = "2", ["Input.Interests"] = "", ["Input.Languages"] = "",
            ["Input.Days[0].From1"] = "", ["Input.Days[0].To1"] = "", ["Input.Days[1].From1"] = "9", ["Input.Days[1].To1"] = "", ["finish"] = "true",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Html();
        Assert.Contains("Tuesday: choose both when a time range starts and when it ends.", html);
        Assert.Contains("Add at least one thing you want to learn.", html);
        Assert.Contains("Add at least one language you can mentor or learn in.", html);
        Assert.DoesNotContain("field is required", html);
        Assert.DoesNotContain("Interests", Regex.Match(html, "<div class=\"alert alert-danger[^>]*>.*?</div>", RegexOptions.Singleline).Value);
        Assert.Null(await _app.Query(db => db.Profiles.SingleOrDefaultAsync()));
    }

    [Theory]
    [InlineData("17", "9", "Monday: the range 17:00 to 09:00 must end after it starts")]
    [InlineData("8", "", "Monday: choose both when a time range starts and when it ends")]
    public async Task TheProfilePage_NamesATimeRangeItCannotUse_InsteadOfDroppingIt(string from, string to, string message)
    {
        var response = await _leader.Submit($"/Enrollment/Profile?id={_leaderEnrollment}", new Dictionary<string, string>
        {
            ["Input.Topics[0].Name"] = "Strategy", ["Input.Topics[0].Level"] = "1", ["Input.Languages"] = "en",
            ["Input.Days[0].From1"] = from, ["Input.Days[0].To1"] = to, ["finish"] = "false",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Html();
        Assert.Contains(message, html);
        Assert.Contains("data-valmsg-for=\"Input.Availability\"", html);
        Assert.Null(await _app.Query(db => db.Profiles.SingleOrDefaultAsync()));
    }

    [Fact]
    public async Task Reminders_GoOnlyToUnfinishedProfiles_AtMostOnceADay()
    {
        await _mentor.PutAsJsonAsync($"/api/v1/enrollments/{_mentorEnrollment}/profile", AProfile(finish: true));

        var first = await _manager.PostAsync($"/api/v1/cohorts/{_cohort}/reminders", null);
        var again = await _manager.PostAsync($"/api/v1/cohorts/{_cohort}/reminders", null);
        _app.Clock.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        var manager = await Given.SignedIn(_app, "pam@example.com"); // a day later the old session has expired
        var nextDay = await manager.PostAsync($"/api/v1/cohorts/{_cohort}/reminders", null);

        Assert.Equal(HttpStatusCode.OK, nextDay.StatusCode);
        Assert.Equal(1, (await first.Content.ReadFromJsonAsync<EnrollmentApi.Reminded>())!.Sent);
        Assert.Equal(0, (await again.Content.ReadFromJsonAsync<EnrollmentApi.Reminded>())!.Sent);
        Assert.Equal(1, (await nextDay.Content.ReadFromJsonAsync<EnrollmentApi.Reminded>())!.Sent);
        Assert.Equal(2, await _app.Query(db => db.Outbox.CountAsync(m => m.To == "l1@example.com" && m.Subject.StartsWith("One step left"))));
    }
}
