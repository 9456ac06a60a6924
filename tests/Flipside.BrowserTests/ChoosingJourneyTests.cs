using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flipside.BrowserTests;

/// <summary>
/// Issue 10, when participants choose, on the demo's second wave: the manager turns on self-matching, a leader asks a
/// suggested mentor from Choose your mentor, the mentor accepts from Requests from leaders; then the manager turns
/// on ranked choice, both rank their suggestions, and the board says how many have ranked. axe-core on each page.
/// </summary>
public sealed partial class ChoosingJourneyTests(DemoFlipside app) : IClassFixture<DemoFlipside>
{
    private static readonly Person Manager = new("Priya Programme", "manager@flipside.demo", DemoFlipside.Password);
    private static readonly Person Admin = new("Alex Admin", "admin@flipside.demo", DemoFlipside.Password);

    private readonly AxeAudit _audit = new();

    private async Task<IPage> SignedIn(IBrowserContext context, Person person)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.App.BaseUrl, "/Account/SignIn").ToString());
        await Flows.SignInAsync(page, person);
        return page;
    }

    [GeneratedRegex("cohortId=([0-9a-f-]{36})")]
    private static partial Regex CohortIdInUrl();

    private static async Task SetModeAsync(IPage manager, string programId, string mode)
    {
        await manager.GotoAsync($"/Programs/Edit?id={programId}");
        await manager.GetByLabel(mode).CheckAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Save program" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status).First).ToContainTextAsync("is saved");
    }

    /// <summary>The administrator invites someone from the directory; they set a password and sign in.</summary>
    private async Task<IPage> Invited(IPage admin, IBrowserContext context, Person person)
    {
        await admin.GotoAsync("/");
        await Flows.SendInvitationAsync(admin, person, "Participant");
        var link = await Flows.ReadInvitationLinkAsync(admin, person.Email);
        var page = await context.NewPageAsync();
        await Flows.AcceptInvitationAsync(page, link, person);
        await Flows.SignInAsync(page, person);
        return page;
    }

    [Fact]
    public async Task LeaderAsks_MentorAccepts_ThenBothRank_AndTheBoardCountsThem()
    {
        await using var managerContext = await app.NewContextAsync();
        var manager = await SignedIn(managerContext, Manager);
        await manager.GetByRole(AriaRole.Link, new() { Name = "Programs", Exact = true }).ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Digital fluency for leaders" }).First.ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Matching and pairs of Wave 2" }).ClickAsync();
        var cohortId = CohortIdInUrl().Match(manager.Url).Groups[1].Value;
        var board = JsonDocument.Parse(await (await Flows.OkAsync(manager.APIRequest.GetAsync($"/api/v1/cohorts/{cohortId}/matching"))).TextAsync()).RootElement;
        var programId = board.GetProperty("cohort").GetProperty("programId").GetString()!;
        var free = board.GetProperty("free").EnumerateArray()
            .Select(p => (Id: p.GetProperty("personId").GetString()!, Name: p.GetProperty("name").GetString()!, Role: p.GetProperty("role").GetString()!)).ToList();
        async Task<Person> Participant(string name)
        {
            var id = free.First(p => p.Name == name).Id;
            var person = JsonDocument.Parse(await (await Flows.OkAsync(manager.APIRequest.GetAsync($"/api/v1/people/{id}"))).TextAsync()).RootElement;
            return new Person(name, person.GetProperty("email").GetString()!, DemoFlipside.Password);
        }
        await SetModeAsync(manager, programId, "Leaders choose from suggested mentors, who accept or decline");

        await using var adminContext = await app.NewContextAsync();
        var admin = await SignedIn(adminContext, Admin);
        await using var leaderContext = await app.NewContextAsync();
        var leaderPerson = await Participant(free.First(p => p.Role == "Mentee").Name);
        var leader = await Invited(admin, leaderContext, leaderPerson);
        await leader.GotoAsync("/Enrollment/Mine");
        await leader.GetByRole(AriaRole.Link, new() { Name = "Choose your mentor" }).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Choose your "), Level = 1 })).ToBeVisibleAsync();
        await _audit.CheckAsync(leader);
        var mentorName = (await leader.Locator("article h2").First.TextContentAsync())!.Trim();
        await leader.Locator("article").First.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Ask ") }).ClickAsync();
        await Expect(leader.GetByRole(AriaRole.Status).First).ToContainTextAsync("Your request is sent");
        await Expect(leader.GetByText($"You asked {mentorName}.")).ToBeVisibleAsync();
        await _audit.CheckAsync(leader);

        await using var mentorContext = await app.NewContextAsync();
        var mentor = await Invited(admin, mentorContext, await Participant(mentorName));
        await mentor.GotoAsync("/Enrollment/Mine");
        await mentor.GetByRole(AriaRole.Link, new() { Name = "Requests from leaders" }).ClickAsync();
        await _audit.CheckAsync(mentor);
        await mentor.GetByRole(AriaRole.Button, new() { Name = $"Accept {leaderPerson.Name}" }).ClickAsync();
        await Expect(mentor.GetByRole(AriaRole.Status).First).ToContainTextAsync("You accepted");
        await _audit.CheckAsync(mentor);

        await SetModeAsync(manager, programId, "Both sides rank their suggestions, then matching pairs them");
        foreach (var page in new[] { leader, mentor })
        {
            await page.GotoAsync("/Enrollment/Mine");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Rank your choices") }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Rank your "), Level = 1 })).ToBeVisibleAsync();
            await _audit.CheckAsync(page);
            await page.GetByLabel(new Regex("^Your rank for ")).First.SelectOptionAsync("1");
            await page.GetByRole(AriaRole.Button, new() { Name = "Save my ranking" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("Your ranking is saved");
            await Expect(page.GetByLabel(new Regex("^Your rank for ")).First).ToHaveValueAsync("1");
            await _audit.CheckAsync(page);
        }

        await manager.GotoAsync($"/Matching/Board?cohortId={cohortId}");
        await Expect(manager.Locator("#ranking-status")).ToContainTextAsync(new Regex(@"^\s*1 of \d+ .+ and 1 of \d+ .+ have ranked\."));
        await Expect(manager.Locator("#ranking-status")).ToContainTextAsync("Ranking closes on");
        await _audit.CheckAsync(manager);
        _audit.AssertClean();
    }
}
