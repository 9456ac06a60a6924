using Microsoft.Playwright;

namespace Flipside.BrowserTests;

/// <summary>One app process on an empty database and one headless Chromium, shared by the tests of a class.</summary>
public class FlipsideFixture : IAsyncLifetime
{
    // Debian's Chromium; Playwright never downloads a browser here (test.sh installs the package).
    private const string Chromium = "/usr/lib/chromium/chromium";

    private AppProcess? _app;
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public AppProcess App => _app ?? throw new InvalidOperationException("The app has not started.");
    public IBrowser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    /// <summary>What the app is started with besides its address and data folder.</summary>
    protected virtual string[] AppArguments => [];

    public virtual async Task InitializeAsync()
    {
        if (!File.Exists(Chromium))
            throw new InvalidOperationException($"{Chromium} is missing: run 'apt-get install -y chromium' (./test.sh does).");
        try
        {
            _app = await AppProcess.StartAsync(AppArguments);
            _playwright = await Playwright.CreateAsync();
            _browser = await _playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = Chromium,
                Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
            });
        }
        catch
        {
            // A half-started fixture must not leave a server or a browser running.
            await DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A fresh browser profile: a person of their own. <paramref name="bypassCsp"/> lets axe be injected past the
    /// app's script-src 'self'; tests that need no axe keep the real policy so it is exercised too.
    /// </summary>
    public async Task<IBrowserContext> NewContextAsync(int width = 1280, int height = 800, bool bypassCsp = true, string? storageState = null)
    {
        var context = await Browser.NewContextAsync(new()
        {
            BaseURL = App.BaseUrl.ToString(),
            ViewportSize = new() { Width = width, Height = height },
            BypassCSP = bypassCsp,
            StorageState = storageState,
        });
        context.SetDefaultTimeout(15_000);
        return context;
    }

    public virtual async Task DisposeAsync()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        _playwright?.Dispose();
        if (_app is not null) await _app.DisposeAsync();
        _browser = null;
        _playwright = null;
        _app = null;
    }
}

/// <summary>An app whose first administrator already exists, for tests that start after setup.</summary>
public sealed class AdministeredFlipside : FlipsideFixture
{
    public static readonly Person Administrator = new("Ada Admin", "ada@example.org", "orbit lantern meadow 42");

    // The administrator's cookies, so tests start signed in without spending the sign-in rate limit.
    private string? _administratorState;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        try
        {
            await using var context = await NewContextAsync();
            var page = await context.NewPageAsync();
            await Flows.CreateFirstAdministratorAsync(page, Administrator);
            _administratorState = await context.StorageStateAsync();
        }
        catch
        {
            await DisposeAsync();
            throw;
        }
    }

    public Task<IBrowserContext> NewAdministratorContextAsync(int width = 1280, int height = 800, bool bypassCsp = true) =>
        NewContextAsync(width, height, bypassCsp, _administratorState);
}

[CollectionDefinition(Name)]
public sealed class AdministeredFlipsideCollection : ICollectionFixture<AdministeredFlipside>
{
    public const string Name = "Flipside with an administrator";
}

public sealed record Person(string Name, string Email, string Password)
{
    /// <summary>A person no other test uses, so tests stay independent on a shared app.</summary>
    public static Person Unique(string name) =>
        new(name, $"{name.Split(' ')[0].ToLowerInvariant()}.{Guid.NewGuid():N}@example.org", "orbit lantern meadow 42");
}

/// <summary>The app started with its demo organisation: a pilot matched and published, a second wave ready to match.</summary>
public sealed class DemoFlipside : FlipsideFixture
{
    public const string Password = "flipside-demo-2026";

    protected override string[] AppArguments => ["--demo", "--demo-password", Password];
}
