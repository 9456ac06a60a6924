using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Matching;
using Flipside.Features.Shared;
using Flipside.Matching;
using Flipside.Matching.Profiles;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Matching;

/// <summary>
/// Fairness by generation: from birth years, which only administrators see, so only administrators read it; and
/// generation shapes no score unless a run weighs it.
/// </summary>
public sealed class GenerationFairnessTests(FlipsideFactory app) : AdministeredTests(app)
{
    private const string ManagerEmail = "pm@example.com";
    private Guid _cohort;

    private string Url(string rest = "") => $"/api/v1/cohorts/{_cohort}{rest}";

    /// <summary>Leaders born 1960 and 1972, mentors born 1999 and 1990, in a cohort the program manager manages; one leader is left unmatched.</summary>
    private async Task<HttpClient> AManagersCohortWithBirthYears()
    {
        var manager = await Given.AnAccount(App, Admin, ManagerEmail, Roles.ProgramManager);
        _cohort = (await Seed.AProgram(App, ManagerEmail, status: CohortStatus.Matching)).CohortId;
        var (leaders, mentors) = await Enrolled.Cohort(App, _cohort, leaders: 5, mentors: 4);
        var years = leaders.Select((p, i) => (p.Id, Year: i % 2 == 0 ? 1960 : 1972))
            .Concat(mentors.Select((p, i) => (p.Id, Year: i % 2 == 0 ? 1999 : 1990))).ToDictionary(x => x.Id, x => x.Year);
        await App.Query(async db =>
        {
            foreach (var person in await db.People.ToListAsync()) person.BirthYear = years.GetValueOrDefault(person.Id);
            return await db.SaveChangesAsync();
        });
        return manager;
    }

    [Theory]
    [InlineData(1945, null)]
    [InlineData(1946, Generation.BabyBoomer)]
    [InlineData(1964, Generation.BabyBoomer)]
    [InlineData(1965, Generation.GenX)]
    [InlineData(1980, Generation.GenX)]
    [InlineData(1981, Generation.Millennial)]
    [InlineData(1996, Generation.Millennial)]
    [InlineData(1997, Generation.GenZ)]
    [InlineData(2012, Generation.GenZ)]
    [InlineData(2013, null)]
    [InlineData(null, null)]
    public void BirthYear_GivesItsGeneration(int? year, Generation? expected) => Assert.Equal(expected, BirthGenerations.Of(year));

    [Fact]
    public async Task AnAdministratorsBoard_ShowsScoresAndUnmatchedByGeneration()
    {
        var manager = await AManagersCohortWithBirthYears();
        Assert.Equal(HttpStatusCode.Created, (await manager.PostAsJsonAsync(Url("/matching/runs"), new { })).StatusCode);

        var html = await (await Admin.GetAsync($"/Matching/Board?cohortId={_cohort}")).Html();
        var board = (await Admin.GetFromJsonAsync<MatchingBoard.Board>(Url("/matching"), Json.Options))!;

        Assert.Contains("Baby Boomers (born 1946–1964)", html);
        Assert.Contains("Gen Z (born 1997–2012)", html);
        Assert.Contains("only administrators see", html);
        var boomers = board.Fairness.Single(g => g.Side == ParticipantRole.Mentee && g.Dimension == "Generation" && g.Name.StartsWith("Baby Boomers", StringComparison.Ordinal));
        var genX = board.Fairness.Single(g => g.Side == ParticipantRole.Mentee && g.Dimension == "Generation" && g.Name.StartsWith("Gen X", StringComparison.Ordinal));
        Assert.Equal((3, 2), (boomers.People, genX.People));
        Assert.Equal(4, boomers.Matched + genX.Matched);
        Assert.Contains(board.Fairness, g => g.Side == ParticipantRole.Mentor && g.Name.StartsWith("Millennials", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AProgramManagersBoardAndApi_ShowNoGenerationRowOrReason()
    {
        var manager = await AManagersCohortWithBirthYears();
        var run = await manager.PostAsJsonAsync(Url("/matching/runs"), new { });
        Assert.Equal(HttpStatusCode.Created, run.StatusCode);
        var runId = (await run.Content.ReadFromJsonAsync<RunMatching.Summary>(Json.Options))!.RunId;

        var html = await (await manager.GetAsync($"/Matching/Board?cohortId={_cohort}")).Html();
        var boardJson = await manager.GetStringAsync(Url("/matching"));
        var board = (await manager.GetFromJsonAsync<MatchingBoard.Board>(Url("/matching"), Json.Options))!;
        var detail = (await manager.GetFromJsonAsync<MatchRunDetail.Run>(Url($"/matching/runs/{runId}"), Json.Options))!;

        Assert.Contains(board.Fairness, g => g.Dimension == "Department"); // the summary is there, without generation
        Assert.DoesNotContain(board.Fairness, g => g.Dimension == "Generation");
        Assert.DoesNotContain(detail.Detail.Fairness, g => g.Dimension == "Generation");
        foreach (var text in new[] { html, boardJson })
        {
            Assert.DoesNotContain("Baby Boomers", text);
            Assert.DoesNotContain("Gen Z (", text);
            Assert.DoesNotContain("Millennials", text);
            Assert.DoesNotContain("\"generation\"", text, StringComparison.OrdinalIgnoreCase);
        }
        Assert.All(board.Pairs, p => Assert.DoesNotContain(p.Reasons, r => r.Contains("generation", StringComparison.OrdinalIgnoreCase)));
        // The administrator's view of the same run does hold them: what the manager misses is hidden, not absent.
        Assert.Contains((await Admin.GetFromJsonAsync<MatchRunDetail.Run>(Url($"/matching/runs/{runId}"), Json.Options))!.Detail.Fairness,
            g => g.Dimension == "Generation");
    }

    [Fact]
    public async Task Run_WithBirthYearsKnown_ScoresAsIfGenerationWereUnknown_UnlessARunWeighsIt()
    {
        var manager = await AManagersCohortWithBirthYears();
        var request = await App.Query(async db => (await CohortMatchRequest.Handle(_cohort, Viewer.System(db, "test"), db, CancellationToken.None))!.Request);
        Assert.All(request.Mentees.Concat(request.Mentors), p => Assert.NotNull(p.Generation));
        var blind = request with
        {
            Mentees = [.. request.Mentees.Select(p => p with { Generation = null })],
            Mentors = [.. request.Mentors.Select(p => p with { Generation = null })],
        };
        var weighed = request with { Rules = request.Rules with { Weights = request.Rules.Weights with { GenerationGap = 1 } } };

        var run = await manager.PostAsJsonAsync(Url("/matching/runs"), new { });
        var summary = (await run.Content.ReadFromJsonAsync<RunMatching.Summary>(Json.Options))!;

        Assert.Equal(0, request.Rules.Weights.GenerationGap);
        Assert.Equal(Matcher.Match(blind).TotalScore, summary.Total);
        Assert.NotEqual(Matcher.Match(weighed).TotalScore, summary.Total); // so the equality above could have failed
    }
}
