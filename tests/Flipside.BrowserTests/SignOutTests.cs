using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flipside.BrowserTests;

[Collection(AdministeredFlipsideCollection.Name)]
public sealed partial class SignOutTests(AdministeredFlipside app)
{
    [Fact]
    public async Task SignOut_FromTheNavbar_EndsTheSession()
    {
        await using var context = await app.NewAdministratorContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");

        await Flows.SignOutAsync(page);
        await page.GotoAsync("/Admin/Users");

        await Expect(page).ToHaveURLAsync(SignInPage());
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Sign in" })).ToBeVisibleAsync();
    }

    [GeneratedRegex("/Account/SignIn")]
    private static partial Regex SignInPage();
}
