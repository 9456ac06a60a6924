using Flipside.Domain;
using Flipside.Tests.Support;

namespace Flipside.Tests.Enrollment;

/// <summary>The cohort page says where the cohort stands among the seven steps, and links to the manager's next action.</summary>
public sealed class CohortStandsTests(FlipsideFactory app) : AdministeredTests(app)
{
    [Fact]
    public async Task ACohortReadyToMatch_LeadsToTheMatchingBoard()
    {
        var (_, cohort) = await Seed.AProgram(App, Given.AdminEmail, null, CohortStatus.Matching);

        var html = await (await Admin.GetAsync($"/Enrollment/Roster?cohortId={cohort}")).Html();

        Assert.Contains("Where the cohort stands", html);
        Assert.Contains("Step 4 of 7, matching", html);
        Assert.Contains($"href=\"/Matching/Board?cohortId={cohort}\">Open the matching board</a>", html);
    }

    [Fact]
    public async Task AnEnrollingCohort_LeadsToWhereItMovesOn()
    {
        var (program, cohort) = await Seed.AProgram(App, Given.AdminEmail);

        var html = await (await Admin.GetAsync($"/Enrollment/Roster?cohortId={cohort}")).Html();

        Assert.Contains("Step 2 of 7, participants", html);
        Assert.Contains($"href=\"/Programs/Program?id={program}\">Move the cohort on from the program's page</a>", html);
        Assert.DoesNotContain("Open the matching board", html);
    }
}
