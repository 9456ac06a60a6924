using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Agreements;
using Flipside.Features.Insights;
using Flipside.Features.Sessions;
using Flipside.Infrastructure.Demo;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Demo;

/// <summary>The pilot's four months of history, as its manager sees it: counts and dates, never what the pairs wrote.</summary>
public sealed class DemoPilotTests : IDisposable
{
    private readonly FlipsideFactory _app = new FlipsideFactory().With("Demo:Enabled", "true");

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task Pilot_HasSignedAgreements_FourMonthsOfMeetings_ASlippingPair_AndACancellingLeader()
    {
        var manager = await Given.SignedIn(_app, "manager@flipside.demo", DemoLoader.DefaultPassword);
        var pilot = await _app.Query(db => db.Cohorts.SingleAsync(c => c.Program.Name == "Digital fluency for leaders" && c.Name == "Pilot"));
        var now = FlipsideFactory.Start;

        var agreements = await manager.GetFromJsonAsync<List<AgreementStatus.Row>>($"/api/v1/cohorts/{pilot.Id}/agreements", Json.Options);
        Assert.NotEmpty(agreements!);
        Assert.All(agreements!, a => Assert.True(a.SignedByBothAt is not null && a.MentorAcknowledgedGuidelines && a.MenteeAcknowledgedGuidelines, a.MenteeName));

        var meetings = (await manager.GetFromJsonAsync<CohortMeetings.View>($"/api/v1/cohorts/{pilot.Id}/meetings", Json.Options))!.Pairings;
        Assert.All(meetings, m => Assert.InRange(m.PublishedAt!.Value, now.AddMonths(-5), now.AddMonths(-4)));
        var healthy = meetings.Where(m => m.Held >= DemoPilot.Rounds).ToList();
        Assert.True(healthy.Count >= meetings.Count - 2, "all but two pairs met at every round");
        Assert.All(healthy, m => Assert.True(m.LastHeld > now.AddDays(-30) && m.Upcoming == 1 && m.LeaderItemsDone > 0 && m.LeaderItemsDone < m.LeaderItemsTaken));
        var leoAndMaya = Assert.Single(meetings, m => m.MenteeName == "Leo Leader");
        Assert.Contains(leoAndMaya, healthy);

        var slipping = Assert.Single(meetings, m => m.Upcoming == 0);
        Assert.InRange(slipping.LastHeld!.Value, now.AddDays(-70), now.AddDays(-50));
        var cancelling = Assert.Single(meetings, m => m.CancelledByMentee >= 3);
        Assert.True(cancelling.LateCancellationsByMentee >= 2 && cancelling.CancelledByMentor == 0);
        Assert.InRange(cancelling.Held, 1, DemoPilot.Rounds - 3);

        // The pairs wrote notes, sealed; their manager cannot read them through the notes API.
        var notes = await _app.Query(db => db.Notes.Select(n => new { n.PairingId, n.Visibility }).ToListAsync());
        Assert.Contains(notes, n => n.Visibility == NoteVisibility.Private);
        Assert.Contains(notes, n => n.Visibility == NoteVisibility.Shared);
        Assert.Contains(notes, n => n.PairingId == leoAndMaya.PairingId);
        Assert.True(await _app.Query(db => db.Messages.AnyAsync(m => m.PairingId == leoAndMaya.PairingId)));
        foreach (var pairing in notes.Select(n => n.PairingId).Distinct())
            Assert.Equal(HttpStatusCode.NotFound, (await manager.GetAsync($"/api/v1/pairings/{pairing}/notes")).StatusCode);
        var leader = await Given.SignedIn(_app, "leader@flipside.demo", DemoLoader.DefaultPassword);
        Assert.Contains(DemoPilotScript.SharedNote, await leader.GetStringAsync($"/api/v1/pairings/{leoAndMaya.PairingId}/notes"));

        var goals = await _app.Query(db => db.Goals.Where(g => g.PairingId == leoAndMaya.PairingId).Include(g => g.Milestones).ToListAsync());
        Assert.Equal([ParticipantRole.Mentor, ParticipantRole.Mentee], goals.Select(g => g.Owner).Order());
        Assert.All(goals, g => Assert.Contains(g.Milestones, m => m.DoneAt is not null));

        // Every pair still meeting raised an insight; the sponsor reads them without authors, four with responses.
        var sponsor = await Given.SignedIn(_app, "sponsor@flipside.demo", DemoLoader.DefaultPassword);
        var insights = (await sponsor.GetFromJsonAsync<LeadershipInsights.View>($"/api/v1/programs/{pilot.ProgramId}/insights", Json.Options))!;
        Assert.Null(insights.HiddenBecause);
        Assert.Equal(meetings.Count - 1, insights.Insights.Count);
        Assert.Equal(DemoPilotScript.InsightResponses.Length, insights.Insights.Count(i => i.Response is not null));
        var genZ = await _app.Query(db => db.Programs.Where(p => p.Name != "Digital fluency for leaders").Select(p => p.Id).FirstAsync());
        var none = (await manager.GetFromJsonAsync<LeadershipInsights.View>($"/api/v1/programs/{genZ}/insights", Json.Options))!;
        Assert.Empty(none.Insights);
        Assert.NotNull(none.HiddenBecause);
        // The baseline answered by most, reportable for the leaders; pulses after held meetings; one safety flag, the cancelling pair's.
        var baseline = (await manager.GetFromJsonAsync<Features.Surveys.CohortSurveys.View>($"/api/v1/cohorts/{pilot.Id}/surveys", Json.Options))!.Surveys
            .Single(s => s.Kind == SurveyKind.Baseline);
        Assert.All(baseline.Rates, r => Assert.InRange(r.Answered, r.Eligible - 3, r.Eligible - 1));
        var results = (await manager.GetFromJsonAsync<Features.Surveys.SurveyResults.View>($"/api/v1/surveys/{baseline.SurveyId}/results", Json.Options))!;
        Assert.Contains(results.Figures, f => f.Scale == "Psychological safety" && f.Mean is not null);
        Assert.True(await _app.Query(db => db.PulseAnswers.CountAsync()) >= 2 * healthy.Count * DemoPilot.Rounds);
        var flag = Assert.Single((await manager.GetFromJsonAsync<List<Features.Surveys.PairFlags.Row>>($"/api/v1/programs/{pilot.ProgramId}/flags", Json.Options))!);
        Assert.Equal((PairFlagKind.SafetyConcern, cancelling.PairingId), (flag.Kind, flag.PairingId));

        // The final, opened early, lets the sponsor see a real change with its interval and the then-test.
        var impact = (await sponsor.GetFromJsonAsync<Features.Impact.ImpactView>($"/api/v1/programs/{pilot.ProgramId}/impact", Json.Options))!;
        var safety = impact.Learning.Single(l => l.Scale == "Psychological safety");
        Assert.Null(safety.NotReportable);
        Assert.True(safety.Change!.Low < safety.Change.Mean && safety.Change.Mean < safety.Change.High && safety.Change.Mean > 0);
        Assert.NotNull(safety.ResponseShift);
        Assert.NotNull(impact.Reaction.Recommend.Score);
    }
}
