using System.Net;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Training;

/// <summary>The cohort page's circle form gives the API's plausible-date error beside its field (issue 14).</summary>
public sealed class CircleFormDateTests(FlipsideFactory app) : TrainingTestBase(app)
{
    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("2101-01-01")]
    public async Task SchedulingACircleOnThePage_OutsideTheYears2000To2100_IsRefusedBesideTheDate(string date)
    {
        await ACohort();
        await Require([], [], circles: true);
        var page = $"/Training/Cohort?cohortId={CohortId}";

        var response = await Admin.Submit(page, new Dictionary<string, string>
        {
            ["Input.Date"] = date, ["Input.Time"] = "16:00", ["Input.TimeZone"] = "Europe/London", ["Input.Minutes"] = "45",
        }, page + "&handler=Schedule");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Enter a date between the years 2000 and 2100.", await response.Html(), StringComparison.Ordinal);
        Assert.Equal(0, await App.Query(db => db.SupervisionCircles.CountAsync()));
    }
}
