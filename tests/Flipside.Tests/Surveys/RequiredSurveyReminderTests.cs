using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Nudges;
using Flipside.Features.Surveys;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Surveys;

/// <summary>A participant may turn survey reminders off, unless their program requires them: then they come anyway.</summary>
public sealed class RequiredSurveyReminderTests(FlipsideFactory app) : AdministeredTests(app)
{
    [Fact]
    public async Task AParticipantWhoTurnedSurveyRemindersOff_GetsThemOnceTheProgramRequiresThem()
    {
        var world = await Surveyed.Make(App, leaders: 2, mentors: 1);
        var closesOn = DateOnly.FromDateTime(App.Clock.GetUtcNow().UtcDateTime).AddDays(14);
        var opened = await Admin.PostAsJsonAsync($"/api/v1/cohorts/{world.CohortId}/surveys", new { kind = "Baseline", closesOn });
        Assert.Equal(HttpStatusCode.Created, opened.StatusCode);
        var survey = (await Admin.GetFromJsonAsync<CohortSurveys.View>($"/api/v1/cohorts/{world.CohortId}/surveys", Json.Options))!.Surveys.Single();
        var (quiet, other) = (world.Leaders[0], world.Leaders[1]);
        var participant = await Given.AnAccount(App, Admin, quiet.Email, Roles.Participant);
        var off = await participant.PutAsJsonAsync("/api/v1/account/nudges", new { off = new[] { "SurveyReminder" } });
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        async Task<List<string>> RemindedOf(string stage) => await App.Query(db => db.Outbox
            .Where(m => m.Kind == SendNudges.KindName(NudgeKind.SurveyReminder) && m.Subject.EndsWith(stage)).Select(m => m.To).ToListAsync());

        // Not required: the seven-day reminder goes to the others, not to the one who turned it off.
        App.Clock.SetUtcNow(survey.ClosesAt.AddDays(-7).AddHours(1));
        await Surveyed.Run<SendNudges>(App);
        var sevenDays = await RemindedOf("7 days left");
        Assert.Contains(other.Email, sevenDays);
        Assert.DoesNotContain(quiet.Email, sevenDays);

        // A week on, both sign in afresh: their sessions have ended.
        var admin = await Given.SignedIn(App, Given.AdminEmail);
        participant = await Given.SignedIn(App, quiet.Email);
        var required = await admin.PutAsJsonAsync($"/api/v1/programs/{world.ProgramId}/required-nudges", new { required = new[] { "SurveyReminder" } });
        Assert.Equal(HttpStatusCode.OK, required.StatusCode);
        // Turning it off again changes nothing now: the settings say it stays on, and why.
        Assert.Equal(HttpStatusCode.OK, (await participant.PutAsJsonAsync("/api/v1/account/nudges", new { off = new[] { "SurveyReminder" } })).StatusCode);
        var setting = (await participant.GetFromJsonAsync<NudgePreferences.View>("/api/v1/account/nudges", Json.Options))!.Settings.Single(s => s.Kind == NudgeKind.SurveyReminder);
        Assert.True(setting.On);
        Assert.Equal(["Digital fluency"], setting.RequiredBy);
        Assert.Contains("so it stays on", await (await participant.GetAsync("/Nudges/Settings")).Html());

        App.Clock.SetUtcNow(survey.ClosesAt.AddDays(-2).AddHours(1));
        await Surveyed.Run<SendNudges>(App);
        var twoDays = await RemindedOf("2 days left");
        Assert.Contains(quiet.Email, twoDays);
        Assert.Contains(other.Email, twoDays);
    }
}
