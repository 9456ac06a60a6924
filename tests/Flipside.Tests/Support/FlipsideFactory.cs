using Flipside.Data;
using Flipside.Infrastructure.Startup;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Flipside.Tests.Support;

/// <summary>The whole app in memory, on its own fresh database, with a clock the test controls.</summary>
public class FlipsideFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    public FakeTimeProvider Clock { get; } = new(Start);
    public TestDatabase Database { get; } = new();
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Jobs:Enabled"] = "false",
        ["Security:SignInAttemptsPerMinute"] = "10000",
    };

    public FlipsideFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Database:Provider", Database.Provider);
        builder.UseSetting("ConnectionStrings:Flipside", Database.ConnectionString);
        builder.UseSetting("Flipside:DataDirectory", Database.DataDirectory);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
    }

    protected override IHost CreateHost(IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        DatabaseStartup.PrepareAsync(host.Services).GetAwaiter().GetResult();
        return host;
    }

    public HttpClient Browser() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Runs a query against the app's database in its own scope.</summary>
    public async Task<T> Query<T>(Func<FlipsideDb, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<FlipsideDb>());
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Database.Dispose();
    }
}
