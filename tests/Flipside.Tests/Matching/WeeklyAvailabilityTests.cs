using Flipside.Features.Matching;
using Flipside.Matching.Profiles;

namespace Flipside.Tests.Matching;

/// <summary>Local weekly hours placed in a reference week and converted with the zone's rules for that week.</summary>
public class WeeklyAvailabilityTests
{
    private static readonly DateOnly January = new(2027, 1, 11), July = new(2027, 7, 12);
    // New York moved its clocks on 14 March 2027, London only on 28 March: for two weeks they are 4 hours apart.
    private static readonly DateOnly MidMarch = new(2027, 3, 15);

    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    // Weekdays 09:00–17:00 local.
    private static IEnumerable<int> OfficeHours() => from day in Enumerable.Range(0, 5) from hour in Enumerable.Range(9, 8) select (day * 24) + hour;

    [Fact]
    public void ToUtc_KolkataNineToTen_IsHalfPastThreeToHalfPastFourUtc()
    {
        var hours = WeeklyAvailability.ToUtc([9], Zone("Asia/Kolkata"), January);

        Assert.Equal([((3 * 60) + 30, 60)], hours.Spans());
    }

    [Fact]
    public void ToUtc_LondonInSummer_IsAnHourAheadOfUtc()
    {
        Assert.Equal([(9 * 60, 60)], WeeklyAvailability.ToUtc([9], Zone("Europe/London"), January).Spans());
        Assert.Equal([(8 * 60, 60)], WeeklyAvailability.ToUtc([9], Zone("Europe/London"), July).Spans());
    }

    [Fact]
    public void ToUtc_KolkataMondayMidnight_FallsOnSundayEveningUtcOfTheSameWeek()
    {
        var hours = WeeklyAvailability.ToUtc([0], Zone("Asia/Kolkata"), January);

        Assert.Equal([(WeekHours.MinutesPerWeek - 330, 60)], hours.Spans());
    }

    [Theory]
    [InlineData("2027-01-11", 15)]
    [InlineData("2027-07-12", 15)]
    [InlineData("2027-03-15", 20)]
    public void Overlap_NewYorkAndLondonOfficeHours_FollowsBothZonesRulesForTheWeek(string week, int hoursInCommon)
    {
        var monday = DateOnly.Parse(week, System.Globalization.CultureInfo.InvariantCulture);
        var london = WeeklyAvailability.ToUtc(OfficeHours(), Zone("Europe/London"), monday);
        var newYork = WeeklyAvailability.ToUtc(OfficeHours(), Zone("America/New_York"), monday);

        Assert.Equal(hoursInCommon * 60, london.Overlap(newYork).Minutes);
    }

    [Fact]
    public void Overlap_LondonAndKolkata_GrowsInTheLondonSummer()
    {
        // Kolkata 13:00–17:00 is 07:30–11:30 UTC all year; London 09:00–17:00 starts at 09:00 UTC in January, 08:00 in July.
        var kolkataAfternoons = from day in Enumerable.Range(0, 5) from hour in Enumerable.Range(13, 4) select (day * 24) + hour;

        int Shared(DateOnly monday) => WeeklyAvailability.ToUtc(OfficeHours(), Zone("Europe/London"), monday)
            .Overlap(WeeklyAvailability.ToUtc(kolkataAfternoons, Zone("Asia/Kolkata"), monday)).Minutes;

        Assert.Equal(5 * 150, Shared(January));
        Assert.Equal(5 * 210, Shared(July));
    }

    [Fact]
    public void ToUtc_HourTheClocksSkip_StillCountsAnHour()
    {
        // 28 March 2027, Sunday: London jumps from 01:00 to 02:00.
        var hours = WeeklyAvailability.ToUtc([(6 * 24) + 1], Zone("Europe/London"), new DateOnly(2027, 3, 22));

        Assert.Equal(60, hours.Minutes);
    }

    [Fact]
    public void WeekOf_AnyDay_IsThatWeeksMonday()
    {
        Assert.Equal(new DateOnly(2027, 1, 11), WeeklyAvailability.WeekOf(new DateOnly(2027, 1, 17)));
        Assert.Equal(new DateOnly(2027, 1, 11), WeeklyAvailability.WeekOf(new DateOnly(2027, 1, 11)));
    }
}
