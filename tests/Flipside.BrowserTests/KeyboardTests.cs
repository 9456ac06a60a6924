using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flipside.BrowserTests;

/// <summary>Someone who cannot use a mouse can skip the header and sign in with Tab alone.</summary>
[Collection(AdministeredFlipsideCollection.Name)]
public sealed partial class KeyboardTests(AdministeredFlipside app)
{
    [Fact]
    public async Task SignIn_FirstTabFocusesSkipLink_ThenTabReachesEmailPasswordAndSignIn()
    {
        await using var context = await app.NewContextAsync(bypassCsp: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");

        await page.Keyboard.PressAsync("Tab");
        var skip = page.GetByRole(AriaRole.Link, new() { Name = "Skip to content" });
        await Expect(skip).ToBeFocusedAsync();
        await Expect(skip).ToBeInViewportAsync();

        await TabUntilFocusedAsync(page, page.GetByLabel("Email"));
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByLabel("Password")).ToBeFocusedAsync();
        await page.Keyboard.PressAsync("Tab");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeFocusedAsync();
    }

    [Fact]
    public async Task SkipLink_MovesFocusToTheMainContent()
    {
        await using var context = await app.NewContextAsync(bypassCsp: false);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");

        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page).ToHaveURLAsync(MainFragment());
        await Expect(page.Locator("main")).ToBeFocusedAsync();
    }

    /// <summary>Tabs past whatever the header holds (a few stops at most) and names every stop if the target never comes.</summary>
    private static async Task TabUntilFocusedAsync(IPage page, ILocator target)
    {
        var stops = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            if (await target.EvaluateAsync<bool>("e => e === document.activeElement")) return;
            stops.Add(await page.EvaluateAsync<string>("() => document.activeElement?.outerHTML.slice(0, 80) ?? '(nothing)'"));
        }
        Assert.Fail($"Tab never reached {target}; it stopped at:\n{string.Join("\n", stops)}");
    }

    [GeneratedRegex("#main$")]
    private static partial Regex MainFragment();
}
