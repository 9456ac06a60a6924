using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flipside.BrowserTests;

/// <summary>What a person does in the app, step by step through the UI; each step checks it landed where it should.</summary>
public static class Flows
{
    public const string InvitationSubject = "Your invitation to Flipside";

    /// <summary>On an empty database any page leads to setup; the new administrator lands on the home page.</summary>
    public static async Task CreateFirstAdministratorAsync(IPage page, Person admin, AxeAudit? audit = null)
    {
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/Setup"));
        await Audit(audit, page);
        await page.GetByLabel("Your name").FillAsync(admin.Name);
        await page.GetByLabel("Email").FillAsync(admin.Email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(admin.Password);
        await page.GetByLabel("Repeat the password").FillAsync(admin.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create administrator" }).ClickAsync();
        await ExpectAdministratorHomeAsync(page);
        await Audit(audit, page);
    }

    public static async Task ExpectAdministratorHomeAsync(IPage page)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome to Flipside", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Administration" })).ToBeVisibleAsync();
    }

    public static async Task SignOutAsync(IPage page)
    {
        var response = await page.RunAndWaitForResponseAsync(
            () => page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.Contains("/Account/SignOut", StringComparison.Ordinal));
        Assert.True(response.Status < 400,
            $"The Sign out button's POST /Account/SignOut answered HTTP {response.Status}. A 400 here usually means the form carries no antiforgery token.");
        await Expect(page).ToHaveURLAsync(new Regex("/Account/SignIn"));
    }

    /// <summary>From the sign-in page (where signing out or accepting an invitation leads).</summary>
    public static async Task SignInAsync(IPage page, Person person, AxeAudit? audit = null)
    {
        await Expect(page).ToHaveURLAsync(new Regex("/Account/SignIn"));
        await Audit(audit, page);
        await page.GetByLabel("Email").FillAsync(person.Email);
        await page.GetByLabel("Password").FillAsync(person.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome to Flipside", Level = 1 })).ToBeVisibleAsync();
    }

    public static async Task SendInvitationAsync(IPage page, Person person, string role, AxeAudit? audit = null)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Invite", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Invite a person", Level = 1 })).ToBeVisibleAsync();
        await Audit(audit, page);
        await page.GetByLabel("Email").FillAsync(person.Email);
        await page.GetByLabel("Name").FillAsync(person.Name);
        await page.GetByLabel("Role").SelectOptionAsync(role);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync($"Invitation sent to {person.Email}");
    }

    /// <summary>The administrator reads the email in the outbox and copies its link, as they would with no mail server.</summary>
    public static Task<string> ReadInvitationLinkAsync(IPage page, string email, AxeAudit? audit = null) =>
        ReadOutboxLinkAsync(page, InvitationSubject, email, "/Account/Invitation?token=", audit);

    /// <summary>The administrator opens the email with this subject in the outbox and copies its one link that contains <paramref name="linkPart"/>.</summary>
    public static async Task<string> ReadOutboxLinkAsync(IPage page, string subject, string email, string linkPart, AxeAudit? audit = null)
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "Outbox", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Outbox", Level = 1 })).ToBeVisibleAsync();
        await Audit(audit, page);
        await page.GetByRole(AriaRole.Link, new() { Name = $"{subject} to {email}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = subject })).ToBeVisibleAsync();
        await Audit(audit, page);
        var link = page.Locator($"a[href*='{linkPart}']");
        await Expect(link).ToHaveCountAsync(1);
        return await link.GetAttributeAsync("href") ?? throw new InvalidOperationException($"The link in \"{subject}\" has no href.");
    }

    /// <summary>The invited person opens the link, chooses a password, and lands on the sign-in page.</summary>
    public static async Task AcceptInvitationAsync(IPage page, string link, Person person, AxeAudit? audit = null)
    {
        await page.GotoAsync(link);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Welcome, {person.Name}" })).ToBeVisibleAsync();
        await Audit(audit, page);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(person.Password);
        await page.GetByLabel("Repeat the password").FillAsync(person.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create my account" }).ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/Account/SignIn\\?email="));
        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Your account is ready");
    }

    /// <summary>An API call that must succeed; a failure names the address and shows the answer.</summary>
    public static async Task<IAPIResponse> OkAsync(Task<IAPIResponse> request)
    {
        var response = await request;
        Assert.True(response.Ok, $"{response.Url} answered HTTP {response.Status}: {await response.TextAsync()}");
        return response;
    }

    private static Task Audit(AxeAudit? audit, IPage page) => audit is null ? Task.CompletedTask : audit.CheckAsync(page);
}
