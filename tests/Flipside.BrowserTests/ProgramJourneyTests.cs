using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flipside.BrowserTests;

/// <summary>A program manager, invited by the administrator, designs a program from a template and opens its pilot cohort.</summary>
[Collection(AdministeredFlipsideCollection.Name)]
public sealed class ProgramJourneyTests(AdministeredFlipside app)
{
    [Fact]
    public async Task ProgramManager_CreatesFromTemplate_EditsATarget_AndOpensAPilotCohort()
    {
        var audit = new AxeAudit();
        var manager = Person.Unique("Mira Okafor");
        await using (var adminContext = await app.NewAdministratorContextAsync())
        {
            var adminPage = await adminContext.NewPageAsync();
            await adminPage.GotoAsync("/");
            await Flows.SendInvitationAsync(adminPage, manager, "ProgramManager");
            var link = await Flows.ReadInvitationLinkAsync(adminPage, manager.Email);
            await Flows.AcceptInvitationAsync(adminPage, link, manager);
        }

        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await Flows.SignInAsync(page, manager, audit);

        await page.GetByRole(AriaRole.Link, new() { Name = "Programs", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Programs", Level = 1 })).ToBeVisibleAsync();
        await audit.CheckAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Start from a template" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New program", Level = 1 })).ToBeVisibleAsync();
        await audit.CheckAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Use this template for Digital fluency for leaders" }).ClickAsync();
        await Expect(page.GetByLabel("Name", new() { Exact = true })).ToHaveValueAsync("Digital fluency for leaders");
        await audit.CheckAsync(page);
        await page.GetByRole(AriaRole.Button, new() { Name = "Save program" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("\"Digital fluency for leaders\" is saved.");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "70 %" }).First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Edit program" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Programs/Edit\\?id="));
        await audit.CheckAsync(page);
        await page.GetByLabel("Target of measure 1 of objective 1").FillAsync("75");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save program" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is saved.");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "75 %" })).ToBeVisibleAsync();
        await audit.CheckAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Add a cohort" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "New cohort", Level = 1 })).ToBeVisibleAsync();
        await audit.CheckAsync(page);
        await page.GetByLabel("Cohort name").FillAsync("Pilot");
        await page.GetByLabel("Starts on").FillAsync("2027-01-11");
        await page.GetByLabel("Ends on").FillAsync("2027-07-09");
        await page.GetByLabel("Capacity (pairs)").FillAsync("11");
        await page.GetByLabel("Open for volunteers to apply").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save cohort" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Cohort \"Pilot\" is saved.");

        await page.GetByRole(AriaRole.Button, new() { Name = "Move Pilot to enrolling" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("cannot be undone");
        await page.GetByRole(AriaRole.Button, new() { Name = "Yes, move Pilot to enrolling" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Cohort moved to enrolling.");
        await Expect(page.GetByRole(AriaRole.Cell, new() { Name = "enrolling", Exact = true })).ToBeVisibleAsync();
        await audit.CheckAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Home" }).ClickAsync();
        await Expect(page.GetByText("Pilot: enrolling")).ToBeVisibleAsync();
        await audit.CheckAsync(page);

        string[] visited = ["/Programs", "/Programs/New", "/Programs/Edit", "/Programs/Program", "/Programs/Cohort", "/"];
        Assert.Empty(visited.Except(audit.Pages));
        audit.AssertClean();
    }
}
