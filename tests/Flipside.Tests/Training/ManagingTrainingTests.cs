using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flipside.Domain;
using Flipside.Features.Training;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Training;

/// <summary>The program manager's side: editing and adding modules, requirements, the publish gate and reminders.</summary>
public sealed class ManagingTrainingTests(FlipsideFactory app) : TrainingTestBase(app)
{
    private const string Questions = "? Who leads?\n- The leader\n* The mentor\n> The mentor leads the agenda.";

    private Task<HttpResponseMessage> AddModule(HttpClient client, object body, Guid? programId = null) =>
        client.PostAsJsonAsync(Training($"/programs/{programId ?? ProgramId}/modules"), body);

    private static async Task<JsonElement> Errors(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors");

    [Fact]
    public async Task AnOwnModule_IsAdded_RequiredAndTaken()
    {
        await ACohort();
        var response = await AddModule(Admin, new { title = "Our values", body = "We **listen** first.", questions = Questions });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var key = (await response.Content.ReadFromJsonAsync<TrainingApi.Saved>(Json.Options))!.Key;
        Assert.StartsWith(TrainingModule.OwnPrefix, key);
        await Require([key], []);
        var mentor = await As(Mentor);

        var module = (await mentor.GetFromJsonAsync<ReadModule.Module>(Training($"/programs/{ProgramId}/modules/{key}"), Json.Options))!;
        var result = await (await Complete(mentor, key, new { acknowledged = true, answers = new[] { 2 } })).Content.ReadFromJsonAsync<CompleteModule.Result>(Json.Options);

        Assert.Equal(("Our values", false), (module.Title, module.BuiltIn));
        Assert.Contains("<strong>listen</strong>", module.Html);
        Assert.True(result!.Completed);
    }

    [Fact]
    public async Task AnEdit_WithAnEmptyTitle_ABodyOverTheLimit_OrBadQuestions_Returns400NamingEachField_AndSavesNothing()
    {
        await ACohort();

        var response = await Admin.PutAsJsonAsync(Training($"/programs/{ProgramId}/modules/two-roles"),
            new { title = "  ", body = new string('x', TrainingModule.BodyMaxLength + 1), questions = "? Who leads?\n- The leader\n- The mentor" });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = await Errors(response);
        Assert.Contains("Give the module a title", errors.GetProperty("title")[0].GetString());
        Assert.Contains("20,000 characters", errors.GetProperty("body")[0].GetString());
        Assert.Contains("exactly one right option", errors.GetProperty("questions")[0].GetString());
        Assert.Equal(0, await App.Query(db => db.TrainingModules.CountAsync()));
        var empty = await AddModule(Admin, new { title = "T", body = "", questions = "" });
        Assert.Contains("Write the module's text", (await Errors(empty)).GetProperty("body")[0].GetString());
        Assert.Contains("Write one or two check questions", (await Errors(empty)).GetProperty("questions")[0].GetString());
    }

    [Fact]
    public async Task ANonManager_CannotEdit_AnotherProgramsManagerGets404_AParticipant403()
    {
        await ACohort();
        var other = await Given.AnAccount(App, Admin, "otto@example.com", Roles.ProgramManager);
        var mentor = await As(Mentor);
        var body = new { title = "Hijacked", body = "Text", questions = Questions };

        Assert.Equal(HttpStatusCode.NotFound, (await other.PutAsJsonAsync(Training($"/programs/{ProgramId}/modules/two-roles"), body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await AddModule(other, body)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Training($"/programs/{ProgramId}/requirements"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/Training/Edit?programId={ProgramId}&key=two-roles")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mentor.PutAsJsonAsync(Training($"/programs/{ProgramId}/modules/two-roles"), body)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await AddModule(mentor, body)).StatusCode);
        Assert.Equal(0, await App.Query(db => db.TrainingModules.CountAsync()));
    }

    [Fact]
    public async Task Requirements_NamingAModuleTheProgramHasNot_Return400()
    {
        await ACohort();

        var response = await Admin.PutAsJsonAsync(Training($"/programs/{ProgramId}/requirements"), new { forMentors = new[] { "no-such-module" }, forMentees = Array.Empty<string>() });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("no-such-module", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ThePreview_RendersTheMarkdown_AndStripsScriptsAndScriptLinks()
    {
        await ACohort();
        var url = $"/Training/Edit?programId={ProgramId}";

        var response = await Admin.Submit(url, new Dictionary<string, string>
        {
            ["Input.Title"] = "Ours", ["Input.Body"] = "## Listen\n\n<script>alert(1)</script>\n\n[click](javascript:alert(2)) and [site](https://example.com)",
            ["Input.Questions"] = Questions,
        }, $"{url}&handler=Preview");

        var page = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // The form keeps what was typed; the rendered preview follows it.
        var html = page[page.IndexOf("id=\"preview-heading\"", StringComparison.Ordinal)..];
        Assert.Matches("<h2[^>]*>Listen</h2>", html);
        Assert.Contains("href=\"https://example.com\"", html);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("javascript:alert", html);
        Assert.Equal(0, await App.Query(db => db.TrainingModules.CountAsync()));
    }

    [Fact]
    public async Task Publishing_WithUnfinishedTraining_IsRefusedNamingWhoAndWhat_AndGoesAheadOnceBothHaveFinished()
    {
        await ACohort();
        await Require(["two-roles", "active-listening"], ["two-roles"]);
        Assert.Equal(HttpStatusCode.Created, (await Admin.PostAsJsonAsync($"/api/v1/cohorts/{CohortId}/matching/runs", new { })).StatusCode);
        var pairing = await App.Query(db => db.Pairings.SingleAsync());
        await Admin.PostAsJsonAsync($"/api/v1/cohorts/{CohortId}/pairings/{pairing.Id}/decision", new { decision = "approve" });
        var mentor = await As(Mentor);
        var leader = await As(Leader);
        await CompleteRight(mentor, "two-roles");

        var refused = await Admin.PostAsync($"/api/v1/cohorts/{CohortId}/matching/publish", null);

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        var detail = await Detail(refused);
        Assert.Contains($"{Leader.Name} has not finished \"The two roles in reverse mentoring\"", detail);
        Assert.Contains($"{Mentor.Name} has not finished \"Active listening\"", detail);
        Assert.Equal(PairingStatus.Approved, await App.Query(db => db.Pairings.Select(p => p.Status).SingleAsync()));
        Assert.Equal(0, await App.Query(db => db.Outbox.CountAsync(m => m.Kind == Features.Pairings.PairingEmails.IntroductionKind)));

        await CompleteRight(mentor, "active-listening");
        await CompleteRight(leader, "two-roles");
        var published = await Admin.PostAsync($"/api/v1/cohorts/{CohortId}/matching/publish", null);

        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal(PairingStatus.Active, await App.Query(db => db.Pairings.Select(p => p.Status).SingleAsync()));
    }

    [Fact]
    public async Task TheCohortStatus_ListsWhoHasNotFinished_AndTheReminderEmailsOnlyThem()
    {
        await ACohort(leaders: 2, mentors: 1);
        await Require(["active-listening"], ["two-roles"]);
        await CompleteRight(await As(Mentor), "active-listening");

        var status = (await Admin.GetFromJsonAsync<CohortTraining.Status>(Training($"/cohorts/{CohortId}/status"), Json.Options))!;
        var sent = await Admin.PostAsync(Training($"/cohorts/{CohortId}/reminders"), null);

        Assert.Equal(3, status.Enrolled);
        Assert.Equal(["Person L1", "Person L2"], status.NotFinished.Select(p => p.Name));
        Assert.All(status.NotFinished, p => Assert.Equal(["The two roles in reverse mentoring"], p.Unfinished));
        Assert.Equal(2, (await sent.Content.ReadFromJsonAsync<RemindTraining.Sent>(Json.Options))!.Emails);
        var mail = await App.Query(db => db.Outbox.Where(m => m.Kind == RemindTraining.Kind).ToListAsync());
        Assert.Equal(["l1@example.com", "l2@example.com"], mail.Select(m => m.To).Order());
        Assert.All(mail, m => Assert.Equal(ProgramId, m.ProgramId));
        Assert.Contains("The two roles in reverse mentoring", mail[0].TextBody);
        var page = await (await Admin.GetAsync($"/Training/Cohort?cohortId={CohortId}")).Html();
        Assert.Contains("2 people of 3 enrolled have not finished", page);
    }

    [Fact]
    public async Task AReminder_WhenEveryoneHasFinished_Returns409()
    {
        await ACohort();
        await Require([], []);

        var response = await Admin.PostAsync(Training($"/cohorts/{CohortId}/reminders"), null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal(0, await App.Query(db => db.Outbox.CountAsync(m => m.Kind == RemindTraining.Kind)));
    }

    [Fact]
    public async Task TheRequirementsPage_SavesWhatIsTicked()
    {
        await ACohort();

        var response = await Admin.Submit($"/Training/Program?id={ProgramId}", new Dictionary<string, string>
        {
            ["forMentors"] = "confidentiality", ["forMentees"] = "cadence-and-logistics", ["supervisionCircles"] = "true",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var settings = (await Admin.GetFromJsonAsync<TrainingRequirements.Settings>(Training($"/programs/{ProgramId}/requirements"), Json.Options))!;
        Assert.Equal(["confidentiality"], settings.Modules.Where(m => m.ForMentors).Select(m => m.Key));
        Assert.Equal(["cadence-and-logistics"], settings.Modules.Where(m => m.ForMentees).Select(m => m.Key));
        Assert.True(settings.SupervisionCircles);
    }

    [Fact]
    public async Task TheReminder_IsWrittenInTheProgramsLanguage()
    {
        await ACohort(leaders: 2, mentors: 1);
        await Require([], ["two-roles"]);
        await App.Query(async db =>
        {
            (await db.Programs.SingleAsync(p => p.Id == ProgramId)).Language = "de";
            return await db.SaveChangesAsync();
        });

        Assert.Equal(HttpStatusCode.OK, (await Admin.PostAsync(Training($"/cohorts/{CohortId}/reminders"), null)).StatusCode);

        var mail = await App.Query(db => db.Outbox.Where(m => m.Kind == RemindTraining.Kind).ToListAsync());
        Assert.Equal(2, mail.Count);
        Assert.All(mail, m =>
        {
            Assert.StartsWith("Ihre Schulung für ", m.Subject);
            Assert.StartsWith("Hallo Person L", m.TextBody);
            Assert.Contains("Noch offen: The two roles in reverse mentoring.", m.TextBody);
            Assert.DoesNotContain("Still to do", m.TextBody);
        });
    }
}
