using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.ApiTokens;

/// <summary>The signed-in account's tokens, newest first, without their secrets (which are not kept).</summary>
public static class ListApiTokens
{
    public sealed record Row(Guid Id, string Name, string Hint, IReadOnlyList<ApiScope> Scopes, DateTimeOffset CreatedAt,
        DateTimeOffset ExpiresAt, DateTimeOffset? LastUsedAt, string Status);

    public static async Task<Outcome<IReadOnlyList<Row>>> Handle(Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!viewer.IsSignedIn) return Outcome.Forbidden("Sign in to see your API tokens.");
        var now = clock.GetUtcNow();
        var tokens = await db.ApiTokens.AsNoTracking().Where(t => t.UserId == viewer.UserId).ToListAsync(ct);
        return tokens.OrderByDescending(t => t.CreatedAt)
            .Select(t => new Row(t.Id, t.Name, t.Hint, t.ScopeList, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.Status(now))).ToList();
    }
}
