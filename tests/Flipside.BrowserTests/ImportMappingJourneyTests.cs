using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flipside.BrowserTests;

/// <summary>
/// An administrator imports an HR system's own export (tests/Flipside.Tests/People/hr-sample-export.csv: "Last, First"
/// names, US dates, managers by name, terminated people) through the mapping screen: the suggested columns are taken as
/// they stand, one external manager is named, the preview is checked and applied, and the people are in the directory.
/// </summary>
[Collection(AdministeredFlipsideCollection.Name)]
public sealed class ImportMappingJourneyTests(AdministeredFlipside app)
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "hr-sample-export.csv");

    [Fact]
    public async Task Administrator_MapsAnHrExport_PreviewsIt_AndFindsThePeopleInTheDirectory()
    {
        var audit = new AxeAudit();
        await using var context = await app.NewAdministratorContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync("/People/Import");
        await page.GetByLabel("CSV file").SetInputFilesAsync(Sample);
        await page.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Map the columns of hr-sample-export.csv" })).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Manager", new() { Exact = true })).ToHaveValueAsync("ManagerName");
        await Expect(page.GetByLabel("Names are written")).ToHaveValueAsync("LastFirst");
        await Expect(page.GetByLabel("Dates are written")).ToHaveValueAsync("US");
        await Expect(page.GetByLabel("The manager column gives the manager's")).ToHaveValueAsync("Name");
        await audit.CheckAsync(page);

        await page.GetByLabel("External managers, one a line").FillAsync("Board of Directors");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Check the changes before they are applied" })).ToBeVisibleAsync();
        await Expect(page.Locator("#preview-counts")).ToContainTextAsync("add 20 people");
        await Expect(page.GetByRole(AriaRole.Table, new() { Name = "The first rows as Flipside will store them" })).ToContainTextAsync("Adaeze Okonkwo");
        await audit.CheckAsync(page);

        await page.GetByLabel("I have checked these changes: apply them").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply the import" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "People", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Import applied" })).ToContainTextAsync("20 created");

        await page.GetByLabel("Name, email, employee id, title or place").FillAsync("Wilson Adinolfi");
        await page.GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Wilson K Adinolfi" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Wilson K Adinolfi" })).ToBeVisibleAsync();
        await Expect(page.GetByText("Curtis R Abernathy").First).ToBeVisibleAsync();
        await audit.CheckAsync(page);

        string[] visited = ["/People/ImportMapping", "/People/Person"];
        Assert.Empty(visited.Except(audit.Pages));
        audit.AssertClean();
    }
}
