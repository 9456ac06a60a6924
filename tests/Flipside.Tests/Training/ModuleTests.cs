using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Flipside.Domain;
using Flipside.Features.Training;
using Flipside.Tests.Programs;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Training;

/// <summary>Taking a module: reading it, the acknowledgement, the check questions, and completion across programs.</summary>
public sealed class ModuleTests(FlipsideFactory app) : TrainingTestBase(app)
{
    [Fact]
    public async Task ANewProgram_RequiresTheBuiltInModules_AllSevenOfMentorsAndFiveOfLeaders()
    {
        var created = await Admin.PostAsJsonAsync("/api/v1/programs", ProgramsTestBase.AProgram());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var settings = (await Admin.GetFromJsonAsync<TrainingRequirements.Settings>(Training($"/programs/{id}/requirements"), Json.Options))!;

        Assert.Equal(7, settings.Modules.Count);
        Assert.Equal(7, settings.Modules.Count(m => m.ForMentors));
        Assert.Equal(["two-roles", "leading-and-learning", "feedback-upward", "confidentiality", "cadence-and-logistics"],
            settings.Modules.Where(m => m.ForMentees).Select(m => m.Key));
        Assert.False(settings.SupervisionCircles);
    }

    [Fact]
    public async Task AModule_IsRenderedFromMarkdown_AndItsRightAnswersNeverLeaveTheServer()
    {
        await ACohort();
        var mentor = await As(Mentor);

        var response = await mentor.GetAsync(Training($"/programs/{ProgramId}/modules/two-roles"));

        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var module = JsonDocument.Parse(text).RootElement;
        Assert.Contains("<strong>mentor</strong>", module.GetProperty("html").GetString());
        Assert.Equal(2, module.GetProperty("questions").GetArrayLength());
        Assert.DoesNotContain("right", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("leads the agenda by default", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWrongAnswer_DoesNotComplete_AndExplainsOnlyTheWrongQuestion()
    {
        await ACohort();
        var mentor = await As(Mentor);
        var right = RightAnswers("two-roles");
        var wrong = right[0] == 1 ? 2 : 1;

        var response = await Complete(mentor, "two-roles", new { acknowledged = true, answers = new[] { wrong, right[1] } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = (await response.Content.ReadFromJsonAsync<CompleteModule.Result>(Json.Options))!;
        Assert.False(result.Completed);
        Assert.Contains("leads the agenda by default", result.Questions[0].Explanation);
        Assert.True(result.Questions[1].Right);
        Assert.Null(result.Questions[1].Explanation);
        Assert.Equal(0, await App.Query(db => db.TrainingCompletions.CountAsync()));
    }

    [Fact]
    public async Task MissingAnswers_AreWrong_NotCompleted()
    {
        await ACohort();
        var mentor = await As(Mentor);

        var result = (await (await Complete(mentor, "two-roles", new { acknowledged = true })).Content.ReadFromJsonAsync<CompleteModule.Result>(Json.Options))!;

        Assert.False(result.Completed);
        Assert.All(result.Questions, q => Assert.NotNull(q.Explanation));
    }

    [Fact]
    public async Task RightAnswers_WithoutTheAcknowledgement_Return400NamingIt_AndCompleteNothing()
    {
        await ACohort();
        var mentor = await As(Mentor);

        var response = await Complete(mentor, "two-roles", new { acknowledged = false, answers = RightAnswers("two-roles") });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("errors").TryGetProperty("acknowledged", out _));
        Assert.Equal(0, await App.Query(db => db.TrainingCompletions.CountAsync()));
    }

    [Fact]
    public async Task ADoneModule_CountsInAnotherProgram_UntilThatProgramEditsIt()
    {
        await ACohort();
        var (otherProgram, otherCohort) = await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Matching);
        await App.Query(async db =>
        {
            var enrollment = Domain.Enrollment.Invite(otherCohort, Mentor.Id, ParticipantRole.Mentor, FlipsideFactory.Start);
            enrollment.Accept(false, null, FlipsideFactory.Start);
            db.Enrollments.Add(enrollment);
            return await db.SaveChangesAsync();
        });
        var mentor = await As(Mentor);
        await CompleteRight(mentor, "active-listening");

        var there = (await mentor.GetFromJsonAsync<List<ReadModule.ListItem>>(Training($"/programs/{otherProgram}/modules"), Json.Options))!;
        Assert.True(there.Single(m => m.Key == "active-listening").Done);

        var edit = BuiltInModules.Find("active-listening")!;
        var edited = await Admin.PutAsJsonAsync(Training($"/programs/{otherProgram}/modules/active-listening"),
            new { title = edit.Title, body = edit.Body + "\n\nIn our company, we also listen in the canteen.", questions = edit.Questions });
        Assert.Equal(HttpStatusCode.OK, edited.StatusCode);

        there = (await mentor.GetFromJsonAsync<List<ReadModule.ListItem>>(Training($"/programs/{otherProgram}/modules"), Json.Options))!;
        var here = (await mentor.GetFromJsonAsync<List<ReadModule.ListItem>>(Training($"/programs/{ProgramId}/modules"), Json.Options))!;
        Assert.False(there.Single(m => m.Key == "active-listening").Done);
        Assert.True(there.Single(m => m.Key == "active-listening").Edited);
        Assert.True(here.Single(m => m.Key == "active-listening").Done);
    }

    [Fact]
    public async Task AParticipantOfAnotherProgram_GetsNotFound_ForItsModulesAndProgress()
    {
        await ACohort();
        var (otherProgram, otherCohort) = await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Matching);
        var mentor = await As(Mentor);

        Assert.Equal(HttpStatusCode.NotFound, (await mentor.GetAsync(Training($"/programs/{otherProgram}/modules"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mentor.GetAsync(Training($"/programs/{otherProgram}/modules/two-roles"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Complete(mentor, "two-roles", new { acknowledged = true, answers = RightAnswers("two-roles") }, otherProgram)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await mentor.GetAsync($"/Training/Module?programId={otherProgram}&key=two-roles")).StatusCode);
        // The cohort's progress is program staff's: a participant is refused outright.
        Assert.Equal(HttpStatusCode.Forbidden, (await mentor.GetAsync(Training($"/cohorts/{otherCohort}/status"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await mentor.GetAsync(Training($"/cohorts/{CohortId}/status"))).StatusCode);
    }

    [Fact]
    public async Task MyTraining_ListsTheRequiredModulesOfMyRole_DoneOrNot()
    {
        await ACohort();
        await Require(["two-roles", "active-listening"], ["two-roles"]);
        var mentor = await As(Mentor);
        await CompleteRight(mentor, "active-listening");

        var mine = Assert.Single((await mentor.GetFromJsonAsync<List<MyTraining.Enrolment>>(Training("/mine"), Json.Options))!);

        Assert.Equal([("two-roles", false), ("active-listening", true)], mine.Modules.Select(m => (m.Key, m.Done)));
        var page = await (await mentor.GetAsync("/Training")).Html();
        Assert.Contains("1 of 2 modules done", page);
        Assert.Contains($"/Training/Module?programId={ProgramId}&key=two-roles", page);
    }

    [Fact]
    public async Task TheModulePage_ShowsTheExplanationOfAWrongAnswer_AndCompletesWithTheRightOnes()
    {
        await ACohort();
        var mentor = await As(Mentor);
        var url = $"/Training/Module?programId={ProgramId}&key=active-listening";
        var right = RightAnswers("active-listening")[0]!.Value;

        var wrong = await mentor.Submit(url, new Dictionary<string, string> { ["Acknowledged"] = "true", ["Answers[0]"] = (right == 1 ? 2 : 1).ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("Reflecting back summarises", await wrong.Content.ReadAsStringAsync());

        var unticked = await mentor.Submit(url, new Dictionary<string, string> { ["Answers[0]"] = right.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Contains("Tick the box", await unticked.Content.ReadAsStringAsync());

        var done = await mentor.Submit(url, new Dictionary<string, string> { ["Acknowledged"] = "true", ["Answers[0]"] = right.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(1, await App.Query(db => db.TrainingCompletions.CountAsync(c => c.PersonId == Mentor.Id && c.ModuleKey == "active-listening")));
    }
}
