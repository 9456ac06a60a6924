using Flipside.Data;
using Flipside.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Flipside.Infrastructure.Startup;

/// <summary>API errors become ProblemDetails; page errors fall through to the friendly error page.</summary>
public sealed class DomainExceptionHandler(ILogger<DomainExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        // By now the request path points at the error page; the feature keeps the path that failed.
        var path = context.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? context.Request.Path;
        if (!path.StartsWith("/api/", StringComparison.OrdinalIgnoreCase)) return false;
        var (status, title) = exception is DomainException
            ? (StatusCodes.Status409Conflict, exception.Message)
            : (StatusCodes.Status500InternalServerError, "Something went wrong on our side. The error was logged.");
        if (status == 500) log.LogError(exception, "Unhandled API error on {Path}", path);
        context.Response.StatusCode = status;
        // Written directly: API clients get ProblemDetails whatever their Accept header says.
        await context.Response.WriteAsJsonAsync(new ProblemDetails { Status = status, Title = title }, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
        return true;
    }
}

public sealed class DatabaseHealthCheck(FlipsideDb db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("The database does not answer.");
}
