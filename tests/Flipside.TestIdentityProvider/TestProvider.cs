using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace Flipside.TestIdentityProvider;

/// <summary>How a provider can be set up wrong for the client that signs in through it.</summary>
public enum Flaw { None, WrongAudience, WrongIssuer }

/// <summary>Someone the provider knows; <see cref="EmailVerified"/> null leaves the claim out, as some providers do.</summary>
public sealed record TestUser(string Username, string Email, string Name, bool? EmailVerified = true, params string[] Groups);

/// <summary>
/// A real OpenID Connect provider (OpenIddict) on a loopback port, for the single sign-on tests: the authorization code flow
/// with PKCE, a plain login form, codes and tokens stored (SQLite in memory) so that a code redeemed twice is refused.
/// </summary>
public sealed class TestProvider : IAsyncDisposable
{
    public const string Password = "provider-password";

    private readonly ConcurrentDictionary<string, TestUser> _users = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Flaw> _flaws = new(StringComparer.Ordinal);
    // A shared in-memory database lives while one connection to it is open; each request's context opens its own.
    private readonly string _storeName = $"Data Source=provider-{Guid.NewGuid():N};Mode=Memory;Cache=Shared";
    private SqliteConnection? _keepAlive;
    private WebApplication? _app;

    public Uri Authority { get; private set; } = null!;

    public static async Task<TestProvider> StartAsync()
    {
        var provider = new TestProvider();
        await provider.StartCoreAsync();
        return provider;
    }

    public void AddUser(TestUser user) => _users[user.Username] = user;

    /// <summary>Registers a confidential client that may send people back to <paramref name="redirectUri"/>.</summary>
    public async Task AddClientAsync(string clientId, string secret, Uri redirectUri, Flaw flaw = Flaw.None)
    {
        _flaws[clientId] = flaw;
        await using var scope = _app!.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = secret,
            ClientType = ClientTypes.Confidential,
            RedirectUris = { redirectUri },
            Permissions =
            {
                Permissions.Endpoints.Authorization, Permissions.Endpoints.Token, Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code, Permissions.Scopes.Email, Permissions.Scopes.Profile, Permissions.Prefixes.Scope + "groups",
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    private async Task StartCoreAsync()
    {
        _keepAlive = new SqliteConnection(_storeName);
        await _keepAlive.OpenAsync();
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddDbContext<ProviderDb>(o => o.UseSqlite(_storeName).UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDb>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile, "groups");
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
                o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().DisableTransportSecurityRequirement();
                o.AddEventHandler<OpenIddictServerEvents.ProcessSignInContext>(h => h
                    .UseInlineHandler(MisSet)
                    .SetOrder(OpenIddictServerHandlers.PrepareIdentityTokenPrincipal.Descriptor.Order + 1));
            });
        _app = builder.Build();
        _app.UseAuthentication();
        _app.MapMethods("/connect/authorize", ["GET", "POST"], (Delegate)Authorize);
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<ProviderDb>().Database.EnsureCreatedAsync();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Authority = new Uri(address.TrimEnd('/') + "/");
        await WarmUpAsync();
    }

    /// <summary>
    /// The first metadata request builds the provider's keys and store, which on a loaded machine can outlast a client's
    /// timeout; asking once here keeps a slow start from looking like a provider that is down.
    /// </summary>
    private async Task WarmUpAsync()
    {
        using var http = new HttpClient { BaseAddress = Authority, Timeout = TimeSpan.FromMinutes(2) };
        (await http.GetAsync(".well-known/openid-configuration")).EnsureSuccessStatusCode();
        (await http.GetAsync(".well-known/jwks")).EnsureSuccessStatusCode();
    }

    /// <summary>A provider set up for someone else: the identity token names another audience, or another issuer than its metadata.</summary>
    private ValueTask MisSet(OpenIddictServerEvents.ProcessSignInContext context)
    {
        if (context.IdentityTokenPrincipal is not { } principal || context.ClientId is null) return default;
        switch (_flaws.GetValueOrDefault(context.ClientId))
        {
            case Flaw.WrongAudience:
                principal.SetAudiences("some-other-application");
                break;
            case Flaw.WrongIssuer:
                principal.SetClaim(Claims.Private.Issuer, "https://impostor.example.org/");
                break;
        }
        return default;
    }

    private async Task<IResult> Authorize(HttpContext http)
    {
        var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
        var form = http.Request.HasFormContentType ? await http.Request.ReadFormAsync() : null;
        if (form?["cancel"].Count > 0)
            return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        var username = form?["username"].ToString() ?? "";
        if (!_users.TryGetValue(username, out var user) || form?["password"].ToString() != Password)
            return LoginForm(request, form is null ? null : "Unknown user or wrong password.");

        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, "sub-" + user.Username).SetClaim(Claims.Email, user.Email).SetClaim(Claims.Name, user.Name);
        if (user.EmailVerified is { } verified) identity.AddClaim(new Claim(Claims.EmailVerified, verified ? "true" : "false", ClaimValueTypes.Boolean));
        identity.SetClaims("groups", [.. user.Groups]);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.IdentityToken]);
        return Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    /// <summary>The request's parameters travel as hidden fields, so the POST is the same authorization request plus the credentials.</summary>
    private static IResult LoginForm(OpenIddictRequest request, string? error)
    {
        var fields = string.Concat(request.GetParameters()
            .Where(p => p.Key is not ("username" or "password" or "cancel"))
            .Select(p => $"<input type=\"hidden\" name=\"{WebUtility.HtmlEncode(p.Key)}\" value=\"{WebUtility.HtmlEncode((string?)p.Value)}\">"));
        var html = $"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Test provider sign-in</title></head>
            <body><main><h1>Test provider sign-in</h1>
            {(error is null ? "" : $"<p role=\"alert\">{error}</p>")}
            <form method="post" action="/connect/authorize">{fields}
            <label for="username">Username</label> <input id="username" name="username" autocomplete="off">
            <label for="password">Password</label> <input id="password" name="password" type="password">
            <button type="submit">Continue</button> <button type="submit" name="cancel" value="1">Cancel</button>
            </form></main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }

    /// <summary>The provider goes down: its port stops answering.</summary>
    public async Task StopAsync()
    {
        if (_app is null) return;
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_keepAlive is not null) await _keepAlive.DisposeAsync();
    }

    private sealed class ProviderDb(DbContextOptions<ProviderDb> options) : DbContext(options);
}
