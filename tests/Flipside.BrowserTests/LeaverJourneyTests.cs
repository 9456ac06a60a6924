using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flipside.BrowserTests;

/// <summary>
/// An administrator imports a source's full list, sees who would leave and who still reports to them, confirms, undoes
/// it from the history, and marks the same person left by hand. On the shared app, the source's name keeps the
/// "lists everyone" option to this test's own people.
/// </summary>
[Collection(AdministeredFlipsideCollection.Name)]
public sealed class LeaverJourneyTests(AdministeredFlipside app)
{
    [Fact]
    public async Task Administrator_PreviewsLeavers_UndoesTheImport_AndMarksSomeoneLeftByHand()
    {
        var audit = new AxeAudit();
        var ids = Guid.NewGuid().ToString("N")[..8];
        var source = $"HR feed {ids}";
        string Row(int n, string? manager = null) =>
            $"X-{ids}-{n},Leaver Test {ids} {n},x{n}.{ids}@example.org,Analyst,{(n == 1 ? 7 : 3)},Finance,London,Europe/London,{manager},2020-01-15";
        const string header = "employee_id,name,email,title,grade,department,location,time_zone,manager_id,hire_date";
        await using var context = await app.NewAdministratorContextAsync();
        var page = await context.NewPageAsync();

        await ImportAsync(page, source, [header, Row(1), Row(2, $"X-{ids}-1"), Row(3, $"X-{ids}-1")], everyone: false, audit);
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Import applied" })).ToContainTextAsync("3 created");

        await ImportAsync(page, source, [header, Row(2, $"X-{ids}-1"), Row(3, $"X-{ids}-1")], everyone: true, audit);
        await Expect(page.GetByText("mark 1 person as left", new() { Exact = true })).ToBeVisibleAsync();
        var stranded = page.GetByRole(AriaRole.Table, new() { Name = "2 people who would still report to someone leaving: give them a new manager" });
        await Expect(stranded.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await Expect(stranded).ToContainTextAsync($"Leaver Test {ids} 1 (X-{ids}-1)");
        await audit.CheckAsync(page);
        await page.GetByLabel("I have checked these changes").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Apply the import" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Import applied" })).ToContainTextAsync("1 marked as left");

        await page.GotoAsync("/People/Imports");
        await audit.CheckAsync(page);
        await page.GetByRole(AriaRole.Row).Filter(new() { HasText = source }).First.GetByRole(AriaRole.Link, new() { Name = "Undo import" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"from {source}?" })).ToBeVisibleAsync();
        await audit.CheckAsync(page);
        await page.GetByLabel("I want to undo import").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Undo import" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("undone: 0 people removed, 1 person restored.");
        await audit.CheckAsync(page);

        await page.GotoAsync($"/People?Search=X-{ids}-1");
        await page.GetByRole(AriaRole.Link, new() { Name = $"Leaver Test {ids} 1", Exact = true }).ClickAsync();
        await page.GetByLabel($"Leaver Test {ids} 1 has left the organisation").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Mark Leaver Test {ids} 1 as left" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is marked as left");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"2 people still report to Leaver Test {ids} 1, who has left" })).ToBeVisibleAsync();
        await audit.CheckAsync(page);

        string[] visited = ["/People/Import", "/People/Imports", "/People/Person"];
        Assert.Empty(visited.Except(audit.Pages));
        audit.AssertClean();
    }

    private static async Task ImportAsync(IPage page, string source, string[] lines, bool everyone, AxeAudit audit)
    {
        var csv = Path.Combine(Directory.CreateTempSubdirectory("flipside-leavers-").FullName, "people.csv");
        await File.WriteAllLinesAsync(csv, lines);
        try
        {
            await page.GotoAsync("/People/Import");
            await audit.CheckAsync(page);
            await page.GetByLabel("Source", new() { Exact = true }).FillAsync(source);
            await page.GetByLabel("CSV file").SetInputFilesAsync(csv);
            if (everyone)
            {
                await page.GetByLabel("This file lists everyone").CheckAsync();
                await page.GetByLabel("Only mark people whom earlier imports from this source added").CheckAsync();
            }
            await page.GetByRole(AriaRole.Button, new() { Name = "Check and import" }).ClickAsync();
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(csv)!, recursive: true);
        }
    }
}
