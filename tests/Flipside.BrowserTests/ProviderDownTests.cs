using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flipside.BrowserTests;

/// <summary>When the identity provider stops answering, signing in with it says so, and nothing else breaks.</summary>
public sealed class ProviderDownTests(ProviderGoingDownFlipside app) : IClassFixture<ProviderGoingDownFlipside>
{
    [Fact]
    public async Task AProviderThatIsDown_GivesAClearPage_AndPasswordsAndSessionsStillWork()
    {
        var audit = new AxeAudit();
        await using var signedIn = await app.NewAdministratorContextAsync();
        var adminPage = await signedIn.NewPageAsync();
        await app.Provider.StopAsync();
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");

        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Link, new() { Name = $"Sign in with {SsoFlipside.ProviderName}" }).ClickAsync(),
            r => r.Url.Contains("/Account/SingleSignOn", StringComparison.Ordinal));

        Assert.Equal(503, response.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"{SsoFlipside.ProviderName} is not answering", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("Nothing is wrong with your account");
        await audit.CheckAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = "Back to the sign-in page" }).ClickAsync();
        await Flows.SignInAsync(page, AdministeredFlipside.Administrator);
        await adminPage.GotoAsync("/Admin/Users");
        await Expect(adminPage.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToBeVisibleAsync();
        Assert.True((await adminPage.APIRequest.GetAsync("/health")).Ok);
        audit.AssertClean();
    }
}
