using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.ApiTokens;

/// <summary>Stops one of the signed-in account's tokens at once; another account's token is not found.</summary>
public static class RevokeApiToken
{
    public static async Task<Outcome<Done>> Handle(Guid id, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        var token = await db.ApiTokens.FirstOrDefaultAsync(t => t.Id == id && t.UserId == viewer.UserId && viewer.UserId != "", ct);
        if (token is null) return Outcome.NotFound;
        var now = clock.GetUtcNow();
        token.Revoke(now);
        db.Record(viewer, now, "api-token.revoked", nameof(ApiToken), token.Id, $"Revoked API token \"{token.Name}\" ({token.Hint}…).");
        await db.SaveChangesAsync(ct);
        return Outcome.Ok;
    }
}
