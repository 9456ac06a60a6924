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
        var accounts = page.GetByRole(AriaRole.Link, new() { Name = "Accounts" });
        await Expect(accounts).ToBeHiddenAsync();
        await Expect(toggler).ToHaveAttributeAsync("aria-expanded", "false");

        await toggler.ClickAsync();

        await Expect(accounts).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
        await Expect(toggler).ToHaveAttributeAsync("aria-expanded", "true");
        Assert.Empty(consoleErrors);
    }
}
