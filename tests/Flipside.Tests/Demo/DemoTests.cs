using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Infrastructure.Demo;
using Flipside.Infrastructure.Startup;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Flipside.Tests.Demo;

public sealed class DemoTests : IDisposable
{
    private readonly FlipsideFactory _app = new FlipsideFactory().With("Demo:Enabled", "true");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Demo_LoadsAnOrganisation_OnceOnly()
    {
        _ = _app.Services; // builds the app, which loads the demo
        await DatabaseStartup.PrepareAsync(_app.Services); // a second start must not load it again

        var people = await _app.Query(db => db.People.AsNoTracking().ToListAsync());
        Assert.Equal(300, people.Count);
        Assert.Equal(DemoLoader.Accounts.Count, await _app.Query(db => db.Users.CountAsync()));
        Assert.Equal(Enumerable.Range(1, 10), people.Select(p => p.Grade).Distinct().Order());
        Assert.Equal(["Americas", "Asia-Pacific", "Europe"], people.Select(p => Region(p.TimeZone)).Distinct().Order());
        Assert.InRange(Depth(people), 5, 6);
        Assert.True(people.Min(p => p.BirthYear) < 1965 && people.Max(p => p.BirthYear) > 1997, "the demo spans Baby Boomers to Gen Z");
    }

    [Fact]
    public async Task Demo_HasAPilotMatchedAndPublished_AWaveReadyToMatch_AndASecondProgramEnrolling()
    {
        var manager = await Given.SignedIn(_app, "manager@flipside.demo", DemoLoader.DefaultPassword);
        var cohorts = await _app.Query(db => db.Cohorts.Include(c => c.Program).ToListAsync());
        var pilot = cohorts.Single(c => c.Program.Name == "Digital fluency for leaders" && c.Name == "Pilot");
        var wave2 = cohorts.Single(c => c.Program.Name == "Digital fluency for leaders" && c.Name == "Wave 2");
        var genZ = cohorts.Single(c => c.Program.Name == "Gen Z values and expectations");

        Assert.Equal(CohortStatus.Active, pilot.Status);
        var board = await manager.GetFromJsonAsync<Flipside.Features.Matching.MatchingBoard.Board>($"/api/v1/cohorts/{pilot.Id}/matching", Json.Options);
        // Every pair the run proposed is published; whoever it could not pair is on the board with the engine's reasons.
        Assert.Equal(board!.Latest!.Pairs, board.Pairs.Count(p => p.Status == PairingStatus.Active));
        Assert.InRange(board.Latest.Pairs, DemoPrograms.PilotPairs - 2, DemoPrograms.PilotPairs);
        Assert.All(board.Unmatched, u => Assert.NotEmpty(u.Reasons));
        Assert.Equal(CohortStatus.Matching, wave2.Status);
        var roster = await manager.GetFromJsonAsync<Flipside.Features.Enrollment.EnrollmentApi.Roster>($"/api/v1/cohorts/{wave2.Id}/enrollments", Json.Options);
        Assert.True(roster!.Readiness.ReadyToMatch);
        Assert.InRange(roster.Readiness.Mentees, 4, DemoPrograms.Wave2Pairs); // as many senior leaders as the pilot left
        Assert.Equal(CohortStatus.Enrolling, genZ.Status);
        Assert.True(genZ.OpenForApplications);
        var mentor = await Given.SignedIn(_app, "mentor@flipside.demo", DemoLoader.DefaultPassword);
        var mine = await (await mentor.GetAsync("/Enrollment/Mine")).Html();
        Assert.Contains("Digital fluency for leaders", mine);
        Assert.Contains("Why you were matched", mine);
        var sponsor = await Given.SignedIn(_app, "sponsor@flipside.demo", DemoLoader.DefaultPassword);
        var home = await (await sponsor.GetAsync("/")).Html();
        Assert.Contains("Digital fluency for leaders", home);
        Assert.Matches(@"1\d mentors and 1\d leaders enrolled", home); // the pilot and the second wave
    }

    [Fact]
    public async Task Demo_IsBuiltThroughTheManagersUseCases_InvitationsAndAllPassingTheirChecks()
    {
        _ = _app.Services;
        var enrolments = await _app.Query(db => db.Enrollments.Include(e => e.Person).Include(e => e.Cohort).ThenInclude(c => c.Program).ToListAsync());
        var invitations = await _app.Query(db => db.Outbox.Select(m => m.To).ToListAsync());

        // Only InviteToCohort writes the invitation email: an enrolment added behind its back would have none.
        Assert.All(enrolments, e => Assert.Contains(e.Person.Email, invitations));
        var programs = await _app.Query(db => db.Programs.Include(p => p.Objectives).ThenInclude(o => o.Measures).ToListAsync());
        Assert.Equal(2, programs.Count);
        Assert.All(programs, p => Assert.Empty(Flipside.Features.Programs.ProgramInput.From(p).Normalise()));
        Assert.All(enrolments, e => Assert.Empty(Eligibility.Problems(e.Person, e.Role, e.Cohort.Program,
            [.. enrolments.Where(o => o.CohortId == e.CohortId && o.Role != e.Role).Select(o => o.Person)], DateOnly.FromDateTime(FlipsideFactory.Start.UtcDateTime))));
    }

    [Theory]
    [InlineData("admin@flipside.demo", "Administration")]
    [InlineData("manager@flipside.demo", "Your programs")]
    [InlineData("sponsor@flipside.demo", "Programs you sponsor")]
    [InlineData("mentor@flipside.demo", "Maya Mentor")]
    public async Task EachDemoAccount_SignsIn_ToItsHome(string email, string expected)
    {
        var client = await Given.SignedIn(_app, email, DemoLoader.DefaultPassword);

        Assert.Contains(expected, await (await client.GetAsync("/")).Html());
    }

    [Fact]
    public async Task Demo_StartedAgainWithAnotherPassword_TakesIt_SoTheBannerTellsTheTruth()
    {
        _ = _app.Services;
        await using (var scope = _app.Services.CreateAsyncScope())
            await DemoLoader.LoadOnceAsync(scope.ServiceProvider, "another demo password", CancellationToken.None);

        await Given.SignedIn(_app, "leader@flipside.demo", "another demo password");
    }

    [Fact]
    public async Task Demo_IsRefused_OnADatabaseSomeoneAlreadyUses()
    {
        using var inUse = new FlipsideFactory();
        await Given.AnAdministrator(inUse);
        await using var scope = inUse.Services.CreateAsyncScope();

        var refused = await Assert.ThrowsAsync<StartupException>(() => DemoLoader.LoadOnceAsync(scope.ServiceProvider, DemoLoader.DefaultPassword, CancellationToken.None));

        Assert.Contains("--demo needs an empty database", refused.Message);
        Assert.Equal(1, await inUse.Query(db => db.Users.CountAsync()));
        Assert.Equal(0, await inUse.Query(db => db.People.CountAsync()));
    }

    [Fact]
    public void Demo_IsTheSameEveryTime()
    {
        var today = new DateOnly(2026, 11, 23);
        var a = DemoOrganisation.Generate(today);
        var b = DemoOrganisation.Generate(today);

        Assert.Equal(a.Select(p => (p.EmployeeId, p.Name, p.Grade, p.ManagerEmployeeId)), b.Select(p => (p.EmployeeId, p.Name, p.Grade, p.ManagerEmployeeId)));
    }

    private static string Region(string timeZone) => timeZone.Split('/')[0] switch
    {
        "Europe" => "Europe",
        "America" => "Americas",
        _ => "Asia-Pacific",
    };

    private static int Depth(IReadOnlyList<Person> people)
    {
        var byId = people.ToDictionary(p => p.EmployeeId);
        return people.Max(p =>
        {
            var depth = 1;
            for (var m = p.ManagerEmployeeId; m is not null; m = byId[m].ManagerEmployeeId) depth++;
            return depth;
        });
    }
}
