using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Sessions;
using Flipside.Tests.Support;
using Xunit.Abstractions;

namespace Flipside.Tests.Sessions;

/// <summary>
/// The managers' meetings page at the size the issue names (1,000 pairings, 12,000 meetings): correct counts from one
/// aggregate query. The time is written to the test output for the record, not asserted: this machine is shared.
/// </summary>
public sealed class CohortMeetingsScaleTests(FlipsideFactory app, ITestOutputHelper output) : AdministeredTests(app)
{
    [Fact]
    public async Task AThousandPairingsWithTwelveThousandMeetings_CountCorrectly()
    {
        var (_, cohortId) = await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Active);
        await App.Query(async db =>
        {
            var start = FlipsideFactory.Start.AddDays(-200);
            for (var i = 0; i < 1000; i++)
            {
                var mentor = Seed.APerson($"M{i}", 3);
                var mentee = Seed.APerson($"L{i}", 9);
                var me = Domain.Enrollment.Invite(cohortId, mentor.Id, ParticipantRole.Mentor, start);
                var le = Domain.Enrollment.Invite(cohortId, mentee.Id, ParticipantRole.Mentee, start);
                var pairing = Pairing.ByPerson(cohortId, me.Id, le.Id, 1, new([], [], []), "seed", start);
                pairing.Publish(start);
                db.AddRange(mentor, mentee, me, le, pairing);
                // One pair never met: the furthest behind, first in the default order.
                for (var k = 0; k < (i == 777 ? 0 : 12); k++)
                {
                    var meeting = new Meeting(pairing.Id, start.AddDays(14 * k + 1), 60, null, ParticipantRole.Mentee, start);
                    if (k % 4 == 3) meeting.Cancel(k % 8 == 3 ? ParticipantRole.Mentee : ParticipantRole.Mentor, start);
                    else if (k < 11) { meeting.Accept(ParticipantRole.Mentor, start); meeting.Log(ParticipantRole.Mentor, true, 60, null, [], start.AddDays(14 * k + 2)); }
                    db.Add(meeting);
                }
            }
            return await db.SaveChangesAsync();
        });
        var admin = await Given.SignedIn(App, Given.AdminEmail);
        await admin.GetAsync($"/api/v1/cohorts/{cohortId}/meetings");
        var watch = Stopwatch.StartNew();
        var response = await admin.GetAsync($"/api/v1/cohorts/{cohortId}/meetings");
        output.WriteLine($"API: {watch.ElapsedMilliseconds} ms");
        watch.Restart();
        var page = await admin.GetAsync($"/Sessions/Cohort?cohortId={cohortId}");
        output.WriteLine($"Page: {watch.ElapsedMilliseconds} ms");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var view = System.Text.Json.JsonSerializer.Deserialize<CohortMeetings.View>(await response.Content.ReadAsStringAsync(), Json.Options)!;
        Assert.Equal((1000, 50, 1, 20), (view.Total, view.Pairings.Count, view.Page, view.Pages));
        Assert.Equal(("Person L777", 0, (DateTimeOffset?)null), (view.Pairings[0].MenteeName, view.Pairings[0].Held, view.Pairings[0].LastHeld));
        // Of twelve: three cancelled (at k = 3, 7, 11: the leader at 3 and 11, the mentor at 7) and nine held, the last at k = 10.
        var start = FlipsideFactory.Start.AddDays(-200);
        Assert.All(view.Pairings.Skip(1), r => Assert.Equal((9, 2, 1, start.AddDays(141)), (r.Held, r.CancelledByMentee, r.CancelledByMentor, r.LastHeld!.Value)));
        var last = (await admin.GetFromJsonAsync<CohortMeetings.View>($"/api/v1/cohorts/{cohortId}/meetings?page=20&sort=name", Json.Options))!;
        Assert.Equal((50, 20, "name"), (last.Pairings.Count, last.Page, last.Sort));
        Assert.Equal(last.Pairings.Select(r => r.MenteeName).Order(StringComparer.CurrentCultureIgnoreCase), last.Pairings.Select(r => r.MenteeName));
        var html = await page.Html();
        Assert.Equal(50, html.Split("<th scope=\"row\">").Length - 1);
        Assert.Contains($"href=\"?cohortId={cohortId}&sort=risk&page=20\"", html);
    }
}
