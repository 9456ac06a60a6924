using System.Text.RegularExpressions;
using Flipside.Tests.Account;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flipside.BrowserTests;

/// <summary>A person sets up two-step sign-in with the page's key, as their phone would read it, and signs in with a code.</summary>
[Collection(AdministeredFlipsideCollection.Name)]
public sealed partial class TwoStepSignInTests(AdministeredFlipside app)
{
    [Fact]
    public async Task SettingUpTwoStepSignIn_ThenSigningIn_AsksForTheCodeAndTakesIt()
    {
        var person = Person.Unique("Tomas Berg");
        await using var adminContext = await app.NewAdministratorContextAsync();
        var adminPage = await adminContext.NewPageAsync();
        await adminPage.GotoAsync("/");
        await Flows.SendInvitationAsync(adminPage, person, "Participant");
        var link = await Flows.ReadInvitationLinkAsync(adminPage, person.Email);
        // The real content security policy: the QR code must show without inline styles or scripts.
        await using var context = await app.NewContextAsync(bypassCsp: false);
        var page = await context.NewPageAsync();
        await Flows.AcceptInvitationAsync(page, link, person);
        await Flows.SignInAsync(page, person);

        await page.GetByRole(AriaRole.Link, new() { Name = "Two-step sign-in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Two-step sign-in", Level = 1 })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Set up two-step sign-in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Img, new() { Name = "QR code holding your Flipside key" })).ToBeVisibleAsync();
        var box = await page.Locator("figure.qr-code svg").BoundingBoxAsync();
        Assert.True(box is { Width: > 100, Height: > 100 }, "The QR code must be drawn at a size a phone can scan");
        var key = await page.Locator("#authenticator-key").InnerTextAsync();
        await page.GetByLabel("6-digit code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Turn on two-step sign-in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Two-step sign-in is on");
        await Expect(page.Locator("#codes-heading + p + ul li")).ToHaveCountAsync(10);

        await Flows.SignOutAsync(page);
        await page.GetByLabel("Email").FillAsync(person.Email);
        await page.GetByLabel("Password").FillAsync(person.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(CodePage());
        await page.GetByLabel("Code").FillAsync(Totp.Code(key, DateTimeOffset.UtcNow));
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome to Flipside", Level = 1 })).ToBeVisibleAsync();
    }

    [GeneratedRegex("/Account/SignInCode")]
    private static partial Regex CodePage();
}
