using System.Text.Json;
using Flipside.Domain;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Matching;

/// <summary><c>flipside match</c> as a process, against the database a test app seeded.</summary>
public sealed class MatchCommandTests(FlipsideFactory app) : AdministeredTests(app)
{
    // The test app's data folder holds its key file, which the database's keys are encrypted with.
    private Task<FlipsideProcess.Outcome> Cli(params string[] args) => FlipsideProcess.Run([.. args, "--data", App.Database.DataDirectory], new Dictionary<string, string>
    {
        ["Database__Provider"] = App.Database.Provider,
        ["ConnectionStrings__Flipside"] = App.Database.ConnectionString,
    }, TimeSpan.FromSeconds(120));

    [Fact]
    public async Task Json_PrintsPairsUnmatchedTotalAndProof_AndSavesTheRun()
    {
        var cohort = (await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Matching)).CohortId;
        await Enrolled.Cohort(App, cohort, leaders: 3, mentors: 2);

        var run = await Cli("match", "--cohort", cohort.ToString(), "--objective", "score", "--json");

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        var json = JsonDocument.Parse(run.Out).RootElement;
        var pairs = json.GetProperty("pairs").EnumerateArray().ToList();
        Assert.Equal(2, pairs.Count);
        Assert.All(pairs, p => Assert.StartsWith("M", p.GetProperty("mentorEmployeeId").GetString()));
        Assert.All(pairs, p => Assert.StartsWith("L", p.GetProperty("menteeEmployeeId").GetString()));
        var unmatched = Assert.Single(json.GetProperty("unmatched").EnumerateArray());
        Assert.NotEmpty(unmatched.GetProperty("reasons").EnumerateArray());
        Assert.True(json.GetProperty("provenOptimal").GetBoolean());
        Assert.Equal(pairs.Sum(p => p.GetProperty("score").GetInt64()), json.GetProperty("total").GetInt64());
        Assert.Equal(MatchObjective.HighestScore, await App.Query(db => db.MatchRuns.Select(r => r.Objective).SingleAsync()));
    }

    [Fact]
    public async Task Publish_ApprovesAndPublishes_AndTheIntroductionsAreInTheOutbox()
    {
        var cohort = (await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Matching)).CohortId;
        await Enrolled.Cohort(App, cohort, leaders: 2, mentors: 2);

        var run = await Cli("match", "--cohort", cohort.ToString(), "--publish");

        Assert.True(run.ExitCode == 0, run.Error + run.Out);
        Assert.Contains("Pairs proposed", run.Out);
        Assert.Equal(2, await App.Query(db => db.Pairings.CountAsync(p => p.Status == PairingStatus.Active)));
        Assert.Equal(4, await App.Query(db => db.Outbox.CountAsync(m => m.Kind == "pairing-introduction")));
    }

    [Fact]
    public async Task BadInput_SaysWhatIsWrong_AndExitsNonZero()
    {
        var noCohort = await Cli("match");
        var badObjective = await Cli("match", "--cohort", Guid.NewGuid().ToString(), "--objective", "fastest");
        var unknown = await Cli("match", "--cohort", Guid.NewGuid().ToString());

        Assert.Equal(2, noCohort.ExitCode);
        Assert.Contains("--cohort", noCohort.Error);
        Assert.Equal(2, badObjective.ExitCode);
        Assert.Contains("pairs or score", badObjective.Error);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no such record", unknown.Error);
    }

    [Fact]
    public async Task Help_DocumentsTheOptions()
    {
        var help = await Cli("match", "--help");

        Assert.Equal(0, help.ExitCode);
        foreach (var option in new[] { "--cohort", "--objective", "--preset", "--publish", "--json" })
            Assert.Contains(option, help.Out);
    }
}
