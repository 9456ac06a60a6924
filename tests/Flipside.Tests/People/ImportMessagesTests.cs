using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static Flipside.Tests.People.PeopleFiles;

namespace Flipside.Tests.People;

/// <summary>Problems say what the column takes, whose row it is, and time zones are stored under their current name.</summary>
public sealed class ImportMessagesTests(FlipsideFactory app) : AdministeredTests(app)
{
    [Fact]
    public async Task ALongUnknownStatus_IsToldTheValuesItTakes_NotToBeShorter()
    {
        var problem = Assert.Single(await Admin.Refused(Csv(Row("A1", status: "Voluntarily Terminated"))));
        Assert.Equal(("status", "Voluntarily Terminated"), (problem.Column, problem.Value));
        Assert.Contains("active, on leave or left", problem.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("characters", problem.Text + problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJobTitleInGrade_IsToldTheScale()
    {
        var csv = Csv("A1,Ann Lee,a1@example.com,Senior Software Engineer II,Sales,Europe/London,,,,,,,");
        var problem = Assert.Single(await Admin.Refused(csv));
        Assert.Equal("grade", problem.Column);
        Assert.Contains("a whole number from 1 (entry level) to 10 (executive)", problem.Text, StringComparison.Ordinal);
        Assert.Contains("title column", problem.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("characters", problem.Text + problem.Fix, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryProblem_NamesTheRowsEmployeeIdAndName()
    {
        var problems = await Admin.Refused(Csv(Row("A1", email: "not-an-email", name: "Ann Lee"), Row("A2", manager: "Z9", name: "Bo Chen")));
        Assert.Equal([(2, "A1", "Ann Lee"), (3, "A2", "Bo Chen")], problems.Select(p => (p.Row, p.EmployeeId, p.Name)));
    }

    [Theory]
    [InlineData("US/Eastern", "America/New_York")]
    [InlineData("US/Pacific", "America/Los_Angeles")]
    [InlineData("Asia/Calcutta", "Asia/Kolkata")]
    [InlineData("Eastern Standard Time", "America/New_York")]
    [InlineData("Europe/Vienna", "Europe/Vienna")]
    public async Task LegacyAndWindowsZoneNames_AreStoredAsTheCanonicalIanaZone(string written, string stored)
    {
        await Admin.Applied(Csv(Row("A1", zone: written)));
        Assert.Equal(stored, await App.Query(db => db.People.Select(p => p.TimeZone).SingleAsync()));
    }

    [Theory]
    [InlineData("EST", "America/New_York")]
    [InlineData("MST", "America/Denver")]
    [InlineData("HST", "Pacific/Honolulu")]
    [InlineData("PST", "America/Los_Angeles")]
    public async Task AbbreviationsWithoutDaylightSaving_AreRefusedWithTheZoneMeant(string written, string meant)
    {
        var problem = Assert.Single(await Admin.Refused(Csv(Row("A1", zone: written))));
        Assert.Equal(("time_zone", written), (problem.Column, problem.Value));
        Assert.Contains($"did you mean {meant}?", problem.Text, StringComparison.Ordinal);
    }
}
