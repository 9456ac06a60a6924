using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Flipside.Domain;
using Flipside.Features.Matching;
using Flipside.Tests.Support;

namespace Flipside.Tests.Matching;

/// <summary>The board suggests the weight preset that fits the program, from its focus areas, first and chosen.</summary>
public sealed partial class WeightPresetSuggestionTests(FlipsideFactory app) : AdministeredTests(app)
{
    private Guid _cohort;

    private async Task AProgramAbout(params string[] focusAreas) =>
        _cohort = (await Seed.AProgram(App, Given.AdminEmail, p => p.FocusAreas = [.. focusAreas], CohortStatus.Matching)).CohortId;

    private async Task<MatchingBoard.Board> Board() =>
        (await Admin.GetFromJsonAsync<MatchingBoard.Board>($"/api/v1/cohorts/{_cohort}/matching", Json.Options))!;

    /// <summary>The preset select's options in order: key, whether chosen, label.</summary>
    private async Task<List<(string Key, bool Selected, string Label)>> PresetOptions()
    {
        var html = await (await Admin.GetAsync($"/Matching/Board?cohortId={_cohort}")).Html();
        var select = PresetSelect().Match(html);
        Assert.True(select.Success, "The board has no preset select.");
        return [.. Option().Matches(select.Groups[1].Value).Select(m => (m.Groups[1].Value, m.Groups[2].Value.Contains("selected", StringComparison.Ordinal), m.Groups[3].Value.Trim()))];
    }

    [Theory]
    [InlineData(new[] { "Telemedicine", "AI and emerging technology", "Diversity and inclusion" }, "skills-first", "AI and emerging technology")]
    [InlineData(new[] { "Gen Z values and expectations", "Social media and digital marketing" }, "common-ground", "Gen Z values and expectations")]
    [InlineData(new[] { "Collaboration tools" }, "skills-first", "Collaboration tools")]
    [InlineData(new string[0], "balanced", "none of its focus areas")]
    public async Task TheBoard_PutsThePresetThatFitsTheProgramFirstAndChosen_AndSaysWhy(string[] focusAreas, string preset, string because)
    {
        await AProgramAbout(focusAreas);

        var board = await Board();
        var options = await PresetOptions();
        var html = await (await Admin.GetAsync($"/Matching/Board?cohortId={_cohort}")).Html();

        Assert.Equal(preset, board.Suggested.Preset.Key);
        Assert.Contains(because, board.Suggested.Because);
        Assert.Equal(preset, board.Presets[0].Key);
        Assert.Equal(WeightPresets.All.Count, board.Presets.Select(p => p.Key).Distinct().Count());
        Assert.Equal(preset, options[0].Key);
        Assert.True(options[0].Selected);
        Assert.EndsWith("(suggested)", options[0].Label);
        Assert.Single(options, o => o.Selected);
        Assert.Contains("Suggested for this program", html);
        Assert.Contains($"value=\"{board.Suggested.Preset.Weights.Complementarity}\"", WeightField().Match(html).Value);
    }

    [Fact]
    public async Task AnUntouchedFirstRunFromTheBoard_UsesTheSuggestedPreset()
    {
        await AProgramAbout("AI and emerging technology");
        await Enrolled.Cohort(App, _cohort, leaders: 2, mentors: 2);
        var page = $"/Matching/Board?cohortId={_cohort}";
        var html = await (await Admin.GetAsync(page)).Html();
        var form = WeightFields().Matches(html).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        Assert.Equal(6, form.Count);
        form["Weights.Preset"] = (await PresetOptions()).Single(o => o.Selected).Key;
        form["Objective"] = "pairs";

        var response = await Admin.Submit(page, form, $"/Matching/Board?handler=Run&cohortId={_cohort}");

        Assert.Equal(System.Net.HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(WeightPresets.Find("skills-first")!.Weights, (await Board()).Latest!.Weights);
        Assert.True((await PresetOptions())[0].Selected);
    }

    [GeneratedRegex("<select[^>]*id=\"preset\"[^>]*>(.*?)</select>", RegexOptions.Singleline)]
    private static partial Regex PresetSelect();

    [GeneratedRegex("<option value=\"([^\"]*)\"([^>]*)>([^<]*)</option>")]
    private static partial Regex Option();

    [GeneratedRegex("name=\"(Weights\\.\\w+)\" value=\"(\\d+)\"")]
    private static partial Regex WeightFields();

    [GeneratedRegex("<input[^>]*id=\"w-complementarity\"[^>]*>")]
    private static partial Regex WeightField();
}
