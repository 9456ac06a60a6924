using System.Text.RegularExpressions;
using Flipside.Domain;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Enrollment;

/// <summary>The roster and the program's cohort table say what is true of the cohort where it stands, in words that agree with their numbers.</summary>
public sealed partial class RosterTests(FlipsideFactory app) : IClassFixture<FlipsideFactory>, IAsyncLifetime
{
    private readonly FlipsideFactory _app = app;
    private HttpClient _manager = null!;

    public async Task InitializeAsync()
    {
        await _app.ResetAsync();
        var admin = await Given.AnAdministrator(_app);
        _manager = await Given.AnAccount(_app, admin, "pam@example.com", Roles.ProgramManager);
    }

    public Task DisposeAsync() => Task.CompletedTask;

    /// <summary>Two leaders and two mentors enrolled; L1 and M1 paired, published when <paramref name="publish"/>.</summary>
    private async Task<(Guid ProgramId, Guid CohortId)> ACohortWithOnePair(CohortStatus status, bool publish)
    {
        var (programId, cohortId) = await Seed.AProgram(_app, "pam@example.com", status: status);
        await Enrolled.Cohort(_app, cohortId, leaders: 2, mentors: 2);
        await _app.Query(async db =>
        {
            var ids = await db.Enrollments.Where(e => e.CohortId == cohortId).Select(e => new { e.Id, e.Person.EmployeeId }).ToListAsync();
            var pairing = Pairing.ByPerson(cohortId, ids.Single(i => i.EmployeeId == "M1").Id, ids.Single(i => i.EmployeeId == "L1").Id, 10,
                new([], [], []), "pam", FlipsideFactory.Start);
            if (publish) pairing.Publish(FlipsideFactory.Start);
            db.Pairings.Add(pairing);
            return await db.SaveChangesAsync();
        });
        return (programId, cohortId);
    }

    [Theory]
    [InlineData(CohortStatus.Enrolling)]
    [InlineData(CohortStatus.Matching)]
    public async Task UpToMatching_TheRosterAsksWhetherTheCohortIsReadyToMatch(CohortStatus status)
    {
        var (_, cohortId) = await ACohortWithOnePair(status, publish: false); // approved, not yet published

        var html = await (await _manager.GetAsync($"/Enrollment/Roster?cohortId={cohortId}")).Html();

        Assert.Contains("<h2 id=\"ready-heading\" class=\"h4\">Ready to match?</h2>", html);
        Assert.DoesNotContain("running in this cohort", html);
    }

    [Theory]
    [InlineData(CohortStatus.Matching)]
    [InlineData(CohortStatus.Active)]
    [InlineData(CohortStatus.Closed)]
    public async Task OncePairsArePublished_OrPastMatching_TheRosterSaysHowManyPairsRun_NotReadyToMatch(CohortStatus status)
    {
        var (_, cohortId) = await ACohortWithOnePair(status, publish: true);

        var html = await (await _manager.GetAsync($"/Enrollment/Roster?cohortId={cohortId}")).Html();

        Assert.DoesNotContain("Ready to match", html);
        Assert.Contains("<h2 id=\"ready-heading\" class=\"h4\">Pairs</h2>", html);
        Assert.Contains("1 pair running in this cohort.", Text(html));
        Assert.Contains("2 enrolled people are not in a running pair.", Text(html));
        Assert.Contains($"/Matching/Board?cohortId={cohortId}", html);
        Assert.DoesNotContain("Remind the", html);
    }

    [Fact]
    public async Task TheCohortTable_PairsColumn_CountsRunningPairs_NotCapacityOrProposals()
    {
        var (programId, cohortId) = await ACohortWithOnePair(CohortStatus.Active, publish: true);
        await _app.Query(async db =>
        {
            var ids = await db.Enrollments.Where(e => e.CohortId == cohortId).Select(e => new { e.Id, e.Person.EmployeeId }).ToListAsync();
            // Approved but not published: not running, so not counted.
            db.Pairings.Add(Pairing.ByPerson(cohortId, ids.Single(i => i.EmployeeId == "M2").Id, ids.Single(i => i.EmployeeId == "L2").Id, 10, new([], [], []), "pam", FlipsideFactory.Start));
            return await db.SaveChangesAsync();
        });

        var html = await (await _manager.GetAsync($"/Programs/Program?id={programId}")).Html();

        Assert.Contains("<th scope=\"col\">Pairs running</th>", html);
        Assert.Contains("<td>1 <span class=\"small text-body-secondary\">(room for 11 pairs)</span></td>", html);
    }

    [Fact]
    public async Task TheRoster_AgreesInNumber_WithOnePairOfRoom_AndOnePersonToRemind()
    {
        var (_, cohortId) = await Seed.AProgram(_app, "pam@example.com");
        await _app.Query(async db =>
        {
            (await db.Cohorts.SingleAsync()).Capacity = 1;
            return await db.SaveChangesAsync();
        });
        await Enrolled.Enrol(_app, cohortId, Seed.APerson("L1", 9), ParticipantRole.Mentee, "Generative AI", finished: false);

        var text = Text(await (await _manager.GetAsync($"/Enrollment/Roster?cohortId={cohortId}")).Html());

        Assert.Contains("room for 1 pair", text);
        Assert.DoesNotContain("room for 1 pairs", text);
        Assert.Contains("Remind the 1 person who has not finished", text);
        Assert.DoesNotContain("(s)", text);
    }

    private static string Text(string html) => Spaces().Replace(Tags().Replace(html, " "), " ");

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
