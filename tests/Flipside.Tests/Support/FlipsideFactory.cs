using Flipside.Data;
using Flipside.Features.Account;
using Flipside.Infrastructure.Startup;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;

namespace Flipside.Tests.Support;

/// <summary>
/// The whole app in memory, on its own fresh database, with a clock the test controls. A test class may share one
/// across its tests (IClassFixture&lt;FlipsideFactory&gt;) and call <see cref="ResetAsync"/> before each.
/// </summary>
public class FlipsideFactory : WebApplicationFactory<Program>
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private readonly ResettableClock _clock = new();
    private SetupState _setup = new();
    public FakeTimeProvider Clock => _clock.Current;
    public TestDatabase Database { get; } = new();
    private readonly Dictionary<string, string?> _settings = new()
    {
        ["Jobs:Enabled"] = "false",
        ["Security:SignInAttemptsPerMinute"] = "10000",
        ["Security:BulkRequestsPerMinute"] = "10000",
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
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(_clock));
        builder.ConfigureTestServices(s =>
        {
            // Still one instance for the app's whole life, unless a reset replaces it: the app remembers setup per process.
            s.AddTransient(_ => _setup);
            // Identity's 100,000 PBKDF2 rounds made hashing most of the suite's time; the tests are about what sign-in
            // allows, not about its work factor. Hashes still go through the same hasher and the same format.
            s.Configure<PasswordHasherOptions>(o => o.IterationCount = 1);
            // A Skip or Take without an OrderBy reads whichever rows come first; the app logs EF Core's warning, the tests fail on it.
            s.ConfigureDbContext<SqliteFlipsideDb>(o => o.ConfigureWarnings(w => w.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning)));
            s.ConfigureDbContext<PostgresFlipsideDb>(o => o.ConfigureWarnings(w => w.Throw(CoreEventId.RowLimitingOperationWithoutOrderByWarning)));
        });
    }

    /// <summary>
    /// Brings a shared app back to the state of a new one: every table empty except the seeded roles, the
    /// migration history and the Data Protection keys (the app holds them in memory); setup not done; the clock at Start.
    /// </summary>
    public async Task ResetAsync()
    {
        await using (var scope = Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<FlipsideDb>();
            var kept = new[] { typeof(IdentityRole), typeof(DataProtectionKey), typeof(Domain.ChangeStamp) };
            var tables = db.Model.GetEntityTypes().Where(t => !kept.Contains(t.ClrType)).Select(t => t.GetTableName())
                .OfType<string>().Distinct().Select(t => "\"" + t + "\"").ToList();
            if (TestDatabase.IsPostgres)
            {
                var truncate = $"TRUNCATE {string.Join(", ", tables)} RESTART IDENTITY CASCADE;"; // table names from the EF model
                await db.Database.ExecuteSqlRawAsync(truncate);
            }
            else
            {
                // Foreign keys cannot be switched off inside a transaction, so the deletes run one by one on one connection.
                await db.Database.OpenConnectionAsync();
                await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = OFF;");
                foreach (var delete in tables.Select(t => $"DELETE FROM {t};")) await db.Database.ExecuteSqlRawAsync(delete);
                await db.Database.ExecuteSqlRawAsync("PRAGMA foreign_keys = ON;");
            }
        }
        _setup = new SetupState();
        _clock.Reset();
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
