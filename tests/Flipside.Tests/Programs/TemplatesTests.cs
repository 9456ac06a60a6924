using System.Net;
using System.Net.Http.Json;
using Flipside.Features.Programs;
using Flipside.Tests.Support;

namespace Flipside.Tests.Programs;

public sealed class TemplatesTests(FlipsideFactory app) : ProgramsTestBase(app)
{
    public static TheoryData<string> Keys() => [.. ProgramTemplates.All.Select(t => t.Key)];

    [Fact]
    public async Task Templates_AreListed_WithTheirPrograms()
    {
        var templates = (await Pam.GetFromJsonAsync<List<ProgramsApi.TemplateView>>("/api/v1/program-templates", Json))!;

        Assert.Equal(["Digital fluency for leaders", "Gen Z values and expectations", "Inclusion and belonging", "Sustainability", "AI readiness"],
            templates.Select(t => t.Name));
        Assert.All(templates, t => Assert.InRange(t.Program.Objectives.Count, 1, 3));
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public async Task CreateFromTemplate_StoresItsObjectivesAndMeasures(string key)
    {
        var template = ProgramTemplates.Find(key)!.Build();

        var response = await Pam.PostAsync($"/api/v1/programs?template={key}", null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var saved = (await response.Content.ReadFromJsonAsync<ProgramQueries.ProgramDetails>(Json))!.Program;
        Assert.Equal(template.Name, saved.Name);
        Assert.Equal(template.Objectives.Select(o => o.Title), saved.Objectives.Select(o => o.Title));
        Assert.Equal(template.Objectives.SelectMany(o => o.Measures).Select(m => (m.Name, m.Unit, m.Baseline, m.Target, m.Method, m.Timing)),
            saved.Objectives.SelectMany(o => o.Measures).Select(m => (m.Name, m.Unit, m.Baseline, m.Target, m.Method, m.Timing)));
        Assert.Equal(template.FocusAreas, saved.FocusAreas);
        Assert.Equal((template.CadenceWeeks, template.DurationMonths, template.MentorLabel), (saved.CadenceWeeks, saved.DurationMonths, saved.MentorLabel));
    }

    [Fact]
    public void DigitalFluency_MeasuresCollaborationToolUse()
    {
        var measure = ProgramTemplates.Find("digital-fluency")!.Build().Objectives[0].Measures[0];

        Assert.Equal(("Leaders using the collaboration tool weekly", "%", 35m, 70m, "collaboration tool usage analytics", "at start and after 6 months"),
            (measure.Name, measure.Unit, measure.Baseline!.Value, measure.Target!.Value, measure.Method, measure.Timing));
    }

    [Fact]
    public async Task CreateFromAnUnknownTemplate_NamesTheField_AndWritesNothing()
    {
        Assert.Equal(["template"], await Fields(await Pam.PostAsync("/api/v1/programs?template=astrology", null)));
        Assert.Equal(0, await CountPrograms());
    }

    [Fact]
    public async Task EditPage_FromATemplate_IsPrefilled_AndNothingIsSavedYet()
    {
        var html = await (await Pam.GetAsync("/Programs/Edit?template=digital-fluency")).Html();

        Assert.Contains("value=\"Digital fluency for leaders\"", html);
        Assert.Contains("value=\"Leaders using the collaboration tool weekly\"", html);
        Assert.Contains("value=\"70\"", html);
        Assert.Equal(0, await CountPrograms());
    }

    [Fact]
    public async Task TheOpenApiDocument_DescribesTheProgramsApi()
    {
        var document = await (await App.Browser().GetAsync("/openapi/v1.json")).Content.ReadAsStringAsync();

        foreach (var path in new[] { "/api/v1/programs", "/api/v1/programs/{id}", "/api/v1/programs/{id}/cohorts/{cohortId}/status", "/api/v1/program-templates" })
            Assert.Contains($"\"{path}\"", document);
    }
}
