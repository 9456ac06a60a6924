using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Celebration;
using Flipside.Infrastructure.Demo;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Celebration;

/// <summary>The demo's pilot has kudos, milestones with their real dates, and one success story on the showcase.</summary>
public sealed class DemoCelebrationTests : IDisposable
{
    private readonly FlipsideFactory _app = new FlipsideFactory().With("Demo:Enabled", "true");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task ThePilot_HasKudosMilestonesAndAPublishedStory()
    {
        var leader = await Given.SignedIn(_app, "leader@flipside.demo", DemoLoader.DefaultPassword);
        var (pairingId, programId) = await _app.Query(db => db.Pairings.Where(p => p.MenteeEnrollment.Person.Email == "leader@flipside.demo" && p.Status == PairingStatus.Active)
            .Select(p => new ValueTuple<Guid, Guid>(p.Id, p.Cohort.ProgramId)).SingleAsync());

        var kudos = (await leader.GetFromJsonAsync<List<SendKudos.Item>>($"/api/v1/pairings/{pairingId}/kudos", Json.Options))!;
        Assert.Equal(2, kudos.Count);
        var milestones = (await leader.GetFromJsonAsync<List<PairRecognition.Milestone>>($"/api/v1/pairings/{pairingId}/milestones", Json.Options))!;
        Assert.Contains(milestones, m => m.Kind == MilestoneKind.ThreeMeetings);
        var first = Assert.Single(milestones, m => m.Kind == MilestoneKind.FirstMeeting);
        Assert.True(first.ReachedAt < FlipsideFactory.Start.AddMonths(-2), "the first meeting's milestone carries its own date, months ago");

        var sponsor = await Given.SignedIn(_app, "sponsor@flipside.demo", DemoLoader.DefaultPassword);
        var showcase = (await sponsor.GetFromJsonAsync<Showcase.View>($"/api/v1/programs/{programId}/showcase", Json.Options))!;
        Assert.Equal(DemoCelebration.StoryTitle, Assert.Single(showcase.Stories).Title);
        Assert.True(showcase.Recognition!.Kudos >= 2);
    }
}
