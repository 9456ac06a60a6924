using System.Net;
using System.Net.Http.Json;
using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Sessions;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Sessions;

/// <summary>
/// The counts kept per pairing (<see cref="PairingMeetingCounts"/>) equal a recount of the meetings and action items after
/// every kind of change: random walks through the API with fixed seeds, saves that touch many pairings at once, and the
/// migration's backfill.
/// </summary>
public sealed class MeetingCountsTests(FlipsideFactory app) : AdministeredTests(app)
{
    private async Task KeptEqualRecount(string step)
    {
        var (kept, recount) = await App.Query(async db =>
        {
            var kept = await db.PairingMeetingCounts.AsNoTracking().ToListAsync();
            var recount = await MeetingCounter.Count(db, [.. kept.Select(k => k.PairingId)], CancellationToken.None);
            return (kept, recount);
        });
        Assert.NotEmpty(kept);
        foreach (var k in kept)
            Assert.True(recount[k.PairingId] == new MeetingCounter.Counts(k.Held, k.LastHeldAt, k.CancelledByMentor, k.CancelledByMentee,
                k.LateCancellationsByMentor, k.LateCancellationsByMentee, k.NoShowsByMentor, k.NoShowsByMentee, k.LeaderItemsTaken, k.LeaderItemsDone),
                $"after {step}: kept {k.Held} held, {k.CancelledByMentor}/{k.CancelledByMentee} cancelled, {k.LeaderItemsTaken} items; recount {recount[k.PairingId]}");
    }

    private static readonly string[] Sides = ["Mentor", "Mentee"];

    [Theory]
    [InlineData(11)]
    [InlineData(29)]
    public async Task EveryKindOfChange_ThroughTheApi_KeepsTheCountsEqualToARecount(int seed)
    {
        var random = new Random(seed);
        var first = await APair.Make(App, Admin);
        var second = await APair.Make(App, Admin, suffix: "2", cohortId: first.CohortId, programId: first.ProgramId);
        var pairs = new[] { first, second };
        var items = new List<(APair Pair, Guid Id)>();
        HttpClient Side(APair p) => random.Next(2) == 0 ? p.AsMentor : p.AsMentee;
        async Task<List<Meeting>> MeetingsOf(APair p) =>
            await App.Query(db => db.Meetings.AsNoTracking().Where(m => m.PairingId == p.PairingId).ToListAsync());

        for (var step = 0; step < 120; step++)
        {
            var pair = pairs[random.Next(pairs.Length)];
            var meetings = await MeetingsOf(pair);
            var now = App.Clock.GetUtcNow();
            var action = random.Next(8);
            var name = action switch { 0 or 1 => "propose", 2 => "accept", 3 => "reschedule", 4 => "cancel", 5 => "log", 6 => "action item", _ => "time passes" };
            HttpResponseMessage? response = null;
            var planned = meetings.Where(m => m.IsPlanned && m.StartsAt > now).ToList();
            var started = meetings.Where(m => m.StartsAt <= now && m.Status is MeetingStatus.Accepted or MeetingStatus.Held or MeetingStatus.NotHeld).ToList();
            switch (action)
            {
                case 0 or 1:
                    var at = now.AddDays(random.Next(1, 6)).AddHours(random.Next(0, 8));
                    response = await pair.Propose(Side(pair), at.ToString("yyyy-MM-dd'T'HH:00", System.Globalization.CultureInfo.InvariantCulture));
                    break;
                case 2 when meetings.FirstOrDefault(m => m.Status == MeetingStatus.Proposed && m.StartsAt > now) is { } proposed:
                    response = await (proposed.ProposedBy == ParticipantRole.Mentor ? pair.AsMentee : pair.AsMentor).PostAsync($"/api/v1/meetings/{proposed.Id}/accept", null);
                    break;
                case 3 when planned.Count > 0:
                    var moved = planned[random.Next(planned.Count)];
                    response = await Side(pair).PostAsJsonAsync($"/api/v1/meetings/{moved.Id}/reschedule",
                        new { localStart = moved.StartsAt.AddHours(1).ToString("yyyy-MM-dd'T'HH:mm", System.Globalization.CultureInfo.InvariantCulture) });
                    break;
                case 4 when planned.Count > 0:
                    response = await Side(pair).PostAsync($"/api/v1/meetings/{planned[random.Next(planned.Count)].Id}/cancel", null);
                    break;
                case 5 when started.FirstOrDefault(m => m.LoggedAt is null) is { } unlogged:
                    object log = random.Next(3) switch
                    {
                        0 => new { held = true, minutes = 45 },
                        1 => new { held = false, noShow = Sides[random.Next(2)] },
                        _ => new { held = false },
                    };
                    response = await Side(pair).PutAsJsonAsync($"/api/v1/meetings/{unlogged.Id}/log", log);
                    break;
                case 6 when started.Where(m => m.LoggedAt is not null).ToList() is { Count: > 0 } logged:
                    if (items.Count > 0 && random.Next(2) == 0)
                    {
                        var item = items[random.Next(items.Count)];
                        response = await item.Pair.AsMentee.PostAsJsonAsync($"/api/v1/action-items/{item.Id}/complete", new { done = random.Next(3) > 0 });
                    }
                    else
                    {
                        response = await Side(pair).PostAsJsonAsync($"/api/v1/meetings/{logged[random.Next(logged.Count)].Id}/action-items",
                            new { text = $"Item {step}", owner = Sides[random.Next(2)], dueOn = "2027-03-01" });
                        if (response.StatusCode == HttpStatusCode.Created)
                            items.Add((pair, (await response.Content.ReadFromJsonAsync<IdBody>(Json.Options))!.Id));
                    }
                    break;
                default:
                    App.Clock.Advance(TimeSpan.FromHours(random.Next(6, 60)));
                    pairs = [await first.SignedInAgain(App), await second.SignedInAgain(App)];
                    (first, second) = (pairs[0], pairs[1]);
                    items = [.. items.Select(i => (pairs.Single(p => p.PairingId == i.Pair.PairingId), i.Id))];
                    break;
            }
            if (response is not null) Assert.True((int)response.StatusCode < 500, $"{name}: {await response.Content.ReadAsStringAsync()}");
            await KeptEqualRecount($"step {step} ({name})");
        }

        // Ending a pairing cancels its planned meetings for nobody: still counted the same as a recount.
        await first.AsMentor.PostAsJsonAsync($"/api/v1/pairings/{first.PairingId}/exit", new { action = "end", reason = "Done" });
        await KeptEqualRecount("ending a pairing");
        var totals = await App.Query(db => db.PairingMeetingCounts.GroupBy(_ => 1)
            .Select(g => new { Held = g.Sum(c => c.Held + c.NoShowsByMentee + c.NoShowsByMentor), Cancelled = g.Sum(c => c.CancelledByMentee + c.CancelledByMentor) })
            .SingleAsync());
        // The walk did reach the kinds of change it is meant to check.
        Assert.True(totals.Held > 0 && totals.Cancelled > 0, $"held or not held {totals.Held}, cancelled {totals.Cancelled}");
    }

    private sealed record IdBody(Guid Id);

    [Fact]
    public async Task ASaveTouchingManyPairings_AndANewPairingWithItsMeetings_IsCountedInTheSameSave()
    {
        var pair = await APair.Make(App, Admin);
        var start = FlipsideFactory.Start.AddDays(-60);
        await App.Query(async db =>
        {
            var mentor = Seed.APerson("M9", 3, department: "Team 9");
            var mentee = Seed.APerson("L9", 9, department: "Leadership 9");
            var me = Domain.Enrollment.Invite(pair.CohortId, mentor.Id, ParticipantRole.Mentor, start);
            var le = Domain.Enrollment.Invite(pair.CohortId, mentee.Id, ParticipantRole.Mentee, start);
            var fresh = Pairing.ByPerson(pair.CohortId, me.Id, le.Id, 1, new([], [], []), "seed", start);
            fresh.Publish(start);
            db.AddRange(mentor, mentee, me, le, fresh);
            foreach (var pairingId in new[] { pair.PairingId, fresh.Id })
                for (var k = 0; k < 4; k++)
                {
                    var meeting = new Meeting(pairingId, start.AddDays(7 * k + 1), 60, null, ParticipantRole.Mentee, start);
                    if (k == 3) meeting.Cancel(ParticipantRole.Mentor, start.AddDays(7 * k + 0.5));
                    else { meeting.Accept(ParticipantRole.Mentor, start); meeting.Log(ParticipantRole.Mentor, k != 1, 60, k == 1 ? ParticipantRole.Mentee : null, [], start.AddDays(7 * k + 2)); }
                    db.Add(meeting);
                    if (k == 0) db.Add(new ActionItem(meeting.Id, pairingId, "Try the new tool", ParticipantRole.Mentee, DateOnly.FromDateTime(start.AddDays(30).Date), start));
                }
            return await db.SaveChangesAsync();
        });
        await KeptEqualRecount("one save of two pairings");
        var kept = await App.Query(db => db.PairingMeetingCounts.AsNoTracking().ToListAsync());
        Assert.Equal(2, kept.Count);
        Assert.All(kept, k => Assert.Equal((2, 1, 1, 1, 1, 0), (k.Held, k.NoShowsByMentee, k.CancelledByMentor, k.LateCancellationsByMentor, k.LeaderItemsTaken, k.LeaderItemsDone)));

        // The manager's page reads them: the same figures.
        var view = (await Admin.GetFromJsonAsync<CohortMeetings.View>($"/api/v1/cohorts/{pair.CohortId}/meetings", Json.Options))!;
        Assert.All(view.Pairings, r => Assert.Equal((2, 1, 1, 1), (r.Held, r.NoShowsByMentee, r.CancelledByMentor, r.LeaderItemsTaken)));
        Assert.All(view.Pairings, r => Assert.Equal(start.AddDays(15), r.LastHeld));
    }

    [Fact]
    public async Task TheMigrationsBackfill_CountsPairingsWithoutARow_AsARecountDoes()
    {
        var pair = await APair.Make(App, Admin);
        var held = await pair.Proposed(pair.AsMentee, "2026-11-24T10:00");
        await pair.AsMentor.PostAsync($"/api/v1/meetings/{held.MeetingId}/accept", null);
        // Cancelled by the mentor 23 hours before its start: a late cancellation.
        var cancelled = await pair.Proposed(pair.AsMentee, "2026-11-24T08:00");
        Assert.Equal(HttpStatusCode.OK, (await pair.AsMentor.PostAsync($"/api/v1/meetings/{cancelled.MeetingId}/cancel", null)).StatusCode);
        App.Clock.Advance(TimeSpan.FromDays(1.5));
        pair = await pair.SignedInAgain(App);
        Assert.Equal(HttpStatusCode.NoContent, (await pair.AsMentee.PutAsJsonAsync($"/api/v1/meetings/{held.MeetingId}/log", new { held = true })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await pair.AsMentee.PostAsJsonAsync($"/api/v1/meetings/{held.MeetingId}/action-items",
            new { text = "Post once a week", owner = "Mentee", dueOn = "2027-01-10" })).StatusCode);
        var before = await App.Query(db => db.PairingMeetingCounts.AsNoTracking().SingleAsync());

        var inserted = await App.Query(async db =>
        {
            await db.PairingMeetingCounts.ExecuteDeleteAsync();
            return await db.Database.ExecuteSqlRawAsync(MeetingCounter.BackfillSql);
        });

        Assert.Equal(1, inserted);
        await KeptEqualRecount("the backfill");
        var after = await App.Query(db => db.PairingMeetingCounts.AsNoTracking().SingleAsync());
        Assert.Equal((1, 1, 1, 1, held.StartsAt), (after.Held, after.CancelledByMentor, after.LateCancellationsByMentor, after.LeaderItemsTaken, after.LastHeldAt!.Value));
        Assert.Equal(before.Held, after.Held);
    }
}
