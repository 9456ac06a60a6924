using System.Text.RegularExpressions;
using Flipside.TestIdentityProvider;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flipside.BrowserTests;

/// <summary>Signing in through a real OpenID Connect provider on loopback: who gets in, who is refused and why.</summary>
public sealed partial class SingleSignOnTests(SsoFlipside app) : IClassFixture<SsoFlipside>
{
    private const string Refused = "Flipside cannot sign you in";
    private const string DidNotComplete = $"Sign-in with {SsoFlipside.ProviderName} did not complete";

    [Fact]
    public async Task ADirectoryPerson_GetsAnAccountAtFirstSignIn_WithTheRolesOfTheirGroups_AndReturnsToIt()
    {
        var audit = new AxeAudit();
        var (name, email) = Someone("Imani Sato");
        await app.ImportPeopleAsync((name, email, "active"));
        app.Provider.AddUser(new TestUser("imani", email.ToUpperInvariant(), name, EmailVerified: true, SsoFlipside.ManagersGroup));
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await SsoFlipside.SignInWithProviderAsync(page, "imani", audit);

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome to Flipside", Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Main" })).ToContainTextAsync(name);
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Programs", Exact = true })).ToBeVisibleAsync();
        await audit.CheckAsync(page);
        await Flows.SignOutAsync(page);

        await SsoFlipside.SignInWithProviderAsync(page, "imani");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome to Flipside", Level = 1 })).ToBeVisibleAsync();
        await using var admin = await app.NewAdministratorContextAsync();
        var accounts = await (await Flows.OkAsync(admin.APIRequest.GetAsync("/api/v1/admin/users"))).TextAsync();
        Assert.Single(Regex.Matches(accounts, Regex.Escape(email)));
        audit.AssertClean();
    }

    [Fact]
    public async Task AStranger_IsRefused_WithAPageThatSaysWhyAndWhomToAsk()
    {
        var audit = new AxeAudit();
        var (name, email) = Someone("Tariq Stranger");
        app.Provider.AddUser(new TestUser("tariq", email, name));
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await SsoFlipside.SignInWithProviderAsync(page, "tariq");

        await ExpectRefusedAsync(page, $"Nobody with the email address {email} is in Flipside's directory of people.");
        // Whom to ask in words: a stranger is not handed the administrators' addresses.
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = AdministeredFlipside.Administrator.Email })).ToHaveCountAsync(0);
        await audit.CheckAsync(page);
        await ExpectSignedOutAsync(page);
        audit.AssertClean();
    }

    [Fact]
    public async Task ALeaver_IsRefused()
    {
        var (name, email) = Someone("Lena Left");
        await app.ImportPeopleAsync((name, email, "left"));
        app.Provider.AddUser(new TestUser("lena", email, name));
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await SsoFlipside.SignInWithProviderAsync(page, "lena");

        await ExpectRefusedAsync(page, $"Flipside's directory lists {email} as someone who has left the organisation.");
        await ExpectSignedOutAsync(page);
    }

    [Fact]
    public async Task AnUnverifiedEmail_IsRefused()
    {
        var (name, email) = Someone("Uma Unverified");
        await app.ImportPeopleAsync((name, email, "active"));
        app.Provider.AddUser(new TestUser("uma", email, name, EmailVerified: false));
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();

        await SsoFlipside.SignInWithProviderAsync(page, "uma");

        await ExpectRefusedAsync(page, $"{SsoFlipside.ProviderName} has not verified your email address {email}");
        await ExpectSignedOutAsync(page);
    }

    [Fact]
    public async Task ADeactivatedAccount_StaysRefused_WhateverTheProviderSays()
    {
        var (name, email) = Someone("Dario Deactivated");
        await app.ImportPeopleAsync((name, email, "active"));
        app.Provider.AddUser(new TestUser("dario", email, name));
        await using (var first = await app.NewContextAsync())
        {
            var page = await first.NewPageAsync();
            await SsoFlipside.SignInWithProviderAsync(page, "dario");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome to Flipside", Level = 1 })).ToBeVisibleAsync();
        }
        await using (var admin = await app.NewAdministratorContextAsync())
        {
            var accounts = await (await Flows.OkAsync(admin.APIRequest.GetAsync("/api/v1/admin/users"))).JsonAsync();
            var id = accounts!.Value.EnumerateArray().Single(a => a.GetProperty("email").GetString() == email).GetProperty("id").GetString();
            await Flows.OkAsync(admin.APIRequest.PostAsync($"/api/v1/admin/users/{id}/deactivate"));
        }
        await using var context = await app.NewContextAsync();
        var again = await context.NewPageAsync();

        await SsoFlipside.SignInWithProviderAsync(again, "dario");

        await ExpectRefusedAsync(again, $"Your Flipside account ({email}) is deactivated.");
        await ExpectSignedOutAsync(again);
    }

    [Fact]
    public async Task ATamperedCode_IsRefused_AndNobodyIsSignedIn()
    {
        var (name, email) = Someone("Teo Tampered");
        await app.ImportPeopleAsync((name, email, "active"));
        app.Provider.AddUser(new TestUser("teo", email, name));
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        // Playwright does not route redirects, so the provider's answer (a redirect to the callback) is rewritten instead.
        await page.RouteAsync(ProviderLogin(), async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }
            var answer = await route.FetchAsync(new() { MaxRedirects = 0 });
            var tampered = CodeParameter().Replace(answer.Headers["location"], m => $"code={m.Groups[1].Value[..^4]}AAAA");
            await route.FulfillAsync(new() { Status = 302, Headers = new Dictionary<string, string> { ["Location"] = tampered } });
        });

        await SsoFlipside.SignInWithProviderAsync(page, "teo");

        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = DidNotComplete })).ToBeVisibleAsync();
        await ExpectSignedOutAsync(page);
    }

    [Fact]
    public async Task AReplayedCode_IsRefused_EvenWithTheBrowsersCookies()
    {
        var (name, email) = Someone("Rhea Replayed");
        await app.ImportPeopleAsync((name, email, "active"));
        app.Provider.AddUser(new TestUser("rhea", email, name));
        await using var context = await app.NewContextAsync();
        var page = await context.NewPageAsync();
        string? callback = null;
        IReadOnlyList<BrowserContextCookiesResult> cookies = [];
        await page.RouteAsync(ProviderLogin(), async route =>
        {
            if (route.Request.Method != "POST")
            {
                await route.ContinueAsync();
                return;
            }
            // What an eavesdropper on this browser would have: the address with the code, and the correlation cookies.
            var answer = await route.FetchAsync(new() { MaxRedirects = 0 });
            callback = answer.Headers["location"];
            cookies = await context.CookiesAsync();
            await route.FulfillAsync(new() { Response = answer });
        });
        await SsoFlipside.SignInWithProviderAsync(page, "rhea");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Welcome to Flipside", Level = 1 })).ToBeVisibleAsync();
        await using var thief = await app.NewContextAsync();
        await thief.AddCookiesAsync(cookies.Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }));
        var replay = await thief.NewPageAsync();

        await replay.GotoAsync(callback!);

        await Expect(replay.GetByRole(AriaRole.Heading, new() { Name = DidNotComplete })).ToBeVisibleAsync();
        await ExpectSignedOutAsync(replay);
    }

    private static async Task ExpectRefusedAsync(IPage page, string reason)
    {
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Refused, Level = 1 })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync(reason);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Whom to ask" })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Main)).ToContainTextAsync("ask your HR team or Flipside administrator");
    }

    /// <summary>No session came of it: the home page still asks to sign in.</summary>
    internal static async Task ExpectSignedOutAsync(IPage page)
    {
        await page.GotoAsync("/");
        await Expect(page).ToHaveURLAsync(SignInPage());
    }

    private static (string Name, string Email) Someone(string name) => (name, $"{name.Split(' ')[0].ToLowerInvariant()}.{Guid.NewGuid():N}@example.org");

    [GeneratedRegex("/connect/authorize")]
    private static partial Regex ProviderLogin();

    [GeneratedRegex("code=([^&]+)")]
    private static partial Regex CodeParameter();

    [GeneratedRegex("/Account/SignIn")]
    internal static partial Regex SignInPage();
}
