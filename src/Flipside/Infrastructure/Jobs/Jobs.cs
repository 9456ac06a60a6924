using System.Globalization;
using Flipside.Infrastructure.Startup;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Flipside.Infrastructure.Jobs;

/// <summary>One unit of background work. Tests call <see cref="RunOnceAsync"/> directly.</summary>
public interface IJob
{
    /// <returns>How many items the run handled.</returns>
    Task<int> RunOnceAsync(CancellationToken ct);
}

/// <summary>A job as its feature registered it: a name (for logs, configuration and the lease) and how often it runs.</summary>
public sealed record JobRegistration(string Name, Type JobType, TimeSpan Every)
{
    /// <summary>The interval, unless <c>Jobs:&lt;name&gt;:Interval</c> sets another.</summary>
    public TimeSpan IntervalIn(IConfiguration config)
    {
        var key = $"Jobs:{Name}:Interval";
        if (config[key] is not { Length: > 0 } text) return Every;
        if (TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out var interval) && interval >= TimeSpan.FromSeconds(1))
            return interval;
        throw new StartupException($"{key} is '{text}'; use a time span of at least one second, such as 00:00:15 or 01:00:00.");
    }
}

public static class JobsSetup
{
    /// <summary>Called by the feature that owns the job; the job is resolved afresh, in its own scope, for every run.</summary>
    public static IServiceCollection AddJob<TJob>(this IServiceCollection services, string name, TimeSpan every) where TJob : class, IJob
    {
        if (services.Any(d => d.ImplementationInstance is JobRegistration r && r.Name == name))
            throw new InvalidOperationException($"A job named '{name}' is already registered: each job needs its own name, for its lease and its settings.");
        services.TryAddScoped<TJob>();
        services.AddSingleton(new JobRegistration(name, typeof(TJob), every));
        return services;
    }

    public static void AddFlipsideJobs(this IServiceCollection services)
    {
        services.AddSingleton<IJobLeases>(sp => sp.GetRequiredService<FlipsideSettings>() is { Provider: DatabaseProvider.Postgres } s
            ? new PostgresJobLeases(s.ConnectionString)
            : new InProcessJobLeases());
        services.AddSingleton<JobRunner>();
        services.AddHostedService<JobsHost>();
    }
}

/// <summary>Runs one job once: in a scope of its own, under its lease, with a failure logged rather than thrown.</summary>
public sealed class JobRunner(IServiceScopeFactory scopes, IJobLeases leases, IConfiguration config, TimeProvider clock, ILogger<JobRunner> log)
{
    /// <returns>
    /// How many items the run handled; null when another instance held the lease, had already run it this interval, or
    /// the job failed.
    /// </returns>
    public async Task<int?> RunAsync(JobRegistration job, CancellationToken ct)
    {
        try
        {
            await using var lease = await leases.TryAcquireAsync(job.Name, ct);
            if (lease is null)
            {
                log.LogDebug("Job {Job} skipped: another instance is running it", job.Name);
                return null;
            }
            await using var scope = scopes.CreateAsyncScope();
            if (!await MarkStart(scope.ServiceProvider.GetRequiredService<Data.FlipsideDb>(), job, ct))
            {
                log.LogDebug("Job {Job} skipped: another instance ran it this interval", job.Name);
                return null;
            }
            return await ((IJob)scope.ServiceProvider.GetRequiredService(job.JobType)).RunOnceAsync(ct);
        }
        catch (Exception e) when (!(e is OperationCanceledException && ct.IsCancellationRequested))
        {
            // Logged and left to the next tick: one job's trouble is no reason to stop it, or any other, for good.
            log.LogError(e, "Job {Job} failed", job.Name);
            return null;
        }
    }

    /// <summary>Under the lease, so no other instance reads the row between our read and our write.</summary>
    private async Task<bool> MarkStart(Data.FlipsideDb db, JobRegistration job, CancellationToken ct)
    {
        var run = await db.JobRuns.FindAsync([job.Name], ct);
        if (run is null) db.JobRuns.Add(run = new Domain.JobRun(job.Name));
        if (!run.TryStart(clock.GetUtcNow(), job.IntervalIn(config))) return false;
        await db.SaveChangesAsync(ct);
        return true;
    }
}

/// <summary>
/// Each job on its own timer, so a job that fails or runs long neither stops nor delays the others.
/// The timers run on the app's <see cref="TimeProvider"/>, so tests move them with a fake clock.
/// </summary>
public sealed class JobsHost(IEnumerable<JobRegistration> jobs, JobRunner runner, IConfiguration config, TimeProvider clock) : BackgroundService
{
    private IReadOnlyList<(JobRegistration Job, TimeSpan Every)> _schedule = [];

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // Read before anything runs, so a mistyped interval stops start-up with one line (ServeCommand.RunGuarded).
        _schedule = [.. jobs.Select(j => (j, j.IntervalIn(config)))];
        return base.StartAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        !config.GetValue("Jobs:Enabled", true)
            ? Task.CompletedTask
            : Task.WhenAll(_schedule.Select(s => Task.Run(() => Loop(s.Job, s.Every, stoppingToken), CancellationToken.None)));

    private async Task Loop(JobRegistration job, TimeSpan every, CancellationToken stop)
    {
        using var timer = new PeriodicTimer(every, clock);
        try
        {
            do await runner.RunAsync(job, stop);
            while (await timer.WaitForNextTickAsync(stop));
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
    }
}
