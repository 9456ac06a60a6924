using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Account;

/// <summary>
/// Whether the first administrator exists. Once true it stays true, so it is remembered per process and
/// the database is only asked until then.
/// </summary>
public sealed class SetupState
{
    private volatile bool _completed;

    public async Task<bool> IsCompletedAsync(FlipsideDb db, CancellationToken ct)
    {
        if (_completed) return true;
        _completed = await db.SystemFlags.AnyAsync(f => f.Key == SystemFlag.SetupCompleted, ct);
        return _completed;
    }

    /// <summary>Until setup is done, every page leads to the setup page.</summary>
    public static IApplicationBuilder UseSetupGate(IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var path = ctx.Request.Path;
        var gated = HttpMethods.IsGet(ctx.Request.Method) && !path.StartsWithSegments("/Account/Setup")
            && !path.StartsWithSegments("/api") && !path.StartsWithSegments("/health") && !path.StartsWithSegments("/openapi")
            && !path.StartsWithSegments("/lib") && !path.StartsWithSegments("/css") && !path.StartsWithSegments("/Shared")
            && !path.StartsWithSegments("/favicon.svg");
        if (gated)
        {
            var state = ctx.RequestServices.GetRequiredService<SetupState>();
            if (!await state.IsCompletedAsync(ctx.RequestServices.GetRequiredService<FlipsideDb>(), ctx.RequestAborted))
            {
                ctx.Response.Redirect("/Account/Setup");
                return;
            }
        }
        await next(ctx);
    });
}
