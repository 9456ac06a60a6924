using Flipside.Data;
using Flipside.Features.Shared;

namespace Flipside.Features.ApiTokens;

public static class ApiTokensApi
{
    /// <summary>The signed-in person's own tokens. A token cannot call these (see <see cref="ApiScopes"/>), so one that leaks cannot make more.</summary>
    public static void MapApiTokensApi(this IEndpointRouteBuilder api)
    {
        var tokens = api.MapGroup("/account/tokens").WithTags("API tokens").RequireAuthorization();
        tokens.MapGet("/", (Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            ListApiTokens.Handle(viewer, db, clock, ct).ToHttp(rows => TypedResults.Ok(rows))).ProducesRefusals();
        tokens.MapPost("/", (CreateApiToken.Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            CreateApiToken.Handle(r, viewer, db, clock, ct).ToHttp(created => TypedResults.Created($"/api/v1/account/tokens/{created.Id}", created)))
            .ProducesRefusals();
        tokens.MapDelete("/{id:guid}", (Guid id, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct) =>
            RevokeApiToken.Handle(id, viewer, db, clock, ct).ToHttp()).ProducesRefusals();
    }
}
