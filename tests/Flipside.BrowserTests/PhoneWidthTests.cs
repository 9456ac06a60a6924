using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flipside.BrowserTests;

/// <summary>At a phone's width (390×844) pages fit the screen and the menu folds behind its toggler.</summary>
[Collection(AdministeredFlipsideCollection.Name)]
public sealed class PhoneWidthTests(AdministeredFlipside app)
{
    [Theory]
    [InlineData("/")]
    [InlineData("/Admin/Invite")]
    [InlineData("/Admin/Outbox")]
    [InlineData("/Programs")]
    [InlineData("/Programs/New")]
    [InlineData("/Programs/Edit?template=ai-readiness")]
    public async Task Page_AtPhoneWidth_HasNoHorizontalScroll(string path)
    {
        await using var context = await app.NewAdministratorContextAsync(390, 844, bypassCsp: false);
        var page = await context.NewPageAsync();

        await page.GotoAsync(path);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{path} is {widths[0]} px wide in a {widths[1]} px window: it scrolls sideways.");
    }

    [Fact]
    public async Task NavbarToggler_AtPhoneWidth_OpensTheMenu()
    {
        // The real CSP applies here, so a policy that blocked Bootstrap's script would show as a console error.
        await using var context = await app.NewAdministratorContextAsync(390, 844, bypassCsp: false);
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, message) => { if (message.Type == "error") consoleErrors.Add(message.Text); };
        await page.GotoAsync("/");
        var toggler = page.GetByRole(AriaRole.Button, new() { Name = "Show navigation" });
        var accounts = page.GetByRole(AriaRole.Link, new() { Name = "Accounts", Exact = true });
        await Expect(accounts).ToBeHiddenAsync();
        await Expect(toggler).ToHaveAttributeAsync("aria-expanded", "false");

        await toggler.ClickAsync();

        await Expect(accounts).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Expect(toggler).ToHaveAttributeAsync("aria-expanded", "true");
        Assert.Empty(consoleErrors);
    }
}

/// <summary>
/// The participant's profile and the manager's roster at a phone's width, on the demo: every choice in a select box
/// shows in full, and the roster's table scrolls inside its own box with each row's name still in view.
/// </summary>
public sealed class PhoneWidthDemoTests(DemoFlipside app) : IClassFixture<DemoFlipside>
{
    private static readonly Person Manager = new("Priya Programme", "manager@flipside.demo", DemoFlipside.Password);
    private static readonly Person Mentor = new("Maya Mentor", "mentor@flipside.demo", DemoFlipside.Password);

    private async Task<(IBrowserContext Context, IPage Page)> PhoneSignedIn(Person person)
    {
        var context = await app.NewContextAsync(390, 844, bypassCsp: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await Flows.SignInAsync(page, person);
        return (context, page);
    }

    private static async Task AssertNoSidewaysScroll(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} is {widths[0]} px wide in a {widths[1]} px window: it scrolls sideways.");
    }

    [Fact]
    public async Task TheProfile_AtPhoneWidth_ShowsEveryChoiceOfEverySelectBoxInFull()
    {
        var (context, page) = await PhoneSignedIn(Mentor);
        await using var _ = context;
        var mine = await Flows.OkAsync(page.APIRequest.GetAsync("/api/v1/enrollments/mine"));
        var id = (await mine.JsonAsync())!.Value[0].GetProperty("enrollmentId").GetString();

        await page.GotoAsync($"/Enrollment/Profile?id={id}");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "My matching profile", Level = 1 })).ToBeVisibleAsync();
        await AssertNoSidewaysScroll(page);
        // A select draws its chosen option's text in the room its padding (and arrow) leave; text wider than that is cut.
        var cut = await page.EvaluateAsync<string[]>("""
            () => {
                const context = document.createElement('canvas').getContext('2d');
                const cut = [];
                for (const select of document.querySelectorAll('select')) {
                    const style = getComputedStyle(select);
                    context.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
                    const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                    for (const option of select.options) {
                        const width = context.measureText(option.text).width;
                        if (width > room) cut.push(`${select.id}: "${option.text}" needs ${Math.ceil(width)} px and has ${Math.floor(room)}`);
                    }
                }
                return cut;
            }
            """);
        Assert.True(await page.Locator("select").CountAsync() > 20, "the profile has its level and time selects");
        Assert.True(cut.Length == 0, "Select boxes too narrow for their values at 390 px:\n" + string.Join("\n", cut.Distinct()));
    }

    [Theory]
    [InlineData("Digital fluency for leaders", "Wave 2")]
    [InlineData("Gen Z values and expectations", "Wave 1")]
    public async Task TheRoster_AtPhoneWidth_FitsAndItsTableScrollsInItsOwnBox_WithTheNamesInView(string program, string cohort)
    {
        var (context, page) = await PhoneSignedIn(Manager);
        await using var _ = context;
        await page.GotoAsync("/Programs");
        await page.GetByRole(AriaRole.Link, new() { Name = program }).First.ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = $"Enrolment and profiles of {cohort}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{program} · {cohort}", Level = 1 })).ToBeVisibleAsync();

        await AssertNoSidewaysScroll(page);
        var table = page.Locator("table.roster-table");
        await Expect(table).ToBeVisibleAsync();
        // Scrolled to its far end, the box still shows each row's name at its left edge, above the cells that pass under it.
        var hidden = await table.EvaluateAsync<string[]>("""
            table => {
                const box = table.parentElement;
                box.scrollLeft = box.scrollWidth;
                const edge = box.getBoundingClientRect().left;
                return [...table.querySelectorAll('tbody tr')].map(row => {
                    const name = row.cells[0];
                    // elementFromPoint sees only the viewport: bring the row into it at once (Bootstrap makes scrolling smooth),
                    // leaving the box's own scroll alone.
                    window.scrollTo({ top: name.getBoundingClientRect().top + window.scrollY - 100, behavior: 'instant' });
                    const r = name.getBoundingClientRect();
                    const top = document.elementFromPoint(r.left + 4, r.top + r.height / 2);
                    return Math.abs(r.left - edge) <= 1 && name.contains(top) ? '' : name.textContent.trim();
                }).filter(n => n.length > 0);
            }
            """);
        Assert.True(hidden.Length == 0, "Names out of view when the roster is scrolled: " + string.Join(", ", hidden));
        await AssertNoSidewaysScroll(page);
    }

    /// <summary>The pages of issue 11, for a pilot mentor and the pilot's manager.</summary>
    [Fact]
    public async Task TheRelationshipPages_AtPhoneWidth_HaveNoSidewaysScroll()
    {
        var wide = new List<string>();
        foreach (var (person, find) in new (Person, Func<IPage, Task<IReadOnlyList<string>>>)[]
                 { (RelationshipPages.Mentor, RelationshipPages.OfParticipantAsync), (RelationshipPages.Manager, RelationshipPages.OfManagerAsync) })
        {
            var (context, page) = await PhoneSignedIn(person);
            await using var _ = context;
            foreach (var path in await find(page))
            {
                await page.GotoAsync(path);
                await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
                var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, window.innerWidth]");
                if (widths[0] > widths[1]) wide.Add($"{path} is {widths[0]} px wide in a {widths[1]} px window");
            }
        }
        Assert.True(wide.Count == 0, "Pages that scroll sideways at 390 px:\n" + string.Join("\n", wide));
    }
}
