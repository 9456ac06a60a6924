using System.Net;
using System.Net.Http.Json;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Matching;
using Flipside.Features.Shared;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Matching;

/// <summary>
/// The compiled cohort is kept between previews (CompiledCohorts); these hold a preview after each kind of change to what
/// feeds it to the answer computed without the cache, and to a different answer than before, so a stale copy fails them.
/// </summary>
public sealed class CompiledCohortTests(FlipsideFactory app) : AdministeredTests(app)
{
    private Guid _cohort;
    private List<Person> _leaders = [], _mentors = [];

    // By default two leaders whose goals no mentor teaches yet, and two mentors: every pair is possible and scores low.
    private async Task ACohort(int leaders = 2, int mentors = 2)
    {
        _cohort = (await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Matching)).CohortId;
        (_leaders, _mentors) = await Enrolled.Cohort(App, _cohort, leaders, mentors);
    }

    private string Url(string rest) => $"/api/v1/cohorts/{_cohort}{rest}";

    private async Task<PreviewMatching.Preview> Preview()
    {
        var response = await Admin.PostAsJsonAsync(Url("/matching/preview"), new { });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<PreviewMatching.Preview>(Json.Options))!;
    }

    /// <summary>The same preview computed now, compiling the cohort afresh.</summary>
    private Task<PreviewMatching.Preview> Uncached() => App.Query(async db =>
    {
        var request = new MatchingApi.RunBody(null, null, null, null, null, null, null, null).ToRequest(_cohort).Value;
        var preview = await PreviewMatching.Handle(request, Viewer.System(db, "test"), db, CancellationToken.None, cache: null);
        return preview.Value;
    });

    private async Task AssertReflected(PreviewMatching.Preview before)
    {
        var after = await Preview();
        var expected = await Uncached();
        Assert.Equal((expected.Pairs, expected.Total, expected.Unmatched), (after.Pairs, after.Total, after.Unmatched));
        Assert.NotEqual((before.Pairs, before.Total), (after.Pairs, after.Total));
    }

    private Task Change(Func<FlipsideDb, Task> change) => App.Query(async db =>
    {
        await change(db);
        await db.SaveChangesAsync();
        return 0;
    });

    [Fact]
    public async Task Preview_AfterAProfilesTopicsChange_ReflectsIt()
    {
        await ACohort();
        var before = await Preview();
        var goal = await App.Query(db => db.ProfileTopics.Where(t => t.Kind == TopicKind.LearningGoal).Select(t => t.Name).FirstAsync());

        // Only the topics: the profile's own columns stay as they were, so its version must move for the topics.
        await Change(async db =>
        {
            var profile = await db.Profiles.Include(p => p.Topics).SingleAsync(p => db.Enrollments.Any(e => e.Id == p.EnrollmentId && e.PersonId == _mentors[0].Id));
            profile.Topics.Clear();
            profile.Topics.Add(new ProfileTopic(TopicKind.Skill, goal, 5));
        });

        await AssertReflected(before);
    }

    [Fact]
    public async Task Preview_AfterAPersonsGradeChange_ReflectsIt()
    {
        await ACohort();
        var before = await Preview();

        // A mentor as senior as the leaders is too close in grade to mentor either.
        await Change(async db => (await db.People.SingleAsync(p => p.Id == _mentors[0].Id)).Grade = 9);

        await AssertReflected(before);
    }

    [Fact]
    public async Task Preview_AfterAManagerLinkAboveTheCohortChanges_ReflectsIt()
    {
        await ACohort();
        // Both leaders report to someone outside the cohort, who has no manager yet.
        await Seed.People(App, Seed.APerson("OUT1", 8));
        await Change(async db =>
        {
            foreach (var leader in await db.People.Where(p => p.EmployeeId == _leaders[0].EmployeeId || p.EmployeeId == _leaders[1].EmployeeId).ToListAsync())
                leader.ManagerEmployeeId = "OUT1";
        });
        var before = await Preview();

        // Only the outsider's row changes: the first mentor is now above both leaders in their reporting lines.
        await Change(async db => (await db.People.SingleAsync(p => p.EmployeeId == "OUT1")).ManagerEmployeeId = _mentors[0].EmployeeId);

        await AssertReflected(before);
    }

    [Fact]
    public async Task Preview_AfterAPairIsRejected_ReflectsIt()
    {
        await ACohort(leaders: 1, mentors: 1);
        await Admin.PostAsJsonAsync(Url("/matching/runs"), new { });
        var before = await Preview();
        var board = (await Admin.GetFromJsonAsync<MatchingBoard.Board>(Url("/matching"), Json.Options))!;
        var pair = board.Pairs[0];

        var decided = await Admin.PostAsJsonAsync(Url($"/pairings/{pair.Id}/decision"), new { decision = "reject", version = pair.Version });
        Assert.Equal(HttpStatusCode.NoContent, decided.StatusCode);

        await AssertReflected(before);
    }

    [Fact]
    public async Task Preview_ThenRun_GiveTheSameTotal()
    {
        await ACohort();
        var first = await Preview();
        var second = await Preview();

        var response = await Admin.PostAsJsonAsync(Url("/matching/runs"), new { });
        var run = (await response.Content.ReadFromJsonAsync<RunMatching.Summary>(Json.Options))!;

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        Assert.Equal(first.Total, second.Total);
        Assert.Equal(second.Total, run.Total);
        Assert.Equal(second.Pairs, run.Pairs);
    }
}
