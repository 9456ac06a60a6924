using System.Net;
using System.Net.Http.Json;
using Flipside.Domain;
using Flipside.Features.Agreements;
using Flipside.Tests.Support;

namespace Flipside.Tests.Agreements;

/// <summary>A program's communication guidelines: Flipside's defaults, edited by the program's staff, acknowledged per text version.</summary>
public sealed class GuidelinesTests(FlipsideFactory app) : AdministeredTests(app)
{
    private static string Url(Guid programId, string rest = "") => $"/api/v1/programs/{programId}/guidelines{rest}";

    [Fact]
    public async Task Defaults_AreFlipsides_AndAChangedText_AsksEveryoneAgain()
    {
        var cohort = await Paired.Cohort(App, Admin, 1);
        var mentor = await Paired.As(App, Admin, cohort.Pairs[0].Mentor);

        var first = (await mentor.GetFromJsonAsync<Guidelines.View>(Url(cohort.ProgramId), Json.Options))!;
        var acknowledged = await mentor.PostAsJsonAsync(Url(cohort.ProgramId, "/acknowledgement"), new { textVersion = first.TextVersion });
        var saved = await Admin.PutAsJsonAsync(Url(cohort.ProgramId), new { text = "Be kind. Be curious.", textVersion = first.TextVersion });
        var after = (await mentor.GetFromJsonAsync<Guidelines.View>(Url(cohort.ProgramId), Json.Options))!;

        Assert.True(first.IsDefault && !first.Acknowledged);
        Assert.Contains("not a place for complaints about others", first.Text);
        Assert.Contains("stays between the two of you", first.Text);
        Assert.Equal(HttpStatusCode.NoContent, acknowledged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Equal("Be kind. Be curious.", after.Text);
        Assert.Equal(first.TextVersion + 1, after.TextVersion);
        Assert.False(after.Acknowledged);
        Assert.Equal(first.TextVersion, after.AcknowledgedVersion);
    }

    [Fact]
    public async Task Acknowledging_AnOutdatedText_Is409SayingItChanged_AndTwice_Is409()
    {
        var cohort = await Paired.Cohort(App, Admin, 1);
        var leader = await Paired.As(App, Admin, cohort.Pairs[0].Leader);
        await Admin.PutAsJsonAsync(Url(cohort.ProgramId), new { text = "New words.", textVersion = 1 });

        var stale = await leader.PostAsJsonAsync(Url(cohort.ProgramId, "/acknowledgement"), new { textVersion = 1 });
        var current = await leader.PostAsJsonAsync(Url(cohort.ProgramId, "/acknowledgement"), new { textVersion = 2 });
        var twice = await leader.PostAsJsonAsync(Url(cohort.ProgramId, "/acknowledgement"), new { textVersion = 2 });

        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Contains("changed since you opened them", await Paired.Detail(stale));
        Assert.Equal(HttpStatusCode.NoContent, current.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        Assert.Contains("already acknowledged", await Paired.Detail(twice));
    }

    [Fact]
    public async Task Editing_IsForTheProgramsStaff_WithinLimits_AndAgainstTheVersionOpened()
    {
        var cohort = await Paired.Cohort(App, Admin, 1);
        var leader = await Paired.As(App, Admin, cohort.Pairs[0].Leader);

        var byParticipant = await leader.PutAsJsonAsync(Url(cohort.ProgramId), new { text = "Mine now.", textVersion = 1 });
        var oversize = await Admin.PutAsJsonAsync(Url(cohort.ProgramId), new { text = new string('x', ProgramGuidelines.TextMaxLength + 1), textVersion = 1 });
        var empty = await Admin.PutAsJsonAsync(Url(cohort.ProgramId), new { text = "  ", textVersion = 1 });
        await Admin.PutAsJsonAsync(Url(cohort.ProgramId), new { text = "First edit.", textVersion = 1 });
        var overwrite = await Admin.PutAsJsonAsync(Url(cohort.ProgramId), new { text = "Second edit, from an old form.", textVersion = 1 });
        var stranger = await Admin.GetAsync(Url(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.Forbidden, byParticipant.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, oversize.StatusCode);
        Assert.Contains($"{ProgramGuidelines.TextMaxLength} characters", await oversize.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, overwrite.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, stranger.StatusCode);
    }
}
