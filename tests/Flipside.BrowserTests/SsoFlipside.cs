using Flipside.TestIdentityProvider;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Flipside.BrowserTests;

/// <summary>
/// A real OpenID Connect provider on loopback, and Flipside set up to sign in through it, with a first administrator
/// (who still signs in with a password). Subclasses set the provider up wrong for Flipside's client.
/// </summary>
public class SsoFlipside : FlipsideFixture
{
    public const string ClientId = "flipside";
    public const string ClientSecret = "flipside-client-secret";
    public const string ProviderName = "Test Provider";
    public const string ManagersGroup = "flipside-program-managers";

    private TestProvider? _provider;
    private string? _administratorState;

    public TestProvider Provider => _provider ?? throw new InvalidOperationException("The provider has not started.");

    protected virtual Flaw Flaw => Flaw.None;

    protected override string[] AppArguments =>
    [
        $"--Sso:Authority={Provider.Authority}", $"--Sso:ClientId={ClientId}", $"--Sso:ClientSecret={ClientSecret}",
        $"--Sso:DisplayName={ProviderName}", $"--Sso:GroupRoles:{ManagersGroup}=ProgramManager",
    ];

    public override async Task InitializeAsync()
    {
        _provider = await TestProvider.StartAsync();
        await base.InitializeAsync();
        try
        {
            await Provider.AddClientAsync(ClientId, ClientSecret, new Uri(App.BaseUrl, "/signin-oidc"), Flaw);
            // Each page's first request compiles it; on a loaded machine that alone can outlast a browser's timeout.
            using var warmUp = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = App.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
            await warmUp.GetAsync("/Account/Setup");
            await using var context = await NewContextAsync();
            var page = await context.NewPageAsync();
            await Flows.CreateFirstAdministratorAsync(page, AdministeredFlipside.Administrator);
            _administratorState = await context.StorageStateAsync();
            // The first start of a sign-in also reads and caches the provider's metadata.
            foreach (var path in new[] { "/Account/SignIn", "/Account/SingleSignOn", "/Account/SingleSignOn?handler=Failed" })
                await warmUp.GetAsync(path);
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public Task<IBrowserContext> NewAdministratorContextAsync() => NewContextAsync(storageState: _administratorState);

    /// <summary>Adds people to the directory through the administrator's API: (name, email, status) each.</summary>
    public async Task ImportPeopleAsync(params (string Name, string Email, string Status)[] people)
    {
        await using var context = await NewAdministratorContextAsync();
        var rows = people.Select((p, i) => $"SSO-{Guid.NewGuid():N},{p.Name},{p.Email},Analyst,3,Finance,London,Europe/London,,2020-01-15,,,{p.Status}");
        var csv = string.Join("\n", ["employee_id,name,email,title,grade,department,location,time_zone,manager_id,hire_date,birth_year,languages,status", .. rows]);
        await Flows.OkAsync(context.APIRequest.PostAsync("/api/v1/people/import?source=sso-tests", new()
        {
            Headers = new Dictionary<string, string> { ["Content-Type"] = "text/csv" },
            DataString = csv,
        }));
    }

    /// <summary>From Flipside's sign-in page through the provider's login form and back.</summary>
    public static async Task SignInWithProviderAsync(IPage page, string username, AxeAudit? audit = null)
    {
        await page.GotoAsync("/Account/SignIn");
        if (audit is not null) await audit.CheckAsync(page);
        await page.GetByRole(AriaRole.Link, new() { Name = $"Sign in with {ProviderName}" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Test provider sign-in" })).ToBeVisibleAsync();
        await page.GetByLabel("Username").FillAsync(username);
        await page.GetByLabel("Password").FillAsync(TestProvider.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Continue" }).ClickAsync();
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        if (_provider is not null) await _provider.DisposeAsync();
        _provider = null;
    }
}

/// <summary>Its own provider and app, so that stopping the provider touches no other test.</summary>
public sealed class ProviderGoingDownFlipside : SsoFlipside;

/// <summary>The provider issues identity tokens for another application.</summary>
public sealed class WrongAudienceFlipside : SsoFlipside
{
    protected override Flaw Flaw => Flaw.WrongAudience;
}

/// <summary>The provider signs identity tokens under another issuer than its metadata names.</summary>
public sealed class WrongIssuerFlipside : SsoFlipside
{
    protected override Flaw Flaw => Flaw.WrongIssuer;
}
