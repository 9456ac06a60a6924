using System.Net;
using Flipside.Tests.Agreements;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Goals;

/// <summary>The goals page: a partner sets a goal with a milestone and marks it done; another pairing's participant finds nothing.</summary>
public sealed class GoalPagesTests(FlipsideFactory app) : AdministeredTests(app)
{
    [Fact]
    public async Task ALeader_SetsAGoal_AddsAMilestone_AndMarksItDone_OnThePage()
    {
        var cohort = await Paired.Cohort(App, Admin, 2);
        var pair = cohort.Pairs[0];
        var page = $"/Goals/Pairing?pairingId={pair.PairingId}";
        var leader = await Paired.As(App, Admin, pair.Leader);

        var added = await leader.Submit(page, new Dictionary<string, string> { ["title"] = "Use the team chat daily" }, page + "&handler=Add");
        var goal = await App.Query(db => db.Goals.Select(g => g.Id).SingleAsync());
        await leader.Submit(page, new Dictionary<string, string> { ["goalId"] = goal.ToString(), ["title"] = "Join three channels" }, page + "&handler=Milestone");
        var milestone = await App.Query(db => db.Milestones.Select(m => m.Id).SingleAsync());
        await leader.Submit(page, new Dictionary<string, string> { ["goalId"] = goal.ToString(), ["milestoneId"] = milestone.ToString(), ["done"] = "true" }, page + "&handler=Mark");
        var empty = await leader.Submit(page, new Dictionary<string, string> { ["title"] = " " }, page + "&handler=Add");
        var html = await (await leader.GetAsync(page)).Html();
        var outsider = await Paired.As(App, Admin, cohort.Pairs[1].Mentor);

        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);
        Assert.Contains("Use the team chat daily", html);
        Assert.Contains("1 of 1 milestone done (100%)", html);
        Assert.Contains("Give the goal a title", await empty.Html());
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(page)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await Admin.GetAsync(page)).StatusCode);
    }
}
