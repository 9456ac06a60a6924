using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flipside.BrowserTests;

/// <summary>
/// Issue 12 end to end on the demo's second wave: a leader and a mentor answer the wave's baseline survey; the manager
/// pairs them, they meet, log the meeting and each give a pulse; the manager opens the final survey and both answer it;
/// the manager closes it now and reads its results and opens the impact report, and the sponsor sees the same report
/// with no participant named and the wave's two answers "not reportable". axe-core on each page.
/// </summary>
public sealed partial class EvidenceJourneyTests(DemoFlipside app) : IClassFixture<DemoFlipside>
{
    private static readonly Person Manager = new("Priya Programme", "manager@flipside.demo", DemoFlipside.Password);
    private static readonly Person Admin = new("Alex Admin", "admin@flipside.demo", DemoFlipside.Password);
    private static readonly Person Sponsor = new("Sam Sponsor", "sponsor@flipside.demo", DemoFlipside.Password);
    private const string Program = "Digital fluency for leaders";

    private readonly AxeAudit _audit = new();

    [GeneratedRegex("cohortId=([0-9a-f-]{36})")]
    private static partial Regex CohortIdInUrl();

    [GeneratedRegex(@"times in your zone \(([^)]+)\)")]
    private static partial Regex MyZone();

    [GeneratedRegex("^Not reportable: fewer than 5 people")]
    private static partial Regex NotReportable();

    // A wave of two is held back either as too small or, when the gate meets it first as the difference of two shown
    // figures, by subtraction: both sentences keep the two people's answers out of sight.
    [GeneratedRegex("^(Not reportable: fewer than 5 people|Not shown: together with another figure on this page it would describe fewer than 5 people by subtraction)")]
    private static partial Regex HeldBack();

    private static string Day(DateTime day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task<IPage> SignedIn(IBrowserContext context, Person person)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await Flows.SignInAsync(page, person);
        return page;
    }

    /// <summary>The administrator invites someone from the directory; they set a password and sign in.</summary>
    private static async Task<IPage> Invited(IPage admin, IBrowserContext context, Person person)
    {
        await admin.GotoAsync("/");
        await Flows.SendInvitationAsync(admin, person, "Participant");
        var link = await Flows.ReadInvitationLinkAsync(admin, person.Email);
        var page = await context.NewPageAsync();
        await Flows.AcceptInvitationAsync(page, link, person);
        await Flows.SignInAsync(page, person);
        return page;
    }

    private static async Task OpenCohortSurveysAsync(IPage manager, string cohort)
    {
        await manager.GotoAsync("/Programs");
        await manager.GetByRole(AriaRole.Link, new() { Name = Program }).First.ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = $"Surveys and flags of {cohort}" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = $"Surveys · {Program}, {cohort}", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>The manager opens a survey of the wave by hand from its surveys page, closing in a week.</summary>
    private async Task OpenSurveyAsync(IPage manager, string title)
    {
        var form = manager.GetByRole(AriaRole.Region, new() { Name = "Open a survey now" });
        await form.GetByLabel("Survey", new() { Exact = true }).SelectOptionAsync(new SelectOptionValue { Label = title });
        await form.GetByLabel("Closes on", new() { Exact = true }).FillAsync(Day(DateTime.UtcNow.AddDays(7)));
        await form.GetByRole(AriaRole.Button, new() { Name = "Open it" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status).First).ToContainTextAsync("Survey opened.");
        await Expect(manager.GetByRole(AriaRole.Rowheader, new() { NameRegex = new Regex($"^{title}: {Program}, Wave 2") })).ToBeVisibleAsync();
        await _audit.CheckAsync(manager);
    }

    /// <summary>The manager closes a survey of the wave now from its row on the surveys page: the box confirms it.</summary>
    private async Task CloseNowAsync(IPage manager, string title)
    {
        var row = manager.GetByRole(AriaRole.Row).Filter(new() { Has = manager.GetByRole(AriaRole.Rowheader, new() { NameRegex = new Regex($"^{title}: {Program}, Wave 2") }) });
        await row.GetByLabel(new Regex($"^Close {title}: {Program}, Wave 2 now")).CheckAsync();
        await row.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Close now") }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status).First).ToContainTextAsync("Survey closed; its results are shown.");
        await Expect(row).Not.ToContainTextAsync("(open)");
        await _audit.CheckAsync(manager);
    }

    /// <summary>A participant finds the survey from their enrolment and answers every rated question with <paramref name="choice"/> (counted from the lowest).</summary>
    private async Task AnswerAsync(IPage page, string title, int choice)
    {
        await page.GotoAsync("/Enrollment/Mine");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Surveys of {Program}" }).First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My surveys", Level = 1 })).ToBeVisibleAsync();
        await _audit.CheckAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = $"{title}: {Program}, Wave 2" }).ClickAsync();
        await Expect(page.GetByText(new Regex("^Results are shown only for groups of at least 5 people"))).ToBeVisibleAsync();
        await _audit.CheckAsync(page);
        var questions = page.Locator("form fieldset");
        Assert.True(await questions.CountAsync() > 0, $"{page.Url}: no question to answer.");
        foreach (var q in await questions.AllAsync())
        {
            var options = q.GetByRole(AriaRole.Radio);
            await options.Nth(Math.Min(choice, await options.CountAsync() - 1)).CheckAsync();
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Send my answers" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Thank you: your answers are saved under a code, not your name.");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Your answers", Level = 2 })).ToBeVisibleAsync();
        await _audit.CheckAsync(page);
    }

    /// <summary>From the meeting's log page, the person gives the two-question pulse (the second only for the mentor).</summary>
    private async Task PulseAsync(IPage page, string partner, bool asksSpokeOpenly)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Give your two-question pulse on this meeting" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"How was the meeting with {partner}?", Level = 1 })).ToBeVisibleAsync();
        await _audit.CheckAsync(page);
        await page.GetByRole(AriaRole.Group, new() { NameRegex = new Regex("^The meeting was useful") }).GetByLabel("4", new() { Exact = true }).CheckAsync();
        var openly = page.GetByRole(AriaRole.Group, new() { NameRegex = new Regex("^I could speak openly") });
        await Expect(openly).ToHaveCountAsync(asksSpokeOpenly ? 1 : 0);
        if (asksSpokeOpenly) await openly.GetByLabel("5", new() { Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Thank you. Your pulse counts only in averages");
        await Expect(page.GetByText("You have given your pulse for this meeting. Thank you.")).ToBeVisibleAsync();
        await _audit.CheckAsync(page);
    }

    /// <summary>
    /// The text of the report's figures: reaction, learning, behaviour and the waves side by side. Not the line saying
    /// when it was computed, nor the objectives, where the manager has forms to record a measure that a sponsor has not.
    /// </summary>
    private static async Task<string> FiguresAsync(IPage page) => string.Join("\n", await page.Locator(string.Join(", ",
        new[] { "reaction", "learning", "behaviour", "waves" }.Select(s => $"section[aria-labelledby={s}-heading]"))).AllInnerTextsAsync());

    [Fact]
    public async Task BaselineMeetingsPulsesAndFinal_TheManagersImpactReport_AndTheSponsorsSameReportWithoutIndividuals()
    {
        await using var managerContext = await app.NewContextAsync();
        var manager = await SignedIn(managerContext, Manager);
        await manager.GotoAsync("/Programs");
        await manager.GetByRole(AriaRole.Link, new() { Name = Program }).First.ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Matching and pairs of Wave 2" }).ClickAsync();
        var cohortId = CohortIdInUrl().Match(manager.Url).Groups[1].Value;
        var board = JsonDocument.Parse(await (await Flows.OkAsync(manager.APIRequest.GetAsync($"/api/v1/cohorts/{cohortId}/matching"))).TextAsync()).RootElement;
        var free = board.GetProperty("free").EnumerateArray().ToList();
        async Task<Person> Participant(string role)
        {
            var id = free.First(p => p.GetProperty("role").GetString() == role).GetProperty("personId").GetString();
            var person = JsonDocument.Parse(await (await Flows.OkAsync(manager.APIRequest.GetAsync($"/api/v1/people/{id}"))).TextAsync()).RootElement;
            return new Person(person.GetProperty("name").GetString()!, person.GetProperty("email").GetString()!, DemoFlipside.Password);
        }
        var leaderPerson = await Participant("Mentee");
        var mentorPerson = await Participant("Mentor");
        var (leaderName, mentorName) = (leaderPerson.Name, mentorPerson.Name);

        // The wave's baseline opens on its timeline while it is matched; the manager opens it now if the job has not yet.
        await OpenCohortSurveysAsync(manager, "Wave 2");
        await _audit.CheckAsync(manager);
        if (await manager.GetByRole(AriaRole.Rowheader, new() { NameRegex = new Regex($"^Baseline survey: {Program}, Wave 2") }).CountAsync() == 0)
            await OpenSurveyAsync(manager, "Baseline survey");

        await using var adminContext = await app.NewContextAsync();
        var admin = await SignedIn(adminContext, Admin);
        await using var leaderContext = await app.NewContextAsync();
        var leader = await Invited(admin, leaderContext, leaderPerson);
        await using var mentorContext = await app.NewContextAsync();
        var mentor = await Invited(admin, mentorContext, mentorPerson);
        await AnswerAsync(leader, "Baseline survey", 1);
        await AnswerAsync(mentor, "Baseline survey", 2);
        // The baseline closes as the wave is matched; closing it now stores its held answers for the change to link to.
        await OpenCohortSurveysAsync(manager, "Wave 2");
        await CloseNowAsync(manager, "Baseline survey");

        await manager.GotoAsync($"/Matching/Board?cohortId={cohortId}");
        await manager.Locator("#byhand-mentee").SelectOptionAsync(new SelectOptionValue { Label = leaderName });
        await manager.Locator("#byhand-mentor").SelectOptionAsync(new SelectOptionValue { Label = mentorName });
        await manager.GetByRole(AriaRole.Button, new() { Name = "Pair them" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status).First).ToContainTextAsync("The pair is made, approved and locked.");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Publish 1 approved pair" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status).First).ToContainTextAsync("published");

        // A meeting that starts in two minutes, the only way to have one to log: the app refuses a past time, and the
        // running server keeps the real clock.
        await leader.GotoAsync("/Enrollment/Mine");
        await leader.GetByRole(AriaRole.Link, new() { Name = $"Meetings with {mentorName}" }).ClickAsync();
        var zone = TimeZoneInfo.FindSystemTimeZoneById(MyZone().Match((await leader.Locator("main p", new() { HasTextRegex = MyZone() }).TextContentAsync())!).Groups[1].Value);
        var now = DateTimeOffset.UtcNow;
        var startsAt = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(2);
        await leader.GetByLabel(new Regex("^Date and time \\(your zone")).FillAsync(
            TimeZoneInfo.ConvertTime(startsAt, zone).DateTime.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await leader.Locator("#Input_Minutes").FillAsync("15");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Propose this time" }).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Status).First).ToContainTextAsync("Proposed.");
        await mentor.GotoAsync("/Enrollment/Mine");
        await mentor.GetByRole(AriaRole.Link, new() { Name = $"Meetings with {leaderName}" }).ClickAsync();
        await mentor.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Accept ") }).ClickAsync();
        await Expect(mentor.GetByRole(AriaRole.Status).First).ToContainTextAsync("Accepted.");

        var wait = startsAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2);
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        await leader.ReloadAsync();
        await leader.GetByRole(AriaRole.Link, new() { Name = "Log this meeting" }).ClickAsync();
        await leader.GetByLabel("Yes, we met").CheckAsync();
        await leader.GetByLabel("How long (minutes)").FillAsync("15");
        await leader.Locator("input[name='Input.Topics']").First.CheckAsync();
        await leader.GetByRole(AriaRole.Button, new() { Name = "Save the log" }).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Status).First).ToContainTextAsync("Saved.");
        await PulseAsync(leader, mentorName, asksSpokeOpenly: false);
        await mentor.ReloadAsync();
        await mentor.Locator("a[href^='/Sessions/Log?meetingId=']").First.ClickAsync();
        await PulseAsync(mentor, leaderName, asksSpokeOpenly: true);

        // The final survey: opened by the manager, answered by both, then closed before anyone reads a result.
        await OpenCohortSurveysAsync(manager, "Wave 2");
        await OpenSurveyAsync(manager, "Final survey");
        await AnswerAsync(leader, "Final survey", 3);
        await AnswerAsync(mentor, "Final survey", 4);
        var final = manager.GetByRole(AriaRole.Row).Filter(new() { Has = manager.GetByRole(AriaRole.Rowheader, new() { NameRegex = new Regex($"^Final survey: {Program}, Wave 2") }) });
        await CloseNowAsync(manager, "Final survey");
        await manager.ReloadAsync();
        await Expect(final).Not.ToContainTextAsync("(open)");

        await final.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Final survey") }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = $"Final survey: {Program}, Wave 2", Level = 1 })).ToBeVisibleAsync();
        await Expect(manager.GetByText(NotReportable()).First).ToBeVisibleAsync();
        await _audit.CheckAsync(manager);

        await manager.GotoAsync("/Programs");
        await manager.GetByRole(AriaRole.Link, new() { Name = Program }).First.ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Impact report", Exact = true }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = $"Impact report: {Program}", Level = 1 })).ToBeVisibleAsync();
        await _audit.CheckAsync(manager);
        var waves = manager.Locator("#waves-heading + * table");
        var wave2 = await WaveColumnAsync(waves, "Wave 2");
        var pilot = await WaveColumnAsync(waves, "Pilot");
        var firstScale = waves.Locator("tbody tr").First.Locator("td");
        // The wave's two people do not make a group of five; and the program's change and the pilot's are never both shown,
        // since the one minus the other would describe those two. Which of them the gate holds back, or whether it holds back
        // both (it weighs every figure on the page together), is the gate's choice.
        var learning = manager.Locator("section[aria-labelledby=learning-heading] tbody tr").First.Locator("td");
        await Expect(firstScale.Nth(wave2)).ToHaveTextAsync(HeldBack());
        var subtraction = new Regex("^Not shown: together with another figure on this page it would describe fewer than 5 people by subtraction");
        var (whole, part) = ((await learning.First.TextContentAsync())!.Trim(), (await firstScale.Nth(pilot).TextContentAsync())!.Trim());
        Assert.True(subtraction.IsMatch(whole) || subtraction.IsMatch(part), $"the program's change \"{whole}\" and the pilot's \"{part}\": at least one is held back");
        var managersFigures = await FiguresAsync(manager);

        // The participants the sponsor must never see: the wave's new pair and every pilot pair, as the manager sees them.
        var people = new List<string> { leaderName, leaderPerson.Email, mentorName, mentorPerson.Email };
        await manager.GotoAsync("/Programs");
        await manager.GetByRole(AriaRole.Link, new() { Name = Program }).First.ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Health of Pilot" }).ClickAsync();
        foreach (var pair in await manager.Locator("a[href^='/Health/Pair?id=']").AllTextContentsAsync())
            people.AddRange(pair.Split(" and ", StringSplitOptions.TrimEntries));
        Assert.True(people.Count > 6, "the pilot's pairs, by name");

        await using var sponsorContext = await app.NewContextAsync();
        var sponsor = await SignedIn(sponsorContext, Sponsor);
        await sponsor.GetByRole(AriaRole.Link, new() { Name = "Your programs in figures" }).ClickAsync();
        await _audit.CheckAsync(sponsor);
        await sponsor.GetByRole(AriaRole.Link, new() { Name = Program }).First.ClickAsync();
        await Expect(sponsor.GetByRole(AriaRole.Heading, new() { Name = Program, Level = 1 })).ToBeVisibleAsync();
        await _audit.CheckAsync(sponsor);
        await sponsor.GetByRole(AriaRole.Link, new() { Name = "Impact report", Exact = true }).ClickAsync();
        await Expect(sponsor.GetByRole(AriaRole.Heading, new() { Name = $"Impact report: {Program}", Level = 1 })).ToBeVisibleAsync();
        await _audit.CheckAsync(sponsor);
        Assert.Equal(managersFigures, await FiguresAsync(sponsor));
        await Expect(sponsor.Locator("#waves-heading + * table tbody tr").First.Locator("td").Nth(wave2)).ToHaveTextAsync(HeldBack());
        var report = await sponsor.ContentAsync();
        foreach (var who in people) Assert.DoesNotContain(who, report, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@flipside.demo", report, StringComparison.OrdinalIgnoreCase);

        string[] visited = ["/Surveys", "/Surveys/Answer", "/Surveys/Pulse", "/Surveys/Cohort", "/Surveys/Results", "/Impact/Report", "/Sponsors", "/Sponsors/Program"];
        Assert.Empty(visited.Except(_audit.Pages));
        _audit.AssertClean();
    }

    /// <summary>Which cell of a row of the waves table is this wave's, read from the column headers.</summary>
    private static async Task<int> WaveColumnAsync(ILocator waves, string wave)
    {
        var headers = await waves.Locator("thead th").AllInnerTextsAsync();
        var column = headers.ToList().FindIndex(h => h.Contains(wave, StringComparison.Ordinal));
        Assert.True(column > 0, $"no column for {wave} among: {string.Join(" | ", headers)}");
        // The first header is the figure's; the cells of a row start after its row header.
        return column - 1;
    }
}
