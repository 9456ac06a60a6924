using System.Net;
using System.Text.RegularExpressions;
using Flipside.Domain;
using Flipside.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Tests.Home;

/// <summary>The administrator's home: every program, under "All programs", and figures that link to what they count.</summary>
public sealed partial class AdministratorHomeTests(FlipsideFactory app) : AdministeredTests(app)
{
    [Fact]
    public async Task TheAdministratorsHome_ListsAllPrograms_UnderAllPrograms()
    {
        await Given.AnAccount(App, Admin, "pam@example.com", Roles.ProgramManager);
        var (programId, _) = await Seed.AProgram(App, "pam@example.com"); // managed by Pam, not by the administrator

        var html = await (await Admin.GetAsync("/")).Html();

        Assert.Contains("<h2 id=\"pm-heading\" class=\"h4\">All programs</h2>", html);
        Assert.DoesNotContain("Your programs", html);
        Assert.Contains($"<a href=\"/Programs/Program?id={programId}\">Digital fluency</a>", html);
        Assert.Contains("Pilot: enrolling", html);
    }

    [Fact]
    public async Task TheAdministratorsHome_WithNoProgram_SaysThereIsNone()
    {
        var html = await (await Admin.GetAsync("/")).Html();

        Assert.Contains("All programs", html);
        Assert.Contains("There is no program yet.", html);
        Assert.DoesNotContain("You do not manage a program yet.", html);
    }

    [Fact]
    public async Task AProgramManagersHome_StillSaysYourPrograms()
    {
        var pam = await Given.AnAccount(App, Admin, "pam@example.com", Roles.ProgramManager);

        var html = await (await pam.GetAsync("/")).Html();

        Assert.Contains("Your programs", html);
        Assert.DoesNotContain("All programs", html);
    }

    [Fact]
    public async Task TheAdministratorsFigures_LinkToWhatTheyCount_InWords_ThatAgreeWithTheNumber()
    {
        await Given.AnAccount(App, Admin, "pam@example.com", Roles.ProgramManager);
        var leaver = Seed.APerson("P2", grade: 5);
        leaver.Status = PersonStatus.Left;
        await Seed.People(App, Seed.APerson("P1", grade: 5), leaver);
        var waiting = await App.Query(db => db.Outbox.CountAsync(m => m.SentAt == null && m.FailedAt == null));

        var html = await (await Admin.GetAsync("/")).Html();

        // The People page it links to lists leavers too, so the figure counts them.
        Assert.Equal("2 people in the directory", Figure(html, "/People"));
        Assert.Equal("2 accounts", Figure(html, "/Admin/Users"));
        Assert.Equal("0 open invitations", Figure(html, "/Admin/Invite#recent-invitations"));
        Assert.Equal($"{waiting} {(waiting == 1 ? "email" : "emails")} waiting", Figure(html, "/Admin/Outbox"));
        Assert.DoesNotContain("1 people", html);
        Assert.DoesNotContain("1 accounts", html);
        Assert.Contains("id=\"recent-invitations\"", await (await Admin.GetAsync("/Admin/Invite")).Html());
    }

    [Fact]
    public async Task OneAccount_ReadsAsOneAccount()
    {
        var html = await (await Admin.GetAsync("/")).Html();

        Assert.Equal("1 account", Figure(html, "/Admin/Users"));
        Assert.Equal(HttpStatusCode.OK, (await Admin.GetAsync("/Admin/Users")).StatusCode);
    }

    /// <summary>The text of the figure card that links to <paramref name="href"/>, tags dropped and spaces folded.</summary>
    private static string Figure(string html, string href)
    {
        var link = Regex.Match(html, $"<a class=\"[^\"]*admin-figure[^\"]*\" href=\"{Regex.Escape(href)}\">(.*?)</a>", RegexOptions.Singleline);
        Assert.True(link.Success, $"No figure links to {href}");
        return Spaces().Replace(Tags().Replace(link.Groups[1].Value, " "), " ").Trim();
    }

    [GeneratedRegex("<[^>]+>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
