using Flipside.Data;
using Flipside.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Flipside.Infrastructure.Startup;

/// <summary>API errors become ProblemDetails; page errors fall through to the friendly error page.</summary>
public sealed class DomainExceptionHandler(IProblemDetailsService problems, ILogger<DomainExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        if (!context.Request.Path.StartsWithSegments("/api")) return false;
        var (status, title) = exception is DomainException
            ? (StatusCodes.Status409Conflict, exception.Message)
            : (StatusCodes.Status500InternalServerError, "Something went wrong on our side. The error was logged.");
        if (status == 500) log.LogError(exception, "Unhandled API error on {Path}", context.Request.Path);
        context.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ProblemDetails { Status = status, Title = title },
            Exception = exception,
        });
    }
}

public sealed class DatabaseHealthCheck(FlipsideDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The database does not answer.");
}
