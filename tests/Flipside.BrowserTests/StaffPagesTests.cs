using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flipside.BrowserTests;

/// <summary>
/// The pages issue 9 changed, on the demo, as each role reaches them: under the app's real Content-Security-Policy
/// no page logs an error (an inline style it refuses, a missing favicon), and axe-core finds nothing serious.
/// </summary>
public sealed class StaffPagesTests(DemoFlipside app) : IClassFixture<DemoFlipside>
{
    private static readonly Person Admin = new("Alex Admin", "admin@flipside.demo", DemoFlipside.Password);
    private static readonly Person Manager = new("Priya Programme", "manager@flipside.demo", DemoFlipside.Password);
    private static readonly Person Mentor = new("Maya Mentor", "mentor@flipside.demo", DemoFlipside.Password);

    [Fact]
    public async Task TheChangedPages_LogNoErrorUnderTheRealPolicy_AndPassAxe()
    {
        var audit = new AxeAudit();
        var errors = new List<string>();

        await using (var admin = await Visitor.Of(app, Admin))
        {
            var page = admin.Page;
            await page.GotoAsync("/");
            await admin.CheckAsync(audit, "Welcome to Flipside");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "All programs" })).ToBeVisibleAsync();
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex(@"^[\d,]+ people in the directory$") }).ClickAsync();
            await admin.CheckAsync(audit, "People");
            await page.GotoAsync("/Admin/Outbox");
            await admin.CheckAsync(audit, "Outbox");
            await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Would you join Gen Z") }).First.ClickAsync();
            var subject = await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync();
            await admin.CheckAsync(audit, subject!.Trim());
            var link = await page.Locator("a[href*='/Account/Invitation?token=']").First.GetAttributeAsync("href");
            errors.AddRange(admin.ConsoleErrors);

            await using var invited = await Visitor.Of(app, null);
            // The demo wrote its emails before this app's address was known: the path and token are what count.
            await invited.Page.GotoAsync(new Regex(@"/Account/Invitation\?token=[A-Za-z0-9_\-]+").Match(link!).Value);
            await invited.CheckAsync(audit, (await invited.Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync())!.Trim());
            await Expect(invited.Page.GetByRole(AriaRole.Button, new() { Name = "Create my account" })).ToBeVisibleAsync();
            errors.AddRange(invited.ConsoleErrors);
        }

        await using (var manager = await Visitor.Of(app, Manager))
        {
            var page = manager.Page;
            await page.GetByRole(AriaRole.Link, new() { Name = "Outbox", Exact = true }).ClickAsync();
            await manager.CheckAsync(audit, "Emails about your programs");
            await page.GotoAsync("/Programs");
            await page.GetByRole(AriaRole.Link, new() { Name = "Digital fluency for leaders" }).First.ClickAsync();
            await manager.CheckAsync(audit, "Digital fluency for leaders");
            await page.GetByRole(AriaRole.Link, new() { Name = "Emails about this program" }).ClickAsync();
            await manager.CheckAsync(audit, "Emails about Digital fluency for leaders");
            // The pilot's months of milestones, answers and stories came after its introductions: page back to them.
            var meetYour = page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Meet your ") });
            while (await meetYour.CountAsync() == 0) await page.GetByRole(AriaRole.Link, new() { Name = "Older", Exact = true }).ClickAsync();
            await meetYour.First.ClickAsync();
            await manager.CheckAsync(audit, (await page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync())!.Trim());
            await Expect(page.Locator(".outbox-body")).ToContainTextAsync("/Enrollment/Mine");

            await page.GotoAsync("/Programs");
            await page.GetByRole(AriaRole.Link, new() { Name = "Digital fluency for leaders" }).First.ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Enrolment and profiles of Pilot" }).ClickAsync();
            await manager.CheckAsync(audit, "Digital fluency for leaders · Pilot");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Pairs", Level = 2 })).ToBeVisibleAsync();
            await Expect(page.GetByText(new Regex(@"^\d+ pairs? running in this cohort\."))).ToBeVisibleAsync();
            var first = page.Locator("table.roster-table tbody tr").First.GetByRole(AriaRole.Link);
            var name = (await first.TextContentAsync())!.Trim();
            await first.ClickAsync();
            await manager.CheckAsync(audit, name);
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Matching profile" })).ToBeVisibleAsync();

            await page.GotoAsync("/Programs");
            await page.GetByRole(AriaRole.Link, new() { Name = "Gen Z values and expectations" }).First.ClickAsync();
            await page.GetByRole(AriaRole.Link, new() { Name = "Enrolment and profiles of Wave 1" }).ClickAsync();
            await manager.CheckAsync(audit, "Gen Z values and expectations · Wave 1");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ready to match?" })).ToBeVisibleAsync();
            // Department and location come from the directory; a filter no one matches says so, not "invited 0 people".
            var departments = await page.GetByLabel("Department").Locator("option").AllTextContentsAsync();
            Assert.True(departments.Count > 2, "the directory's departments to choose from");
            // A department with nobody at grade 10 in the directory, found as the People page would.
            string? empty = null;
            foreach (var d in departments.Skip(1))
            {
                var found = await Flows.OkAsync(page.APIRequest.GetAsync($"/api/v1/people?department={Uri.EscapeDataString(d)}&grade=10"));
                if ((await found.JsonAsync())!.Value.GetProperty("total").GetInt32() == 0) { empty = d; break; }
            }
            Assert.NotNull(empty);
            await page.GetByLabel("Department").SelectOptionAsync(empty);
            await page.GetByLabel("Lowest grade").FillAsync("10");
            await page.GetByRole(AriaRole.Button, new() { Name = "Invite everyone eligible" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("No one in the directory matches this filter");
            await manager.CheckAsync(audit, "Gen Z values and expectations · Wave 1");
            errors.AddRange(manager.ConsoleErrors);
        }

        await using (var mentor = await Visitor.Of(app, Mentor))
        {
            var page = mentor.Page;
            var mine = await Flows.OkAsync(page.APIRequest.GetAsync("/api/v1/enrollments/mine"));
            var id = (await mine.JsonAsync())!.Value[0].GetProperty("enrollmentId").GetString();
            await page.GotoAsync($"/Enrollment/Profile?id={id}");
            await mentor.CheckAsync(audit, "My matching profile");
            await Expect(page.GetByText("Interests outside work (optional)")).ToBeVisibleAsync();
            errors.AddRange(mentor.ConsoleErrors);
        }

        Assert.True(errors.Count == 0, "Console errors under the real Content-Security-Policy:\n" + string.Join("\n", errors));
        string[] visited = ["/", "/People", "/Admin/Outbox", "/Admin/OutboxMessage", "/Account/Invitation", "/Programs/Outbox", "/Programs/Program",
            "/Programs/OutboxMessage", "/Enrollment/Roster", "/Enrollment/Participant", "/Enrollment/Profile"];
        Assert.Empty(visited.Except(audit.Pages));
        audit.AssertClean();
    }

    /// <summary>The pages of issue 11, for a pilot mentor and the pilot's manager.</summary>
    [Fact]
    public async Task TheRelationshipPages_LogNoErrorUnderTheRealPolicy_AndPassAxe()
    {
        var audit = new AxeAudit();
        var errors = new List<string>();
        foreach (var (person, find) in new (Person, Func<IPage, Task<IReadOnlyList<string>>>)[]
                 { (RelationshipPages.Mentor, RelationshipPages.OfParticipantAsync), (RelationshipPages.Manager, RelationshipPages.OfManagerAsync) })
        {
            await using var visitor = await Visitor.Of(app, person);
            foreach (var path in await find(visitor.Page))
            {
                visitor.ConsoleErrors.Clear();
                await visitor.Page.GotoAsync(path);
                await visitor.CheckAsync(audit, (await visitor.Page.GetByRole(AriaRole.Heading, new() { Level = 1 }).TextContentAsync())!.Trim());
                errors.AddRange(visitor.ConsoleErrors);
            }
        }

        Assert.True(errors.Count == 0, "Console errors under the real Content-Security-Policy:\n" + string.Join("\n", errors));
        string[] visited = ["/Sessions/Meetings", "/Sessions/Calendar", "/Agreements/Agreement", "/Goals/Pairing", "/Conversations/Notes",
            "/Conversations/Messages", "/Training", "/Nudges/Settings", "/Sessions/Cohort", "/Agreements/Cohort", "/Training/Cohort", "/Training/Program", "/Nudges/Program"];
        Assert.Empty(visited.Except(audit.Pages));
        audit.AssertClean();
    }
}
