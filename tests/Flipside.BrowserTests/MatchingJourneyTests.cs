using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flipside.BrowserTests;

/// <summary>
/// Issue 10 end to end on the demo: the manager runs matching on the second wave, tunes a weight and sees the
/// preview, locks and rejects pairs, pairs two by hand, re-runs (keeping both), approves and publishes; a junior mentor of the pilot sees the partner
/// and why, then leaves privately, and the leader sees only that the program ended the pairing. axe-core on each page.
/// </summary>
public sealed class MatchingJourneyTests(DemoFlipside app) : IClassFixture<DemoFlipside>
{
    private static readonly Person Manager = new("Priya Programme", "manager@flipside.demo", DemoFlipside.Password);
    private static readonly Person Mentor = new("Maya Mentor", "mentor@flipside.demo", DemoFlipside.Password);
    private static readonly Person Admin = new("Alex Admin", "admin@flipside.demo", DemoFlipside.Password);
    private const string Reason = "Our meetings keep being moved at the last minute";

    private readonly AxeAudit _audit = new();

    private async Task<IPage> SignedIn(IBrowserContext context, Person person)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.App.BaseUrl, "/Account/SignIn").ToString());
        await Flows.SignInAsync(page, person);
        return page;
    }

    /// <summary>Rejects the pair whose button this is and returns its leader and mentor, read from the button's name.</summary>
    private static async Task<(string Leader, string Mentor)> Reject(IPage page, ILocator button)
    {
        var names = (await button.GetAttributeAsync("aria-label"))!["Reject ".Length..].Split(" with ");
        await button.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).First).ToContainTextAsync("rejected");
        return (names[0], names[1]);
    }

    [Fact]
    public async Task Manager_RunsTunesLocksPairsByHandRerunsAndPublishes_ThenAJuniorLeavesAndTheLeaderSeesOnlyThatItEnded()
    {
        await using var managerContext = await app.NewContextAsync();
        var manager = await SignedIn(managerContext, Manager);
        await manager.GetByRole(AriaRole.Link, new() { Name = "Programs", Exact = true }).ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Digital fluency for leaders" }).First.ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Matching and pairs of Wave 2" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Name = "Matching: Wave 2", Level = 1 })).ToBeVisibleAsync();
        await _audit.CheckAsync(manager);

        await manager.GetByRole(AriaRole.Button, new() { Name = "Run matching" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status).First).ToContainTextAsync("Matching ran:");
        await _audit.CheckAsync(manager);

        await manager.GetByLabel("Interests in common").FillAsync("9");
        await Expect(manager.Locator("#preview")).ToContainTextAsync("With these weights:");

        var lockButtons = manager.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Lock ") });
        await lockButtons.First.ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status).First).ToContainTextAsync("The pair is locked");
        // Two rejections free two leaders and two mentors (each mentor takes one leader), so there is someone to pair by hand.
        var rejectButtons = manager.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Reject ") });
        var (leaderByHand, _) = await Reject(manager, rejectButtons.Last);
        var (_, mentorByHand) = await Reject(manager, rejectButtons.Last);

        await manager.Locator("#byhand-mentee").SelectOptionAsync(new SelectOptionValue { Label = leaderByHand });
        await manager.Locator("#byhand-mentor").SelectOptionAsync(new SelectOptionValue { Label = mentorByHand });
        await manager.GetByRole(AriaRole.Button, new() { Name = "Pair them" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status).First).ToContainTextAsync("The pair is made, approved and locked.");
        var byHandRow = manager.GetByRole(AriaRole.Row).Filter(new() { Has = manager.GetByRole(AriaRole.Rowheader, new() { Name = leaderByHand, Exact = true }) })
            .Filter(new() { HasText = "by hand" });
        await Expect(byHandRow).ToContainTextAsync(mentorByHand);
        await Expect(byHandRow).ToContainTextAsync("approved, locked, by hand");
        await _audit.CheckAsync(manager);

        await manager.GetByRole(AriaRole.Button, new() { Name = "Run matching" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status).First).ToContainTextAsync("Matching ran:");
        await Expect(manager.GetByRole(AriaRole.Cell, new() { NameRegex = new Regex("locked") })).ToHaveCountAsync(2);
        await Expect(byHandRow).ToContainTextAsync(mentorByHand);
        await Expect(manager.GetByText(new Regex("^Since the previous run"))).ToBeVisibleAsync();

        await manager.GetByText(new Regex("^\\d+ reasons?$")).First.ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Profiles side by side" }).First.ClickAsync();
        await Expect(manager.Locator("mark").First).ToBeVisibleAsync();
        await _audit.CheckAsync(manager);
        await manager.GoBackAsync();

        await manager.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Approve all") }).ClickAsync();
        await manager.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Publish \\d+ approved") }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status).First).ToContainTextAsync("published");
        await Expect(manager.GetByRole(AriaRole.Row).Filter(new() { HasText = mentorByHand }).Filter(new() { HasText = "active" })
            .Filter(new() { Has = manager.GetByRole(AriaRole.Rowheader, new() { Name = leaderByHand, Exact = true }) })).ToHaveCountAsync(1);
        await _audit.CheckAsync(manager);

        // The pilot's junior mentor sees the partner and why, then leaves privately.
        await using var mentorContext = await app.NewContextAsync();
        var mentor = await SignedIn(mentorContext, Mentor);
        await mentor.GotoAsync(new Uri(app.App.BaseUrl, "/Enrollment/Mine").ToString());
        var heading = mentor.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Your leader in Digital fluency for leaders: ") });
        await Expect(heading).ToBeVisibleAsync();
        var partnerName = (await heading.TextContentAsync())!.Split(": ")[1].Trim();
        await Expect(mentor.GetByRole(AriaRole.Heading, new() { Name = "Why you were matched" })).ToBeVisibleAsync();
        var partnerEmail = (await mentor.Locator("article p").Filter(new() { HasTextRegex = new Regex("time zone") }).First.TextContentAsync())!
            .Split(" · ").Last().Trim();
        await _audit.CheckAsync(mentor);
        await mentor.GetByText("Pause or leave this pairing").ClickAsync();
        await mentor.GetByLabel("Reason (optional, for the program manager only)").FillAsync(Reason);
        await mentor.GetByRole(AriaRole.Button, new() { Name = "End the pairing" }).ClickAsync();
        await Expect(mentor.GetByRole(AriaRole.Status).First).ToContainTextAsync("Your pairing has ended");

        // The leader has no account yet: the administrator invites them, as for anyone in the directory.
        await using var adminContext = await app.NewContextAsync();
        var admin = await SignedIn(adminContext, Admin);
        var leader = new Person(partnerName, partnerEmail, DemoFlipside.Password);
        await Flows.SendInvitationAsync(admin, leader, "Participant");
        var link = await Flows.ReadInvitationLinkAsync(admin, leader.Email);
        await using var leaderContext = await app.NewContextAsync();
        var leaderPage = await leaderContext.NewPageAsync();
        await Flows.AcceptInvitationAsync(leaderPage, link, leader);
        await Flows.SignInAsync(leaderPage, leader);
        await leaderPage.GotoAsync(new Uri(app.App.BaseUrl, "/Enrollment/Mine").ToString());
        await Expect(leaderPage.GetByText("The program has ended this pairing.")).ToBeVisibleAsync();
        await Expect(leaderPage.GetByText(Reason)).ToHaveCountAsync(0);
        await _audit.CheckAsync(leaderPage);
        _audit.AssertClean();
    }
}
