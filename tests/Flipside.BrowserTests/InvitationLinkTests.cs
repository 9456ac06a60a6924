using System.Security.Cryptography;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flipside.BrowserTests;

/// <summary>Links that no longer lead anywhere say so in plain words, never with an error page.</summary>
[Collection(AdministeredFlipsideCollection.Name)]
public sealed class InvitationLinkTests(AdministeredFlipside app)
{
    [Fact]
    public async Task Setup_OnceAnAdministratorExists_IsNotFound()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        var response = await page.GotoAsync("/Account/Setup");

        Assert.Equal(404, response?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Page not found", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task UsedInvitationLink_ShowsAlreadyUsed()
    {
        var person = Person.Unique("Noor Haddad");
        await using var adminContext = await app.NewAdministratorContextAsync();
        var adminPage = await adminContext.NewPageAsync();
        await adminPage.GotoAsync("/");
        await Flows.SendInvitationAsync(adminPage, person, "Participant");
        var link = await Flows.ReadInvitationLinkAsync(adminPage, person.Email);
        await using var personContext = await app.NewContextAsync();
        var personPage = await personContext.NewPageAsync();
        await Flows.AcceptInvitationAsync(personPage, link, person);

        var response = await personPage.GotoAsync(link);

        Assert.Equal(200, response?.Status);
        await Expect(personPage.GetByRole(AriaRole.Heading, new() { Name = "This invitation has already been used" })).ToBeVisibleAsync();
        await Expect(personPage.GetByRole(AriaRole.Button, new() { Name = "Create my account" })).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task ForgedInvitationLink_ShowsNotValid()
    {
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        var forged = Base64Url(RandomNumberGenerator.GetBytes(32));

        var response = await page.GotoAsync($"/Account/Invitation?token={forged}");

        Assert.Equal(200, response?.Status);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "This invitation link is not valid" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Create my account" })).ToHaveCountAsync(0);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
