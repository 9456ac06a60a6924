using System.CommandLine;
using Flipside.Infrastructure.Demo;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Flipside.Infrastructure.Startup;

/// <summary>The default verb (serve) and <c>migrate</c>: both start from the same composition root.</summary>
public static class ServeCommand
{
    public static async Task<int> ServeAsync(ParseResult parsed, string[] passThrough)
    {
        var demo = parsed.GetValue(FlipsideCli.Demo);
        var demoPassword = parsed.GetValue(FlipsideCli.DemoPassword) ?? DemoLoader.DefaultPassword;
        if (demo && DemoLoader.PasswordProblem(demoPassword) is { } problem)
        {
            await Console.Error.WriteLineAsync($"--demo-password: {problem}");
            return FlipsideCli.UsageError;
        }
        var hostArgs = HostArgs(parsed, passThrough, demo, demoPassword);
        return await RunGuarded(hostArgs, async app =>
        {
            await app.StartAsync();
            PrintBanner(app, demo, demoPassword);
            await app.WaitForShutdownAsync();
            return 0;
        });
    }

    public static Command Migrate()
    {
        var migrate = new Command("migrate", "Apply database migrations and exit");
        migrate.SetAction((parsed, _) => MigrateAsync(parsed, FlipsideCli.PassThrough(parsed)));
        return migrate;
    }

    public static Task<int> MigrateAsync(ParseResult parsed, string[] passThrough) =>
        RunGuarded(HostArgs(parsed, passThrough, demo: false, demoPassword: null), _ =>
        {
            Console.WriteLine("The database is up to date.");
            return Task.FromResult(0);
        });

    /// <summary>Builds the app, prepares storage and the database, then runs; startup problems print one line.</summary>
    internal static async Task<int> RunGuarded(string[] hostArgs, Func<WebApplication, Task<int>> run)
    {
        try
        {
            await using var app = FlipsideApp.Build(hostArgs);
            DatabaseStartup.EnsureDataFolderWritable(app.Services.GetRequiredService<FlipsideSettings>());
            await DatabaseStartup.PrepareAsync(app.Services);
            return await run(app);
        }
        catch (StartupException p)
        {
            await Console.Error.WriteLineAsync(p.Message);
            return 1;
        }
        catch (IOException e) when (e.InnerException is Microsoft.AspNetCore.Connections.AddressInUseException)
        {
            await Console.Error.WriteLineAsync($"{e.Message} Choose another address with --urls, e.g. --urls http://localhost:5081.");
            return 1;
        }
    }

    internal static string[] HostArgs(ParseResult parsed, string[] passThrough, bool demo, string? demoPassword)
    {
        var args = new List<string> { $"--Flipside:DataDirectory={parsed.GetValue(FlipsideCli.Data)}" };
        if (parsed.GetValue(FlipsideCli.Urls) is { } urls) args.Add($"--urls={urls}");
        if (demo) args.AddRange(["--Demo:Enabled=true", $"--Demo:Password={demoPassword}"]);
        // Configuration given in the ASP.NET form comes last, so it wins over the defaults above.
        return [.. args, .. passThrough];
    }

    private static void PrintBanner(WebApplication app, bool demo, string demoPassword)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var url = addresses.FirstOrDefault() ?? "http://localhost:5080";
        Console.WriteLine();
        Console.WriteLine($"Flipside is running at {url}");
        if (demo)
        {
            Console.WriteLine($"Demo sign-ins (password: {demoPassword}):");
            foreach (var account in DemoLoader.Accounts)
                Console.WriteLine($"  {account.Role,-15} {account.Email,-32} {account.Description}");
        }
        Console.WriteLine("Press Ctrl+C to stop.");
        Console.WriteLine();
    }
}
