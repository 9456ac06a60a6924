using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flipside.BrowserTests;

/// <summary>
/// Issue 11 end to end on the demo's second wave: the manager edits a module everyone must take, so nobody has finished
/// their training; pairs two by hand on the board and cannot publish the pair; both partners complete their training, the manager publishes; both
/// acknowledge the guidelines and sign the agreement; the leader proposes a time from the overlap and the mentor accepts;
/// a meeting arranged to start a minute later is logged once it has started, with an action item and a private note;
/// the manager's meetings page shows it held and the counts, never the note. axe-core on each page.
/// </summary>
public sealed partial class RelationshipJourneyTests(DemoFlipside app) : IClassFixture<DemoFlipside>
{
    private static readonly Person Manager = new("Priya Programme", "manager@flipside.demo", DemoFlipside.Password);
    private static readonly Person Admin = new("Alex Admin", "admin@flipside.demo", DemoFlipside.Password);
    private const string PrivateNote = "Sofia's team reads the dashboard upside down; ask her how before the next review";
    private const string Learned = "How the frontline team uses the rota app on their phones";
    private const string ActionItem = "Try the rota app for a week";

    private readonly AxeAudit _audit = new();

    [GeneratedRegex("cohortId=([0-9a-f-]{36})")]
    private static partial Regex CohortIdInUrl();

    [GeneratedRegex(@"times in your zone \(([^)]+)\)")]
    private static partial Regex MyZone();

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

    /// <summary>
    /// Every unfinished module, as a person would: answer, read which answers need another look, try again.
    /// The questions are not known to the test, so each wrong answer moves on to the next choice.
    /// </summary>
    private async Task CompleteTrainingAsync(IPage page)
    {
        await page.GotoAsync("/Enrollment/Mine");
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Training for Digital fluency") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Training", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByText(new Regex(@"^\d+ of \d+ modules? done\.$"))).ToBeVisibleAsync();
        await _audit.CheckAsync(page);
        var audited = false;
        for (var module = 0; module < 20; module++)
        {
            var next = page.Locator("li", new() { HasText = "Not done" }).GetByRole(AriaRole.Link);
            if (await next.CountAsync() == 0) break;
            await next.First.ClickAsync();
            var questions = page.Locator("form fieldset");
            var choices = new int[await questions.CountAsync()];
            for (var attempt = 0; ; attempt++)
            {
                Assert.True(attempt < 6, $"{page.Url}: no combination of answers was accepted.");
                for (var q = 0; q < choices.Length; q++)
                    await questions.Nth(q).Locator("input[type=radio]").Nth(choices[q]).CheckAsync();
                await page.GetByLabel("I have read this module and will act on it.").CheckAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Complete the module" }).ClickAsync();
                await Expect(page.GetByText(new Regex("^(Module done\\.|Not quite:)")).First).ToBeVisibleAsync();
                if (!audited)
                {
                    await _audit.CheckAsync(page);
                    audited = true;
                }
                if (await page.GetByText(new Regex("^Not quite:")).CountAsync() == 0) break;
                for (var q = 0; q < choices.Length; q++)
                    if (await questions.Nth(q).Locator("p.text-danger").CountAsync() > 0) choices[q]++;
            }
        }
        await Expect(page.GetByText("All done: thank you.")).ToBeVisibleAsync();
        await _audit.CheckAsync(page);
    }

    private async Task FreeOnWeekdaysAsync(IPage page)
    {
        var mine = await Flows.OkAsync(page.APIRequest.GetAsync("/api/v1/enrollments/mine"));
        await page.GotoAsync($"/Enrollment/Profile?id={(await mine.JsonAsync())!.Value[0].GetProperty("enrollmentId").GetString()}");
        foreach (var day in new[] { "Monday", "Tuesday", "Wednesday", "Thursday", "Friday" })
        {
            await page.GetByLabel($"{day} range 1 from").SelectOptionAsync("0");
            await page.GetByLabel($"{day} range 1 to").SelectOptionAsync("24");
            await page.GetByLabel($"{day} range 2 from").SelectOptionAsync("");
            await page.GetByLabel($"{day} range 2 to").SelectOptionAsync("");
        }
        await page.GetByRole(AriaRole.Button, new() { Name = "Save and finish" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Your profile is complete.");
    }

    private async Task AcknowledgeAndSignAsync(IPage page, string partner)
    {
        await page.GotoAsync("/Enrollment/Mine");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Agreement with {partner}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Our agreement in Digital fluency for leaders", Level = 1 })).ToBeVisibleAsync();
        var sign = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Sign version ") });
        await Expect(sign).ToBeDisabledAsync();
        await _audit.CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "I have read and will follow these guidelines" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("the guidelines are acknowledged");
        await sign.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("You signed the agreement.");
        await _audit.CheckAsync(page);
    }

    [Fact]
    public async Task BothTrain_SignTheAgreement_MeetAndLogIt_AndTheManagerSeesTheCountsButNotTheNote()
    {
        await using var managerContext = await app.NewContextAsync();
        var manager = await SignedIn(managerContext, Manager);
        await manager.GetByRole(AriaRole.Link, new() { Name = "Programs", Exact = true }).ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Digital fluency for leaders" }).First.ClickAsync();
        // The demo's people have done their training; the manager adds a line to a module both roles must take, so
        // everyone has it to take again before a pair is published.
        await manager.GetByRole(AriaRole.Link, new() { Name = "Training", Exact = true }).ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Edit Confidentiality and boundaries" }).ClickAsync();
        var body = manager.GetByLabel(new Regex("^Text \\(Markdown"));
        await body.FillAsync(await body.InputValueAsync() + "\n\n**In our company** a pair's notes never go into a performance review.");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Save the module" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status).First).ToContainTextAsync("The module is saved.");
        await manager.GotoAsync("/Programs");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Digital fluency for leaders" }).First.ClickAsync();
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

        await manager.Locator("#byhand-mentee").SelectOptionAsync(new SelectOptionValue { Label = leaderName });
        await manager.Locator("#byhand-mentor").SelectOptionAsync(new SelectOptionValue { Label = mentorName });
        await manager.GetByRole(AriaRole.Button, new() { Name = "Pair them" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status).First).ToContainTextAsync("The pair is made, approved and locked.");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Publish 1 approved pair" }).ClickAsync();
        await Expect(manager.GetByText(new Regex("^Nothing was published: a pairing is published once both partners have finished"))).ToBeVisibleAsync();
        await Expect(manager.GetByText(new Regex($"{Regex.Escape(leaderName)} has not finished"))).ToBeVisibleAsync();
        await _audit.CheckAsync(manager);

        await using var adminContext = await app.NewContextAsync();
        var admin = await SignedIn(adminContext, Admin);
        await using var leaderContext = await app.NewContextAsync();
        var leader = await Invited(admin, leaderContext, leaderPerson);
        await using var mentorContext = await app.NewContextAsync();
        var mentor = await Invited(admin, mentorContext, mentorPerson);
        // The demo's weekly hours are random; both say they are free on weekdays, so the two have hours in common.
        await FreeOnWeekdaysAsync(leader);
        await FreeOnWeekdaysAsync(mentor);
        await CompleteTrainingAsync(leader);
        await CompleteTrainingAsync(mentor);

        await manager.GotoAsync($"/Matching/Board?cohortId={cohortId}");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Publish 1 approved pair" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status).First).ToContainTextAsync("published");
        await _audit.CheckAsync(manager);

        await AcknowledgeAndSignAsync(leader, mentorName);
        await AcknowledgeAndSignAsync(mentor, leaderName);
        await Expect(mentor.GetByText(new Regex("^Signed by both on "))).ToBeVisibleAsync();

        // The leader proposes a time from the overlap, and one that starts in two minutes, the only way to have a
        // meeting to log: the app refuses a past time, and the running server keeps the real clock.
        await leader.GotoAsync("/Enrollment/Mine");
        await leader.GetByRole(AriaRole.Link, new() { Name = $"Meetings with {mentorName}" }).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Heading, new() { Name = $"Meetings with {mentorName}", Level = 1 })).ToBeVisibleAsync();
        await _audit.CheckAsync(leader);
        var slots = leader.Locator("section[aria-labelledby=plan] li");
        await Expect(slots.First).ToBeVisibleAsync();
        // The last suggestion is weeks away, clear of the near meeting below.
        await slots.Last.GetByRole(AriaRole.Button).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Status).First).ToContainTextAsync("Proposed. Your partner gets the invite to accept.");
        await _audit.CheckAsync(leader);

        var zone = TimeZoneInfo.FindSystemTimeZoneById(MyZone().Match((await leader.Locator("main p", new() { HasTextRegex = MyZone() }).TextContentAsync())!).Groups[1].Value);
        var now = DateTimeOffset.UtcNow;
        var startsAt = new DateTimeOffset(now.Ticks - now.Ticks % TimeSpan.TicksPerMinute, TimeSpan.Zero).AddMinutes(2);
        var local = TimeZoneInfo.ConvertTime(startsAt, zone).DateTime;
        await leader.GetByLabel(new Regex("^Date and time \\(your zone")).FillAsync(local.ToString("yyyy-MM-ddTHH:mm", CultureInfo.InvariantCulture));
        await leader.Locator("#Input_Minutes").FillAsync("15");
        await leader.GetByRole(AriaRole.Button, new() { Name = "Propose this time" }).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Status).First).ToContainTextAsync("Proposed.");

        await mentor.GotoAsync("/Enrollment/Mine");
        await mentor.GetByRole(AriaRole.Link, new() { Name = $"Meetings with {leaderName}" }).ClickAsync();
        var accept = mentor.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Accept ") });
        await Expect(accept).ToHaveCountAsync(2);
        await _audit.CheckAsync(mentor);
        await accept.First.ClickAsync();
        await Expect(mentor.GetByRole(AriaRole.Status).First).ToContainTextAsync("Accepted.");
        await Expect(accept).ToHaveCountAsync(1);
        await accept.First.ClickAsync();
        await Expect(accept).ToHaveCountAsync(0);
        await _audit.CheckAsync(mentor);

        // Once it has started, the meeting moves to Past, where it is logged.
        var wait = startsAt - DateTimeOffset.UtcNow + TimeSpan.FromSeconds(2);
        if (wait > TimeSpan.Zero) await Task.Delay(wait);
        await leader.ReloadAsync();
        await leader.GetByRole(AriaRole.Link, new() { Name = "Log this meeting" }).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Heading, new() { Name = $"Meeting with {mentorName}", Level = 1 })).ToBeVisibleAsync();
        await _audit.CheckAsync(leader);
        await leader.GetByLabel("Yes, we met").CheckAsync();
        await leader.GetByLabel("How long (minutes)").FillAsync("15");
        await leader.Locator("input[name='Input.Topics']").First.CheckAsync();
        await leader.GetByLabel($"What you learned from {mentorName.Split(' ')[0]}").FillAsync(Learned);
        await leader.GetByRole(AriaRole.Button, new() { Name = "Save the log" }).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Status).First).ToContainTextAsync("Saved.");
        await leader.GetByLabel("What is to be done").FillAsync(ActionItem);
        await leader.GetByLabel("Who", new() { Exact = true }).SelectOptionAsync("Mentee");
        await leader.GetByLabel("Due").FillAsync(DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await leader.GetByRole(AriaRole.Button, new() { Name = "Add the action item" }).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Status).First).ToContainTextAsync("Action item added.");
        await Expect(leader.GetByRole(AriaRole.Button, new() { Name = $"Mark done {ActionItem}" })).ToBeVisibleAsync();
        await _audit.CheckAsync(leader);

        await leader.GetByRole(AriaRole.Link, new() { Name = "Notes on this meeting" }).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Heading, new() { Name = $"Notes with {mentorName}", Level = 1 })).ToBeVisibleAsync();
        await leader.GetByLabel("Note", new() { Exact = true }).FillAsync(PrivateNote);
        await Expect(leader.GetByLabel(new Regex("^Share with "))).Not.ToBeCheckedAsync();
        await leader.GetByRole(AriaRole.Button, new() { Name = "Save note" }).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Status).First).ToContainTextAsync("Your note is saved. Only you can read it.");
        await Expect(leader.Locator("p.conversation-text", new() { HasText = PrivateNote })).ToBeVisibleAsync();
        await _audit.CheckAsync(leader);
        var notesUrl = leader.Url;

        // The partner does not see a private note.
        await mentor.GotoAsync(notesUrl);
        await Expect(mentor.GetByRole(AriaRole.Heading, new() { Name = $"Notes with {leaderName}", Level = 1 })).ToBeVisibleAsync();
        await Expect(mentor.GetByText(PrivateNote)).ToHaveCountAsync(0);

        await manager.GotoAsync("/Programs");
        await manager.GetByRole(AriaRole.Link, new() { Name = "Digital fluency for leaders" }).First.ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Enrolment and profiles of Wave 2" }).ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Meetings of Wave 2" }).ClickAsync();
        var row = manager.GetByRole(AriaRole.Row).Filter(new() { Has = manager.GetByRole(AriaRole.Rowheader, new() { Name = leaderName, Exact = true }) });
        await Expect(row).ToHaveCountAsync(1);
        var cells = row.GetByRole(AriaRole.Cell);
        await Expect(cells.Nth(0)).ToHaveTextAsync(mentorName);
        await Expect(cells.Nth(1)).ToHaveTextAsync(new Regex(@"^1 / \d+$"));
        await Expect(cells.Nth(2)).ToHaveTextAsync(DateTime.UtcNow.ToString("d MMM yyyy", CultureInfo.InvariantCulture));
        await Expect(cells.Nth(3)).ToHaveTextAsync("1");
        await Expect(cells.Nth(7)).ToHaveTextAsync("0 / 1");
        await _audit.CheckAsync(manager);
        var content = await manager.ContentAsync();
        foreach (var secret in new[] { PrivateNote, Learned, ActionItem })
            Assert.DoesNotContain(secret, content, StringComparison.Ordinal);

        await manager.GoBackAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Agreements and goals of Wave 2" }).ClickAsync();
        var agreementRow = manager.GetByRole(AriaRole.Row).Filter(new() { HasText = leaderName }).Filter(new() { HasText = mentorName });
        await Expect(agreementRow).ToContainTextAsync("both acknowledged");
        await Expect(agreementRow).ToContainTextAsync("Signed by both on");
        await _audit.CheckAsync(manager);

        // Not through the note's own address either.
        var notes = await manager.GotoAsync(notesUrl);
        Assert.True(notes!.Status is 403 or 404, $"The manager opened the pair's notes: HTTP {notes.Status}.");
        Assert.DoesNotContain(PrivateNote, await manager.ContentAsync(), StringComparison.Ordinal);

        string[] visited = ["/Training", "/Training/Module", "/Agreements/Agreement", "/Sessions/Meetings", "/Sessions/Log", "/Conversations/Notes",
            "/Sessions/Cohort", "/Agreements/Cohort", "/Matching/Board"];
        Assert.Empty(visited.Except(_audit.Pages));
        _audit.AssertClean();
    }
}
