using System.Text.RegularExpressions;
using Flipside.Domain;
using Flipside.Features.Matching;
using Flipside.Tests.Support;

namespace Flipside.Tests.Matching;

/// <summary>The review board renders what it shows: the by-hand lists hold at most a hundred people a side, and a name narrows them.</summary>
public sealed partial class BoardPageTests(FlipsideFactory app) : AdministeredTests(app)
{
    [GeneratedRegex("<option value=\"[0-9a-f-]{36}\">")]
    private static partial Regex PersonOption();

    [Fact]
    public async Task ByHandLists_ShowAHundredASide_AndAPartOfANameFindsTheRest()
    {
        var cohort = (await Seed.AProgram(App, Given.AdminEmail, status: CohortStatus.Matching)).CohortId;
        var (leaders, mentors) = await Enrolled.Cohort(App, cohort, leaders: BoardModel.ByHandShown + 5, mentors: 2);
        var last = leaders[^1];

        var all = await (await Admin.GetAsync($"/Matching/Board?cohortId={cohort}")).Html();
        var found = await (await Admin.GetAsync($"/Matching/Board?cohortId={cohort}&free={Uri.EscapeDataString(last.Name)}")).Html();

        Assert.Equal(BoardModel.ByHandShown + mentors.Count, PersonOption().Count(all));
        Assert.Contains($"Listed: {BoardModel.ByHandShown} of {BoardModel.ByHandShown + 5} leaders", all);
        Assert.Contains($"<option value=\"{last.Id}\">", found);
        Assert.Equal(1, PersonOption().Count(found));
    }
}
