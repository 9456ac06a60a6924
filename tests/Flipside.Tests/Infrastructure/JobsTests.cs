using System.Collections.Concurrent;
using Flipside.Data;
using Flipside.Infrastructure.Jobs;
using Flipside.Infrastructure.Startup;
using Flipside.Tests.Support;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Flipside.Tests.Infrastructure;

public sealed class JobsTests : IDisposable
{
    private readonly FlipsideFactory _base = new();
    private readonly Runs _runs = new();

    public void Dispose()
    {
        _runs.Release.TrySetResult();
        _base.Dispose();
    }

    private Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactory<Program> WithJobs(bool enabled) => _base.WithWebHostBuilder(b =>
    {
        b.UseSetting("Jobs:Enabled", enabled ? "true" : "false");
        b.ConfigureTestServices(s =>
        {
            s.AddSingleton(_runs);
            s.AddJob<FirstJob>("first", every: TimeSpan.FromMinutes(1));
            s.AddJob<SecondJob>("second", every: TimeSpan.FromMinutes(1));
            s.AddJob<FailingJob>("failing", every: TimeSpan.FromMinutes(1));
            s.AddJob<StuckJob>("stuck", every: TimeSpan.FromMinutes(1));
        });
    });

    [Fact]
    public async Task TwoJobs_EachRunInAScopeOfTheirOwn_WithTheirOwnDatabaseContext()
    {
        var app = WithJobs(enabled: false);
        var runner = app.Services.GetRequiredService<JobRunner>();
        var jobs = app.Services.GetServices<JobRegistration>().ToDictionary(j => j.Name);

        Assert.Equal(1, await runner.RunAsync(jobs["first"], CancellationToken.None));
        Assert.Equal(1, await runner.RunAsync(jobs["second"], CancellationToken.None));
        _base.Clock.Advance(TimeSpan.FromMinutes(1)); // the next interval
        Assert.Equal(1, await runner.RunAsync(jobs["first"], CancellationToken.None));

        Assert.Equal(new[] { "first", "second", "first" }, _runs.Seen.Select(r => r.Job));
        Assert.Equal(3, _runs.Seen.Select(r => r.Db).Distinct().Count());
    }

    [Fact]
    public async Task AJobThatFails_OrNeverFinishes_NeitherStopsNorDelaysTheOthers()
    {
        var app = WithJobs(enabled: true);
        _ = app.Services; // starts the host and with it the job loops

        // Each job has a timer of its own on the app's (fake) clock: every minute that passes is a tick for each. Every
        // job must get three runs in while the stuck one never ends; which gets there first is the scheduler's business.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (_runs.Seen.Count(r => r.Job == "first") < 3 || _runs.Seen.Count(r => r.Job == "second") < 3 || _runs.Failures < 3)
        {
            Assert.True(DateTime.UtcNow < deadline, $"runs: {string.Join(", ", _runs.Seen.Select(r => r.Job))}; failures: {_runs.Failures}");
            _base.Clock.Advance(TimeSpan.FromMinutes(1));
            await Task.Delay(25);
        }

        Assert.Equal(1, _runs.Stuck); // still in its first run, and no tick has started it twice
        Assert.True(_runs.Seen.Count(r => r.Job == "second") >= 3);
    }

    [Fact]
    public async Task TwoInstances_OnOneDatabase_RunAJobOncePerInterval()
    {
        var one = WithJobs(enabled: false);
        var two = WithJobs(enabled: false);
        var job = one.Services.GetServices<JobRegistration>().Single(j => j.Name == "first");

        var first = await one.Services.GetRequiredService<JobRunner>().RunAsync(job, CancellationToken.None);
        var sameInterval = await two.Services.GetRequiredService<JobRunner>().RunAsync(job, CancellationToken.None);
        _base.Clock.Advance(TimeSpan.FromMinutes(1));
        var nextInterval = await two.Services.GetRequiredService<JobRunner>().RunAsync(job, CancellationToken.None);

        Assert.Equal(1, first);
        Assert.Null(sameInterval);
        Assert.Equal(1, nextInterval);
        Assert.Equal(2, _runs.Seen.Count(r => r.Job == "first"));
    }

    [Fact]
    public void WhenJobsAreDisabled_NoJobRuns()
    {
        _ = WithJobs(enabled: false).Services;
        _base.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(_runs.Seen);
        Assert.Equal(0, _runs.Stuck);
    }

    [Theory]
    [InlineData(null, "00:01:00")]
    [InlineData("00:00:05", "00:00:05")]
    [InlineData("01:00:00", "01:00:00")]
    public void AJobsInterval_ComesFromItsRegistration_UnlessConfigurationSetsIt(string? setting, string expected)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Jobs:reminders:Interval"] = setting }).Build();
        Assert.Equal(TimeSpan.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), new JobRegistration("reminders", typeof(FirstJob), TimeSpan.FromMinutes(1)).IntervalIn(config));
    }

    [Theory]
    [InlineData("fifteen")]
    [InlineData("00:00:00")]
    [InlineData("-00:01:00")]
    public void AMistypedInterval_StopsStartupWithOneLineNamingTheSetting(string setting)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Jobs:outbox:Interval"] = setting }).Build();
        var problem = Assert.Throws<StartupException>(() => new JobRegistration("outbox", typeof(FirstJob), TimeSpan.FromSeconds(15)).IntervalIn(config));
        Assert.StartsWith($"Jobs:outbox:Interval is '{setting}'; use a time span", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TwoJobsUnderOneName_AreRefusedWhenRegistered()
    {
        var services = new ServiceCollection().AddJob<FirstJob>("first", TimeSpan.FromMinutes(1));
        Assert.Throws<InvalidOperationException>(() => services.AddJob<SecondJob>("first", TimeSpan.FromMinutes(1)));
    }
}

public sealed class Runs
{
    public ConcurrentQueue<(string Job, FlipsideDb Db)> Seen { get; } = new();
    public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _failures;
    private int _stuck;
    public int Failures => Volatile.Read(ref _failures);
    public int Stuck => Volatile.Read(ref _stuck);
    public void Failed() => Interlocked.Increment(ref _failures);
    public void Started() => Interlocked.Increment(ref _stuck);
}

public abstract class RecordingJob(string name, Runs runs, FlipsideDb db) : IJob
{
    public Task<int> RunOnceAsync(CancellationToken ct)
    {
        runs.Seen.Enqueue((name, db));
        return Task.FromResult(1);
    }
}

public sealed class FirstJob(Runs runs, FlipsideDb db) : RecordingJob("first", runs, db);

public sealed class SecondJob(Runs runs, FlipsideDb db) : RecordingJob("second", runs, db);

public sealed class FailingJob(Runs runs) : IJob
{
    public Task<int> RunOnceAsync(CancellationToken ct)
    {
        runs.Failed();
        throw new InvalidOperationException("This job always fails.");
    }
}

public sealed class StuckJob(Runs runs) : IJob
{
    public async Task<int> RunOnceAsync(CancellationToken ct)
    {
        runs.Started();
        await runs.Release.Task.WaitAsync(ct);
        return 0;
    }
}
