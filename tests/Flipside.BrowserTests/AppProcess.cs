using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;

namespace Flipside.BrowserTests;

/// <summary>
/// Flipside as a real process on a free loopback port with its own empty data folder: a browser needs a
/// socket, and running the built binary proves what a user runs.
/// </summary>
public sealed partial class AppProcess : IAsyncDisposable
{
    // The demo replays four months of the pilot through the use cases before the server listens: about half a minute on
    // a quiet machine, more than a minute on a loaded one.
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(240);
    // Settings a developer's shell may carry that would point the app at another database or mail server.
    private static readonly string[] InheritedSettings = ["ConnectionStrings__", "Database__", "Smtp__", "App__", "DOTNET_ENVIRONMENT"];

    private readonly Process _process;
    private readonly string _dataDirectory;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, string dataDirectory)
    {
        _process = process;
        _dataDirectory = dataDirectory;
    }

    public Uri BaseUrl { get; private set; } = null!;

    /// <summary>The app's data folder, where its SQLite database lives.</summary>
    public string DataDirectory => _dataDirectory;

    public static async Task<AppProcess> StartAsync(params string[] extraArgs)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("flipside-browser-").FullName;
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = dataDirectory,
        };
        foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "Flipside.dll"), "--urls", "http://127.0.0.1:0", "--data", dataDirectory }.Concat(extraArgs))
            start.ArgumentList.Add(arg);
        foreach (var name in start.Environment.Keys.Where(k => InheritedSettings.Any(k.StartsWith)).ToList())
            start.Environment.Remove(name);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Every test signs in from 127.0.0.1 to the one shared app, so the per-address sign-in limit (ten a minute,
        // tested on its own in SignInTests) would refuse the eleventh journey of a minute.
        start.Environment["Security__SignInAttemptsPerMinute"] = "10000";

        var app = new AppProcess(new Process { StartInfo = start }, dataDirectory);
        try
        {
            app.BaseUrl = await app.RunUntilReadyAsync();
            return app;
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }
    }

    private async Task<Uri> RunUntilReadyAsync()
    {
        var ready = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        _process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            Record(e.Data);
            if (Banner().Match(e.Data) is { Success: true } m) ready.TrySetResult(new Uri(m.Groups[1].Value));
        };
        _process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Record(e.Data); };
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(ready.Task, exited, Task.Delay(StartTimeout));
        if (first == ready.Task) return await ready.Task;
        var why = first == exited ? $"exited with code {_process.ExitCode}" : $"did not say it was running within {StartTimeout.TotalSeconds} s";
        throw new InvalidOperationException($"Flipside {why}. Its output:\n{Output}");
    }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    private void Record(string line)
    {
        lock (_output) _output.AppendLine(line);
    }

    /// <summary>The host that runs these tests can run the app; a bare "dotnet" is the fallback.</summary>
    private static string DotnetHost() =>
        Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet" ? Environment.ProcessPath!
        : Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host
        : "dotnet";

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (InvalidOperationException)
        {
            // Never started: nothing to stop.
        }
        _process.Dispose();
        DeleteDataDirectory();
    }

    private void DeleteDataDirectory()
    {
        // SQLite may hold its files for a moment after the process ends.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                Directory.Delete(_dataDirectory, recursive: true);
                return;
            }
            catch (IOException) when (attempt < 5)
            {
                Thread.Sleep(200);
            }
        }
    }

    [GeneratedRegex(@"Flipside is running at (http://\S+)")]
    private static partial Regex Banner();
}
