using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Scim;

/// <summary>An administrator's SCIM tokens: made and named here, shown once, kept only as a hash, revoked here.</summary>
public static class ScimTokens
{
    public sealed record Row(Guid Id, string Name, DateTimeOffset CreatedAt, string CreatedBy, DateTimeOffset? RevokedAt, string? RevokedBy);

    /// <summary>The token itself is in the result and nowhere else: the page shows it once.</summary>
    public sealed record Made(Guid Id, string Name, string Token);

    public static async Task<Outcome<IReadOnlyList<Row>>> List(Viewer viewer, FlipsideDb db, CancellationToken ct)
    {
        if (viewer.RequireAdministrator("see the SCIM tokens") is { } refused) return refused;
        var rows = await db.ScimTokens.AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(t => t.IsRevoked).ThenByDescending(t => t.CreatedAt)
            .Select(t => new Row(t.Id, t.Name, t.CreatedAt, t.CreatedBy, t.RevokedAt, t.RevokedBy)).ToList();
    }

    public static async Task<Outcome<Made>> Make(string name, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (viewer.RequireAdministrator("make a SCIM token") is { } refused) return refused;
        name = name.Trim();
        if (name.Length == 0) return Outcome.Invalid("Name", "Name the token after the identity provider that will use it, e.g. Okta.");
        if (name.Length > ScimToken.MaxNameLength) return Outcome.Invalid("Name", $"Shorten the name to {ScimToken.MaxNameLength} characters.");
        if (await db.ScimTokens.AnyAsync(t => t.Name == name && t.RevokedAt == null, ct))
            return Outcome.Invalid("Name", $"A token named {name} is in use; give this one another name, or revoke that one first.");
        var now = clock.GetUtcNow();
        var secret = Tokens.New();
        var token = db.ScimTokens.Add(new ScimToken(name, Tokens.Hash(secret), viewer.Email.Length > 0 ? viewer.Email : viewer.UserId, now)).Entity;
        db.Record(viewer, now, "scim-token.made", "ScimToken", token.Id, name);
        await db.SaveChangesAsync(ct);
        return new Made(token.Id, name, secret);
    }

    public static async Task<Outcome<Row>> Revoke(Guid id, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (viewer.RequireAdministrator("revoke a SCIM token") is { } refused) return refused;
        if (await db.ScimTokens.SingleOrDefaultAsync(t => t.Id == id, ct) is not { } token) return Outcome.NotFound;
        var now = clock.GetUtcNow();
        token.Revoke(viewer.Email.Length > 0 ? viewer.Email : viewer.UserId, now);
        db.Record(viewer, now, "scim-token.revoked", "ScimToken", token.Id, token.Name);
        await db.SaveChangesAsync(ct);
        return new Row(token.Id, token.Name, token.CreatedAt, token.CreatedBy, token.RevokedAt, token.RevokedBy);
    }
}
