using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Goals;
using Flipside.Tests.Agreements;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Goals;

/// <summary>Both sides' goals, with milestones and progress: the text for the pair, counts and percentages for program staff.</summary>
public sealed class GoalTests(FlipsideFactory app) : AdministeredTests(app)
{
    private const string SecretGoal = "Stop dreading the quarterly all-hands video";

    private static string Url(Guid pairingId, string rest = "") => $"/api/v1/pairings/{pairingId}/goals{rest}";

    private static async Task<Guid> Created(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<GoalsApi.Created>(Json.Options))!.Id;
    }

    private static void WithObjectives(MentoringProgram p) => p.Objectives.Add(new Objective { Title = "Leaders use the collaboration tool weekly", Position = 1 });

    private async Task<Guid> ObjectiveOf(Guid programId) => await App.Query(db => db.Objectives.Where(o => o.ProgramId == programId).Select(o => o.Id).FirstAsync());

    [Fact]
    public async Task BothSides_SetGoals_WithMilestonesAndProgress_AndStaffSeeOnlyCounts()
    {
        var cohort = await Paired.Cohort(App, Admin, 1, WithObjectives);
        var (mentor, leader) = (await Paired.As(App, Admin, cohort.Pairs[0].Mentor), await Paired.As(App, Admin, cohort.Pairs[0].Leader));
        var id = cohort.Pairs[0].PairingId;
        var objective = await ObjectiveOf(cohort.ProgramId);

        var goal = await Created(await leader.PostAsJsonAsync(Url(id), new { title = SecretGoal, description = "Record one short video a month.", objectiveId = objective }));
        var first = await Created(await leader.PostAsJsonAsync(Url(id, $"/{goal}/milestones"), new { title = "Record a first test video" }));
        await Created(await leader.PostAsJsonAsync(Url(id, $"/{goal}/milestones"), new { title = "Post it to the team channel" }));
        Assert.Equal(HttpStatusCode.NoContent, (await leader.PutAsJsonAsync(Url(id, $"/{goal}/milestones/{first}"), new { done = true })).StatusCode);
        await Created(await mentor.PostAsJsonAsync(Url(id), new { title = "Lead a meeting with a director" }));
        await Created(await mentor.PostAsJsonAsync(Url(id, $"/{goal}/progress"), new { text = "The first video is recorded." }));
        var view = (await mentor.GetFromJsonAsync<PairGoals.View>(Url(id), Json.Options))!;
        var summary = await Admin.GetAsync($"/api/v1/cohorts/{cohort.CohortId}/goals");
        var row = Assert.Single((await summary.Content.ReadFromJsonAsync<List<GoalSummary.Row>>(Json.Options))!);

        var leaders = view.Goals.Single(g => g.Owner == ParticipantRole.Mentee);
        Assert.Equal((SecretGoal, 50, objective, false), (leaders.Title, leaders.Percent, leaders.ObjectiveId, leaders.Mine));
        Assert.Equal("Leaders use the collaboration tool weekly", leaders.ObjectiveTitle);
        Assert.Equal(ParticipantRole.Mentor, Assert.Single(leaders.Progress).By);
        Assert.Contains(view.Goals, g => g.Owner == ParticipantRole.Mentor && g.Mine);
        Assert.Equal((1, 1, 2, 1, 50, 1), (row.MentorGoals, row.MenteeGoals, row.Milestones, row.MilestonesDone, row.Percent, row.ProgressUpdates));
        var json = await summary.Content.ReadAsStringAsync();
        Assert.DoesNotContain("all-hands", json, StringComparison.Ordinal);
        Assert.DoesNotContain("first video", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGoal_LinkedToAnotherProgramsObjective_Is400()
    {
        var cohort = await Paired.Cohort(App, Admin, 1, WithObjectives);
        var (otherProgram, _) = await Seed.AProgram(App, Given.AdminEmail, WithObjectives);
        var leader = await Paired.As(App, Admin, cohort.Pairs[0].Leader);

        var response = await leader.PostAsJsonAsync(Url(cohort.Pairs[0].PairingId), new { title = "Learn short video", objectiveId = await ObjectiveOf(otherProgram) });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("objectiveId", await response.Content.ReadAsStringAsync());
        Assert.Equal(0, await App.Query(db => db.Goals.CountAsync()));
    }

    [Fact]
    public async Task Goals_AreNotFound_ForAnotherPairingsParticipant_AndForStaffAndSponsors()
    {
        var cohort = await Paired.Cohort(App, Admin, 2);
        var leader = await Paired.As(App, Admin, cohort.Pairs[0].Leader);
        var id = cohort.Pairs[0].PairingId;
        var goal = await Created(await leader.PostAsJsonAsync(Url(id), new { title = SecretGoal }));
        var other = await Paired.As(App, Admin, cohort.Pairs[1].Mentor);
        var sponsor = await Given.AnAccount(App, Admin, "sponsor@example.com", Roles.Sponsor);
        await Admin.PostAsJsonAsync($"/api/v1/programs/{cohort.ProgramId}/sponsors", new { email = "sponsor@example.com" });

        foreach (var client in new[] { other, Admin, sponsor })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(Url(id))).StatusCode);
            Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync(Url(id, $"/{goal}/progress"), new { text = "Peeking." })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Url(cohort.Pairs[0].PairingId))).StatusCode);
    }

    [Fact]
    public async Task OnlyTheOwner_ChangesAGoal_AndOversizeTextIs400()
    {
        var cohort = await Paired.Cohort(App, Admin, 1);
        var (mentor, leader) = (await Paired.As(App, Admin, cohort.Pairs[0].Mentor), await Paired.As(App, Admin, cohort.Pairs[0].Leader));
        var id = cohort.Pairs[0].PairingId;
        var goal = await Created(await leader.PostAsJsonAsync(Url(id), new { title = "Learn short video" }));

        var byPartner = await mentor.PutAsJsonAsync(Url(id, $"/{goal}"), new { title = "Something else", version = 0 });
        var oversize = await leader.PostAsJsonAsync(Url(id), new { title = new string('x', Goal.TitleMaxLength + 1) });
        var longUpdate = await mentor.PostAsJsonAsync(Url(id, $"/{goal}/progress"), new { text = new string('x', Goal.TextMaxLength + 1) });
        var edit = await leader.PutAsJsonAsync(Url(id, $"/{goal}"), new { title = "Learn short video, properly", version = 0 });
        var staleEdit = await leader.PutAsJsonAsync(Url(id, $"/{goal}"), new { title = "Lost update", version = 0 });

        Assert.Equal(HttpStatusCode.Forbidden, byPartner.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, oversize.StatusCode);
        Assert.Contains($"{Goal.TitleMaxLength} characters", await oversize.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, longUpdate.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, edit.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, staleEdit.StatusCode);
    }
}
