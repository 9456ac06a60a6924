using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flipside.BrowserTests;

/// <summary>
/// Training on the demo (issue 11): the manager turns on supervision circles, edits a module with a preview and
/// schedules a circle for the pilot's mentors; the pilot's mentor sees the edited module to take again and the circle,
/// answers wrong (and reads why), then right. axe-core on each page.
/// </summary>
public sealed class TrainingJourneyTests(DemoFlipside app) : IClassFixture<DemoFlipside>
{
    private static readonly Person Manager = new("Priya Programme", "manager@flipside.demo", DemoFlipside.Password);
    private static readonly Person Mentor = new("Maya Mentor", "mentor@flipside.demo", DemoFlipside.Password);

    private readonly AxeAudit _audit = new();

    private async Task<IPage> SignedIn(IBrowserContext context, Person person)
    {
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(app.App.BaseUrl, "/Account/SignIn").ToString());
        await Flows.SignInAsync(page, person);
        return page;
    }

    [Fact]
    public async Task Manager_EditsAModuleAndSchedulesACircle_ThenTheMentorTakesTheModuleAgain()
    {
        await using var managerContext = await app.NewContextAsync();
        var manager = await SignedIn(managerContext, Manager);
        await manager.GetByRole(AriaRole.Link, new() { Name = "Programs", Exact = true }).ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Digital fluency for leaders" }).First.ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Training", Exact = true }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Training in");
        await _audit.CheckAsync(manager);

        await manager.GetByLabel(new Regex("^Hold supervision circles")).CheckAsync();
        await manager.GetByRole(AriaRole.Button, new() { Name = "Save the training" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status).First).ToContainTextAsync("The program's training is saved.");

        await manager.GetByRole(AriaRole.Link, new() { Name = "Edit Active listening" }).ClickAsync();
        var body = manager.GetByLabel(new Regex("^Text \\(Markdown"));
        await body.FillAsync(await body.InputValueAsync() + "\n\n**In our company** we also listen in the canteen.");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(manager.Locator(".training-module strong", new() { HasText = "In our company" })).ToBeVisibleAsync();
        await _audit.CheckAsync(manager);
        await manager.GetByRole(AriaRole.Button, new() { Name = "Save the module" }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status).First).ToContainTextAsync("The module is saved.");
        await Expect(manager.GetByRole(AriaRole.Rowheader, new() { NameRegex = new Regex("^Active listening") })).ToContainTextAsync("edited for this program");

        await manager.GotoAsync(new Uri(app.App.BaseUrl, "/Programs").ToString());
        await manager.GetByRole(AriaRole.Link, new() { Name = "Digital fluency for leaders" }).First.ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Enrolment and profiles of Pilot" }).ClickAsync();
        await manager.GetByRole(AriaRole.Link, new() { Name = "Training and supervision circles of Pilot" }).ClickAsync();
        await Expect(manager.GetByText("What is said in a circle is not logged:")).ToBeVisibleAsync();
        await manager.GetByLabel("Day").FillAsync(DateTime.UtcNow.AddDays(7).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        await manager.GetByLabel("Start").FillAsync("16:00");
        await manager.GetByLabel("Video link (optional)").FillAsync("https://video.example.com/circle");
        await manager.GetByRole(AriaRole.Button, new() { Name = "Schedule", Exact = true }).ClickAsync();
        await Expect(manager.GetByRole(AriaRole.Status).First).ToContainTextAsync("The circle is scheduled.");
        await Expect(manager.GetByRole(AriaRole.Button, new() { Name = "Cancel this circle" })).ToBeVisibleAsync();
        await _audit.CheckAsync(manager);

        await using var mentorContext = await app.NewContextAsync();
        var mentor = await SignedIn(mentorContext, Mentor);
        await mentor.GotoAsync(new Uri(app.App.BaseUrl, "/Enrollment/Mine").ToString());
        await mentor.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Training for Digital fluency") }).First.ClickAsync();
        await Expect(mentor.GetByRole(AriaRole.Heading, new() { Name = "Supervision circles" })).ToBeVisibleAsync();
        await Expect(mentor.GetByRole(AriaRole.Link, new() { Name = "video link" })).ToBeVisibleAsync();
        await _audit.CheckAsync(mentor);

        await mentor.GetByRole(AriaRole.Link, new() { Name = "Active listening" }).ClickAsync();
        await Expect(mentor.Locator(".training-module strong", new() { HasText = "In our company" })).ToBeVisibleAsync();
        await mentor.GetByLabel("Let me tell you how I would have done it.").CheckAsync();
        await mentor.GetByLabel("I have read this module and will act on it.").CheckAsync();
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Complete the module" }).ClickAsync();
        await Expect(mentor.GetByText(new Regex("^Reflecting back summarises"))).ToBeVisibleAsync();
        await _audit.CheckAsync(mentor);

        await mentor.GetByLabel(new Regex("finding time to practise")).CheckAsync();
        await mentor.GetByRole(AriaRole.Button, new() { Name = "Complete the module" }).ClickAsync();
        await Expect(mentor.GetByRole(AriaRole.Status).First).ToContainTextAsync("Module done.");
        await Expect(mentor.GetByText("All done: thank you.").First).ToBeVisibleAsync();
    }
}
