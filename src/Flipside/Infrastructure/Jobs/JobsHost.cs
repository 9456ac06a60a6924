namespace Flipside.Infrastructure.Jobs;

/// <summary>One unit of background work. Tests call <see cref="RunOnceAsync"/> directly.</summary>
public interface IJob
{
    /// <returns>How many items the run handled.</returns>
    Task<int> RunOnceAsync(CancellationToken ct);
}

public static class JobsSetup
{
    public static void AddFlipsideJobs(this IServiceCollection services)
    {
        services.AddScoped<IJob>(sp => sp.GetRequiredService<Email.OutboxSender>());
        services.AddHostedService<JobsHost>();
    }
}

/// <summary>A thin loop that runs every job on an interval, each in its own scope.</summary>
public sealed class JobsHost(IServiceScopeFactory scopes, IConfiguration config, ILogger<JobsHost> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!config.GetValue("Jobs:Enabled", true)) return;
        var interval = config.GetValue("Jobs:Interval", TimeSpan.FromSeconds(15));
        using var timer = new PeriodicTimer(interval);
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            foreach (var job in scope.ServiceProvider.GetServices<IJob>())
            {
                try { await job.RunOnceAsync(stoppingToken); }
                catch (Exception e) when (e is not OperationCanceledException) { log.LogError(e, "Job {Job} failed", job.GetType().Name); }
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
