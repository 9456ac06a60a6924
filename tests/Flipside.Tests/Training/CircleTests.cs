using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Training;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Training;

/// <summary>Supervision circles: scheduled for a cohort's mentors where the program asks for them, shown in each person's time zone, attendance only.</summary>
public sealed class CircleTests(FlipsideFactory app) : TrainingTestBase(app)
{
    private Task<HttpResponseMessage> Schedule(object body) => Admin.PostAsJsonAsync(Training($"/cohorts/{CohortId}/circles"), body);

    private async Task<Guid> AScheduledCircle()
    {
        var response = await Schedule(new { date = "2026-12-01", time = "16:00", timeZone = "Europe/London", minutes = 45, videoLink = "https://video.example.com/circle" });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<TrainingApi.Scheduled>(Json.Options))!.Id;
    }

    [Fact]
    public async Task InAProgramWithoutCircles_SchedulingIsRefused()
    {
        await ACohort();

        var response = await Schedule(new { date = "2026-12-01", time = "16:00", timeZone = "Europe/London" });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("does not hold supervision circles", await Detail(response));
    }

    [Fact]
    public async Task ATimeTheClocksSkip_APastTime_AnUnknownZoneAndAPlainLink_Return400()
    {
        await ACohort();
        await Require([], [], circles: true);

        var skipped = await Schedule(new { date = "2027-03-28", time = "01:30", timeZone = "Europe/London" });
        var past = await Schedule(new { date = "2026-11-01", time = "10:00", timeZone = "Europe/London" });
        var zone = await Schedule(new { date = "2026-12-01", time = "10:00", timeZone = "Mars/Olympus" });
        var link = await Schedule(new { date = "2026-12-01", time = "10:00", timeZone = "UTC", videoLink = "javascript:alert(1)" });

        Assert.Contains("the clocks go forward", await skipped.Content.ReadAsStringAsync());
        Assert.Contains("That time has passed", await past.Content.ReadAsStringAsync());
        Assert.Contains("is not a time zone", await zone.Content.ReadAsStringAsync());
        Assert.Contains("https://", await link.Content.ReadAsStringAsync());
        Assert.All(new[] { skipped, past, zone, link }, r => Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode));
        Assert.Equal(0, await App.Query(db => db.SupervisionCircles.CountAsync()));
    }

    [Fact]
    public async Task ACircle_IsShownToTheCohortsMentorsInTheirOwnTimeZone_AndNotToLeaders()
    {
        await ACohort();
        await App.Query(db => db.People.Where(p => p.Id == Mentor.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.TimeZone, "America/New_York")));
        await Require([], [], circles: true);
        await AScheduledCircle();

        var mine = Assert.Single((await (await As(Mentor)).GetFromJsonAsync<List<MyTraining.Enrolment>>(Training("/mine"), Json.Options))!);
        var leaders = Assert.Single((await (await As(Leader)).GetFromJsonAsync<List<MyTraining.Enrolment>>(Training("/mine"), Json.Options))!);

        var circle = Assert.Single(mine.Circles);
        Assert.Equal("Tuesday 1 December 2026, 11:00–11:45 (America/New_York)", circle.Local);
        Assert.Equal("https://video.example.com/circle", circle.VideoLink);
        Assert.Empty(leaders.Circles);
    }

    [Fact]
    public async Task Attendance_IsRefusedBeforeTheCircle_RecordedAfter_AndOnlyForTheCohortsMentors()
    {
        await ACohort();
        await Require([], [], circles: true);
        var id = await AScheduledCircle();
        var mentorEnrollment = await App.Query(db => db.Enrollments.Where(e => e.PersonId == Mentor.Id).Select(e => e.Id).SingleAsync());
        var leaderEnrollment = await App.Query(db => db.Enrollments.Where(e => e.PersonId == Leader.Id).Select(e => e.Id).SingleAsync());

        var early = await Admin.PutAsJsonAsync(Training($"/circles/{id}/attendance"), new { attended = new[] { mentorEnrollment } });
        App.Clock.Advance(TimeSpan.FromDays(9));
        // A sign-in lasts hours, not days.
        var admin = await Given.SignedIn(App, Given.AdminEmail);
        var leader = await admin.PutAsJsonAsync(Training($"/circles/{id}/attendance"), new { attended = new[] { leaderEnrollment } });
        var recorded = await admin.PutAsJsonAsync(Training($"/circles/{id}/attendance"), new { attended = new[] { mentorEnrollment } });
        var again = await admin.PutAsJsonAsync(Training($"/circles/{id}/attendance"), new { attended = new[] { mentorEnrollment } });

        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, leader.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, recorded.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, again.StatusCode);
        var view = (await admin.GetFromJsonAsync<CohortCircles.View>(Training($"/cohorts/{CohortId}/circles"), Json.Options))!;
        Assert.Equal([mentorEnrollment], Assert.Single(view.Circles).Attended);
    }

    [Fact]
    public async Task ACircle_IsMovedAndCancelled_AndAnotherProgramsManagerGets404()
    {
        await ACohort();
        await Require([], [], circles: true);
        var id = await AScheduledCircle();
        var other = await Given.AnAccount(App, Admin, "otto@example.com", Roles.ProgramManager);

        var moved = await Admin.PutAsJsonAsync(Training($"/cohorts/{CohortId}/circles/{id}"), new { date = "2026-12-02", time = "09:00", timeZone = "UTC", minutes = 60 });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);
        Assert.Equal(new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero), await App.Query(db => db.SupervisionCircles.Select(c => c.StartsAt).SingleAsync()));

        Assert.Equal(HttpStatusCode.NotFound, (await other.DeleteAsync(Training($"/circles/{id}"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(Training($"/cohorts/{CohortId}/circles"))).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await Admin.DeleteAsync(Training($"/circles/{id}"))).StatusCode);
        Assert.Equal(0, await App.Query(db => db.SupervisionCircles.CountAsync()));
    }

    [Fact]
    public async Task TheCohortPage_SaysWhatIsSaidInACircleIsNotLogged()
    {
        await ACohort();
        await Require([], [], circles: true);
        await AScheduledCircle();

        var page = await (await Admin.GetAsync($"/Training/Cohort?cohortId={CohortId}")).Html();

        Assert.Contains("What is said in a circle is not logged", page);
        Assert.Contains("December 2026", page);
    }
}
