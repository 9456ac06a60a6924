using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flipside.BrowserTests;

[Collection(AdministeredFlipsideCollection.Name)]
public sealed partial class SignOutTests(AdministeredFlipside app)
{
    [Fact]
    public async Task SignOut_FromTheNavbar_EndsThisSession_AndNoOther()
    {
        // A session of its own: signing out ends it on the server, and the other tests share the fixture's session.
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await Flows.SignInAsync(page, AdministeredFlipside.Administrator);

        await Flows.SignOutAsync(page);
        await page.GotoAsync("/Admin/Users");

        await Expect(page).ToHaveURLAsync(SignInPage());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
        await using var other = await app.NewAdministratorContextAsync();
        var otherPage = await other.NewPageAsync();
        await otherPage.GotoAsync("/Admin/Users");
        await Expect(otherPage.GetByRole(AriaRole.Heading, new() { Name = "Accounts", Level = 1 })).ToBeVisibleAsync();
    }

    [GeneratedRegex("/Account/SignIn")]
    private static partial Regex SignInPage();
}
