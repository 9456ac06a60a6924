using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;

namespace Flipside.Features.ApiTokens;

/// <summary>Makes a personal access token for the signed-in account; the secret is returned this once and only its hash is kept.</summary>
public static class CreateApiToken
{
    public static readonly int[] Lifetimes = [7, 30, 90, 180, 365];

    public sealed record Request(string? Name, IReadOnlyList<ApiScope>? Scopes, int? ExpiresInDays);

    public sealed record Created(Guid Id, string Name, string Token, IReadOnlyList<ApiScope> Scopes, DateTimeOffset ExpiresAt);

    public static async Task<Outcome<Created>> Handle(Request r, Viewer viewer, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (!viewer.IsSignedIn) return Outcome.Forbidden("Sign in to create an API token.");
        var errors = new List<FieldError>();
        var name = r.Name?.Trim() ?? "";
        if (name.Length == 0) errors.Add(new("Name", "Give the token a name that says what uses it, such as \"HR sync\"."));
        else if (name.Length > ApiToken.MaxNameLength) errors.Add(new("Name", $"A name has at most {ApiToken.MaxNameLength} characters."));
        if (r.Scopes is not { Count: > 0 }) errors.Add(new("Scopes", "Choose at least one scope."));
        var days = r.ExpiresInDays ?? 0;
        if (days < 1 || days > 365) errors.Add(new("ExpiresInDays", "Choose when the token expires: between 1 and 365 days from now."));
        if (errors.Count > 0) return Outcome.Invalid(errors);

        var now = clock.GetUtcNow();
        var secret = ApiToken.Prefix + Tokens.New();
        var token = new ApiToken(viewer.UserId, name, r.Scopes!, secret, Tokens.Hash(secret), now, now.AddDays(days));
        db.ApiTokens.Add(token);
        db.Record(viewer, now, "api-token.created", nameof(ApiToken), token.Id,
            $"Created API token \"{token.Name}\" ({token.Hint}…) with {string.Join(", ", token.ScopeList.Select(ApiScopes.Name))}, expiring {token.ExpiresAt:yyyy-MM-dd}.");
        await db.SaveChangesAsync(ct);
        return new Created(token.Id, token.Name, secret, token.ScopeList, token.ExpiresAt);
    }
}
