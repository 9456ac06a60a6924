using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Tests.Programs;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Impact;

/// <summary>Where a measure's current value comes from is chosen where objectives and measures are edited.</summary>
public sealed class MeasureSourceTests(Support.FlipsideFactory app) : ProgramsTestBase(app)
{
    [Fact]
    public async Task AMeasure_TakesItsSourceFromTheProgramForm_AndASurveySourceNeedsItsScale()
    {
        var program = AProgram();
        program.Objectives[0].Measures[0].Source = MeasureSource.SurveyScale;

        var refused = await Pam.PostAsJsonAsync("/api/v1/programs", program);
        program.Objectives[0].Measures[0].Scale = "Confidence";
        var id = await Create(Pam, program);
        program.Objectives[0].Measures[0].Source = MeasureSource.IdeasAdopted;
        var changed = await Pam.PutAsJsonAsync($"/api/v1/programs/{id}", program);

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("Objectives[0].Measures[0].Scale", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        var saved = await App.Query(db => db.Measures.Select(m => new { m.Source, m.Scale }).SingleAsync());
        Assert.Equal((MeasureSource.IdeasAdopted, ""), (saved.Source, saved.Scale));
    }
}
