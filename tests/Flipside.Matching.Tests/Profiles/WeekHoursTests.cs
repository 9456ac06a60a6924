using Flipside.Matching.Profiles;

namespace Flipside.Matching.Tests.Profiles;

/// <summary>Availability to the quarter hour, so that zones such as +5:30 and +5:45 convert exactly.</summary>
public class WeekHoursTests
{
    [Fact]
    public void FromUtcSpans_HalfHourStart_KeepsTheHalfHour()
    {
        var hours = WeekHours.FromUtcSpans([((3 * 60) + 30, 60)]);

        Assert.Equal([((3 * 60) + 30, 60)], hours.Spans());
        Assert.Equal(60, hours.Minutes);
        Assert.Equal("Mon 03:30–Mon 04:30", hours.ToString());
    }

    [Fact]
    public void FromUtcSpans_BeforeMondayMidnight_WrapsToSundayEvening()
    {
        // Monday 00:00 in Kolkata is Sunday 18:30 UTC.
        var hours = WeekHours.FromUtcSpans([(-330, 60)]);

        Assert.Equal([(WeekHours.MinutesPerWeek - 330, 60)], hours.Spans());
    }

    [Fact]
    public void FromUtcSpans_PartOfAQuarterHour_IsNotClaimed()
    {
        Assert.Equal([(15, 30)], WeekHours.FromUtcSpans([(10, 45)]).Spans());
    }

    [Fact]
    public void Overlap_HalfHourApart_SharesHalfAnHour()
    {
        var kolkata = WeekHours.FromUtcSpans([((3 * 60) + 30, 60)]);
        var london = WeekHours.FromUtcSpans([(4 * 60, 60)]);

        Assert.Equal(30, kolkata.Overlap(london).Minutes);
        Assert.NotEqual(kolkata, london);
    }

    [Fact]
    public void Equality_SameTimesBuiltTwoWays_AreEqualWithOneHash()
    {
        WeekHours a = WeekHours.FromLocal([9, 10], 1), b = WeekHours.FromUtcSpans([(8 * 60, 120)]);

        Assert.Equal(a, b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.Single(new[] { a, b }.Distinct());
    }

    [Fact]
    public void Explain_HalfHourOverlap_ScoresHalfOfAnHour()
    {
        var rules = new ProgramRules { TargetOverlapHours = 1 };
        var mentee = A.Mentee() with { Availability = WeekHours.FromUtcSpans([(4 * 60, 60)]) };
        var mentor = A.Mentor() with { Availability = WeekHours.FromUtcSpans([((3 * 60) + 30, 60)]) };

        var part = Matcher.Explain(A.Request([mentee], [mentor], rules), "leader", "maya").Parts.Single(p => p.Fact is Scoring.SharedAvailability);

        Assert.Equal(50, part.Points);
        Assert.Equal(30, ((Scoring.SharedAvailability)part.Fact).Minutes);
    }
}
