using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Nudges;
using Flipside.Tests.Support;

namespace Flipside.Tests.Nudges;

/// <summary>Each person chooses their reminders; a program's managers choose the ones its participants cannot turn off.</summary>
public sealed class NudgeSettingsTests(FlipsideFactory app) : AdministeredTests(app)
{
    private static async Task<NudgePreferences.View> Preferences(HttpClient client) =>
        (await client.GetFromJsonAsync<NudgePreferences.View>("/api/v1/account/nudges", Json.Options))!;

    [Fact]
    public async Task TurningANudgeOff_IsKept_AndEverythingElseStaysOn()
    {
        var person = Seed.APerson("L1", 9);
        var (_, cohort) = await Seed.AProgram(App, Given.AdminEmail);
        await Enrolled.Enrol(App, cohort, person, ParticipantRole.Mentee, "Podcasting");
        var leader = await Given.AnAccount(App, Admin, person.Email, Roles.Participant);
        Assert.All((await Preferences(leader)).Settings, s => Assert.True(s.On));
        Assert.DoesNotContain((await Preferences(leader)).Settings, s => s.Kind == NudgeKind.ManagerDigest);

        var saved = await leader.PutAsJsonAsync("/api/v1/account/nudges", new { off = new[] { "MeetingSoon" } });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var settings = (await Preferences(leader)).Settings;
        Assert.False(settings.Single(s => s.Kind == NudgeKind.MeetingSoon).On);
        Assert.All(settings.Where(s => s.Kind != NudgeKind.MeetingSoon), s => Assert.True(s.On));
    }

    [Fact]
    public async Task ANudgeTheProgramRequires_StaysOn_NamingTheProgram()
    {
        var person = Seed.APerson("L1", 9);
        var (program, cohort) = await Seed.AProgram(App, Given.AdminEmail);
        await Enrolled.Enrol(App, cohort, person, ParticipantRole.Mentee, "Podcasting");
        var required = await Admin.PutAsJsonAsync($"/api/v1/programs/{program}/required-nudges", new { required = new[] { "LogMissing" } });
        Assert.Equal(HttpStatusCode.OK, required.StatusCode);

        var leader = await Given.AnAccount(App, Admin, person.Email, Roles.Participant);
        await leader.PutAsJsonAsync("/api/v1/account/nudges", new { off = new[] { "LogMissing", "MeetingSoon" } });
        var log = (await Preferences(leader)).Settings.Single(s => s.Kind == NudgeKind.LogMissing);
        Assert.True(log.On);
        Assert.Single(log.RequiredBy);

        var page = await (await leader.GetAsync("/Nudges/Settings")).Html();
        Assert.Contains("so it stays on", page);
    }

    [Fact]
    public async Task UnknownNudge_Returns400()
    {
        var response = await Admin.PutAsJsonAsync("/api/v1/account/nudges", new { off = new[] { "Spam" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task RequiringTheManagersDigest_Returns400_SayingItIsTheManagersChoice()
    {
        var (program, _) = await Seed.AProgram(App, Given.AdminEmail);
        var response = await Admin.PutAsJsonAsync($"/api/v1/programs/{program}/required-nudges", new { required = new[] { "ManagerDigest" } });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("each manager's own choice", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task RequiredNudges_OfAProgramSomeoneElseManages_Is404()
    {
        var (program, _) = await Seed.AProgram(App, Given.AdminEmail);
        var manager = await Given.AnAccount(App, Admin, "pm@example.com", Roles.ProgramManager);
        Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/programs/{program}/required-nudges")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound,
            (await manager.PutAsJsonAsync($"/api/v1/programs/{program}/required-nudges", new { required = Array.Empty<string>() })).StatusCode);
    }

    [Fact]
    public async Task RequiredNudges_SavedFromAnOldVersion_Returns409()
    {
        var (program, _) = await Seed.AProgram(App, Given.AdminEmail);
        var view = (await Admin.GetFromJsonAsync<RequiredNudges.View>($"/api/v1/programs/{program}/required-nudges", Json.Options))!;
        Assert.Equal(HttpStatusCode.OK, (await Admin.PutAsJsonAsync($"/api/v1/programs/{program}/required-nudges",
            new { required = new[] { "MeetingSoon" }, version = view.Version })).StatusCode);
        var stale = await Admin.PutAsJsonAsync($"/api/v1/programs/{program}/required-nudges", new { required = Array.Empty<string>(), version = view.Version });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
    }

    [Fact]
    public async Task ThePagesSaveToo()
    {
        var (program, _) = await Seed.AProgram(App, Given.AdminEmail);
        var view = (await Admin.GetFromJsonAsync<RequiredNudges.View>($"/api/v1/programs/{program}/required-nudges", Json.Options))!;
        var saved = await Admin.Submit($"/Nudges/Program?programId={program}", new Dictionary<string, string> { ["required"] = "CadenceSlipping", ["version"] = $"{view.Version}" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var after = (await Admin.GetFromJsonAsync<RequiredNudges.View>($"/api/v1/programs/{program}/required-nudges", Json.Options))!;
        Assert.Equal([NudgeKind.CadenceSlipping], after.Choices.Where(c => c.Required).Select(c => c.Kind));

        Assert.Equal(HttpStatusCode.Redirect, (await Admin.Submit("/Nudges/Settings", new Dictionary<string, string> { ["on"] = "ManagerDigest" })).StatusCode);
        var mine = (await Preferences(Admin)).Settings;
        Assert.True(mine.Single(s => s.Kind == NudgeKind.ManagerDigest).On);
        Assert.False(mine.Single(s => s.Kind == NudgeKind.MeetingSoon).On);
    }
}
