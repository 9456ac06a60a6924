using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flipside.BrowserTests;

/// <summary>A provider set up for another application, or signing under another name, lets nobody in.</summary>
public sealed class WrongAudienceTests(WrongAudienceFlipside app) : IClassFixture<WrongAudienceFlipside>
{
    [Fact]
    public Task AnIdentityTokenForAnotherApplication_IsRefused() => MisSetProvider.ExpectRefusedAsync(app);
}

public sealed class WrongIssuerTests(WrongIssuerFlipside app) : IClassFixture<WrongIssuerFlipside>
{
    [Fact]
    public Task AnIdentityTokenFromAnotherIssuer_IsRefused() => MisSetProvider.ExpectRefusedAsync(app);
}

internal static class MisSetProvider
{
    public static async Task ExpectRefusedAsync(SsoFlipside app)
    {
        var email = $"mika.{Guid.NewGuid():N}@example.org";
        await app.ImportPeopleAsync(("Mika Misset", email, "active"));
        app.Provider.AddUser(new("mika", email, "Mika Misset"));
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await SsoFlipside.SignInWithProviderAsync(page, "mika");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Sign-in with {SsoFlipside.ProviderName} did not complete" })).ToBeVisibleAsync();
        await SingleSignOnTests.ExpectSignedOutAsync(page);
    }
}
