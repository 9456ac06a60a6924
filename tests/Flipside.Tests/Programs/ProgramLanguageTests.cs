using System.Net;
using System.Net.Http.Json;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Programs;

/// <summary>The program's language (of its participants' reminders): English unless chosen, four to choose from, on the form and the API.</summary>
public sealed class ProgramLanguageTests(FlipsideFactory app) : ProgramsTestBase(app)
{
    [Fact]
    public async Task TheApi_DefaultsToEnglish_TakesGermanFrenchAndSpanish_AndRefusesAnotherNamingTheField()
    {
        var id = await Create(Pam);
        Assert.Equal("en", (await Get(Pam, id)).Program.Language);
        foreach (var code in new[] { "de", "fr", "es" })
        {
            var program = AProgram();
            program.Language = code;
            Assert.Equal(HttpStatusCode.NoContent, (await Pam.PutAsJsonAsync($"/api/v1/programs/{id}", program)).StatusCode);
            Assert.Equal(code, (await Get(Pam, id)).Program.Language);
        }

        var unknown = AProgram("Renamed");
        unknown.Language = "xx";
        var response = await Pam.PutAsJsonAsync($"/api/v1/programs/{id}", unknown);

        Assert.Equal(["language"], await Fields(response));
        Assert.Contains("(Deutsch)", await response.Content.ReadAsStringAsync());
        Assert.Equal(("es", "Digital fluency"), ((await Get(Pam, id)).Program.Language, (await Get(Pam, id)).Program.Name));
    }

    [Fact]
    public async Task TheForm_OffersTheFourLanguages_AndSavesTheChoice()
    {
        var form = await (await Pam.GetAsync("/Programs/Edit")).Html();
        Assert.Contains("for=\"Input_Language\">Language of reminders</label>", form);
        foreach (var name in new[] { "English", "Deutsch", "Français", "Español" }) Assert.Contains($">{name}</option>", form);

        var response = await Pam.Submit("/Programs/Edit", new Dictionary<string, string>
        {
            ["Input.Name"] = "Digital fluency",
            ["Input.Purpose"] = "Leaders learn the tools their teams use.",
            ["Input.Objectives[0].Title"] = "Leaders use collaboration tools",
            ["Input.Objectives[0].Measures[0].Name"] = "Leaders using the collaboration tool weekly",
            ["Input.Objectives[0].Measures[0].Unit"] = "%",
            ["Input.Objectives[0].Measures[0].Baseline"] = "35",
            ["Input.Objectives[0].Measures[0].Target"] = "70",
            ["Input.FocusAreas"] = "Collaboration tools",
            ["Input.CadenceWeeks"] = "4",
            ["Input.MinutesPerMeeting"] = "60",
            ["Input.DurationMonths"] = "6",
            ["Input.DefaultMentorCapacity"] = "1",
            ["Input.MentorLabel"] = "reverse mentor",
            ["Input.MenteeLabel"] = "leader",
            ["Input.MinGradeGap"] = "2",
            ["Input.MinMentorTenureMonths"] = "12",
            ["Input.Language"] = "fr",
        });

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, await response.Content.ReadAsStringAsync());
        Assert.Equal("fr", await App.Query(db => db.Programs.Select(p => p.Language).SingleAsync()));
    }
}
