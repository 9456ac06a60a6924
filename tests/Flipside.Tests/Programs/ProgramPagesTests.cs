using System.Net;
using Flipside.Tests.Support;

namespace Flipside.Tests.Programs;

public sealed class ProgramPagesTests(FlipsideFactory app) : ProgramsTestBase(app)
{
    private static Dictionary<string, string> AForm(string name = "Digital fluency") => new()
    {
        ["Input.Name"] = name,
        ["Input.Purpose"] = "Leaders learn the tools their teams use.",
        ["Input.Objectives[0].Title"] = "Leaders use collaboration tools",
        ["Input.Objectives[0].Measures[0].Name"] = "Leaders using the collaboration tool weekly",
        ["Input.Objectives[0].Measures[0].Unit"] = "%",
        ["Input.Objectives[0].Measures[0].Baseline"] = "35",
        ["Input.Objectives[0].Measures[0].Target"] = "70.5",
        ["Input.FocusAreas"] = "Collaboration tools",
        ["OtherFocusAreas"] = "Telemedicine, Blockchain",
        ["Input.CadenceWeeks"] = "2",
        ["Input.MinutesPerMeeting"] = "45",
        ["Input.DurationMonths"] = "6",
        ["Input.DefaultMentorCapacity"] = "1",
        ["Input.MentorLabel"] = "reverse mentor",
        ["Input.MenteeLabel"] = "leader",
        ["Input.MinGradeGap"] = "2",
        ["Input.MinMentorTenureMonths"] = "12",
        ["Input.RequireManagerApproval"] = "true",
    };

    [Fact]
    public async Task ProgramsPage_WhenEmpty_PointsToTheTemplates()
    {
        var html = await (await Pam.GetAsync("/Programs")).Html();

        Assert.Contains("No programs yet.", html);
        Assert.Contains("Start from a template", html);
        Assert.Contains("Digital fluency for leaders", await (await Pam.GetAsync("/Programs/New")).Html());
    }

    [Fact]
    public async Task EditPage_CreatesAProgram_AndTheOverviewDescribesIt()
    {
        var response = await Pam.Submit("/Programs/Edit", AForm());

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var overview = await (await Pam.GetAsync(response.Headers.Location!.OriginalString)).Html();
        Assert.Contains("\"Digital fluency\" is saved.", overview);
        Assert.Contains("45 minutes every two weeks, for 6 months", overview);
        Assert.Contains("Collaboration tools, Telemedicine, Blockchain", overview);
        Assert.Contains("70.5 %", overview);
        Assert.Contains("their line manager approves", overview);
        Assert.Contains("pam@example.com", overview);
        var list = await (await Pam.GetAsync("/Programs")).Html();
        Assert.Contains("Digital fluency", list);
        Assert.Contains("none yet", list);
    }

    [Fact]
    public async Task TheOverview_AgreesInNumber_WithOnesAndWithProgramLabels()
    {
        var form = AForm();
        form["Input.DurationMonths"] = "1";
        form["Input.MentorLabel"] = "ally";
        form["Input.MinGradeGap"] = "1";
        form["Input.MinMentorTenureMonths"] = "1";

        var response = await Pam.Submit("/Programs/Edit", form);

        var overview = await (await Pam.GetAsync(response.Headers.Location!.OriginalString)).Html();
        Assert.Contains("45 minutes every two weeks, for 1 month</dd>", overview);
        Assert.Contains("The ally's grade is at least 1 grade below the leader's;", overview);
        Assert.Contains("allies have been here at least 1 month;", overview);
        Assert.DoesNotContain("allys", overview);
        Assert.DoesNotContain("(s)", overview);
    }

    [Fact]
    public async Task EditPage_AddObjectiveAndMeasure_ShowRowsWithoutSaving()
    {
        var withObjective = await Pam.Submit("/Programs/Edit", AForm(), "/Programs/Edit?handler=AddObjective");
        var withMeasure = await Pam.Submit("/Programs/Edit", AForm(), "/Programs/Edit?handler=AddMeasure&objective=0");

        var html = await withObjective.Html();
        Assert.Contains("name=\"Input.Objectives[1].Title\"", html);
        Assert.Contains("value=\"Leaders using the collaboration tool weekly\"", html);
        Assert.Contains("name=\"Input.Objectives[0].Measures[1].Name\"", await withMeasure.Html());
        Assert.Equal(0, await CountPrograms());
    }

    [Fact]
    public async Task EditPage_RemoveObjective_AndRemoveMeasure_DropThoseRows()
    {
        var form = AForm();
        form["Input.Objectives[1].Title"] = "Leaders hear new ideas";
        form["Input.Objectives[1].Measures[0].Name"] = "Ideas raised to leadership";
        form["Input.Objectives[1].Measures[1].Name"] = "Pilots started";

        var withoutFirst = await (await Pam.Submit("/Programs/Edit", form, "/Programs/Edit?handler=RemoveObjective&objective=0")).Html();
        var withoutMeasure = await (await Pam.Submit("/Programs/Edit", form, "/Programs/Edit?handler=RemoveMeasure&objective=1&measure=0")).Html();

        Assert.DoesNotContain("Leaders use collaboration tools", withoutFirst);
        Assert.Contains("name=\"Input.Objectives[0].Title\" value=\"Leaders hear new ideas\"", withoutFirst);
        Assert.DoesNotContain("Ideas raised to leadership", withoutMeasure);
        Assert.Contains("value=\"Pilots started\"", withoutMeasure);
        Assert.Equal(0, await CountPrograms());
    }

    [Theory]
    [InlineData("Input.Name", "", "Enter the program&#x27;s name")]
    [InlineData("Input.DurationMonths", "30", "A program runs 1 to 24 months.")]
    [InlineData("Input.CadenceWeeks", "monthly", "Enter a number here; &quot;monthly&quot; is not one.")]
    [InlineData("Input.MinutesPerMeeting", "5", "A meeting lasts 15 to 240 minutes.")]
    [InlineData("Input.Objectives[0].Title", "", "Give objective 1 a title")]
    [InlineData("Input.Objectives[0].Measures[0].Target", "", "Enter a number as the target of measure 1 of objective 1.")]
    [InlineData("Input.Objectives[0].Measures[0].Target", "lots", "Enter a number here; &quot;lots&quot; is not one.")]
    [InlineData("Input.MinGradeGap", "12", "The grade gap is 0 to 9 grades.")]
    public async Task EditPage_WithABadValue_ShowsTheMessageBesideTheField_AndWritesNothing(string field, string value, string message)
    {
        var form = AForm();
        form[field] = value;

        var response = await Pam.Submit("/Programs/Edit", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains($"data-valmsg-for=\"{field}\" data-valmsg-replace=\"true\">{message}", html);
        Assert.Equal(0, await CountPrograms());
    }

    [Fact]
    public async Task EditPage_ChangesAnExistingProgram()
    {
        var id = await Create(Pam);
        var form = AForm("Digital fluency, second wave");
        form["Id"] = id.ToString();

        var response = await Pam.Submit($"/Programs/Edit?id={id}", form, "/Programs/Edit");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Digital fluency, second wave", (await Get(Pam, id)).Program.Name);
    }

    [Fact]
    public async Task AnotherManagersProgram_IsNotFound_OnEveryPage()
    {
        var id = await Create(Pam);
        var cohort = await CreateCohort(Pam, id);

        foreach (var url in new[] { $"/Programs/Program?id={id}", $"/Programs/Edit?id={id}", $"/Programs/Cohort?programId={id}", $"/Programs/Cohort?programId={id}&id={cohort}" })
            Assert.True((await Otto.GetAsync(url)).StatusCode == HttpStatusCode.NotFound, url);
        var form = AForm("Taken");
        form["Id"] = id.ToString();
        Assert.Equal(HttpStatusCode.NotFound, (await Otto.Submit("/Programs/Edit", form)).StatusCode);
        Assert.DoesNotContain("Digital fluency", await (await Otto.GetAsync("/Programs")).Html());
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync($"/Programs/Program?id={id}")).StatusCode);
    }

    [Fact]
    public async Task HomePage_ListsTheManagersProgramsAndCohorts()
    {
        Assert.Contains("Start from a template", await (await Pam.GetAsync("/")).Html());
        var id = await Create(Pam);
        var cohort = await CreateCohort(Pam, id);
        await Move(Pam, id, cohort, "enrolling");

        var html = await (await Pam.GetAsync("/")).Html();

        Assert.Contains("Digital fluency", html);
        Assert.Contains("Pilot", html);
        Assert.Contains("enrolling", html);
        Assert.DoesNotContain("Digital fluency", await (await Otto.GetAsync("/")).Html());
    }
}
