using System.Security.Claims;
using Flipside.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Infrastructure.Security;

/// <summary>
/// Keeps each sign-in's ticket in the database (decision 0025). A request costs one primary-key read; signing out
/// deletes the row, so a replayed cookie finds nothing and is treated as signed out, on every instance at once.
/// </summary>
public sealed class SessionTicketStore(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider clock) : ITicketStore
{
    private readonly IDataProtector _protector = protection.CreateProtector("Flipside.SignInSessions");

    public async Task<string> StoreAsync(AuthenticationTicket ticket)
    {
        var userId = UserId(ticket);
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlipsideDb>();
        // Each new sign-in clears the person's expired sessions, so the table holds live sessions without a cleanup job.
        var now = clock.GetUtcNow();
        await db.SignInSessions.Where(s => s.UserId == userId && s.ExpiresAt < now).ExecuteDeleteAsync();
        var session = new SignInSession { Id = Guid.NewGuid(), UserId = userId, Ticket = Protect(ticket), ExpiresAt = Expiry(ticket) };
        db.SignInSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id.ToString("N");
    }

    public async Task RenewAsync(string key, AuthenticationTicket ticket)
    {
        if (!Guid.TryParseExact(key, "N", out var id)) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlipsideDb>();
        var ticketBytes = Protect(ticket);
        var expiresAt = Expiry(ticket);
        // Renewing a session that was signed out meanwhile must not bring it back: the update touches only an existing row.
        await db.SignInSessions.Where(s => s.Id == id)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Ticket, ticketBytes).SetProperty(s => s.ExpiresAt, expiresAt));
    }

    public async Task<AuthenticationTicket?> RetrieveAsync(string key)
    {
        if (!Guid.TryParseExact(key, "N", out var id)) return null;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<FlipsideDb>();
        var bytes = await db.SignInSessions.AsNoTracking().Where(s => s.Id == id && s.ExpiresAt > clock.GetUtcNow())
            .Select(s => s.Ticket).SingleOrDefaultAsync();
        if (bytes is null) return null;
        try
        {
            return TicketSerializer.Default.Deserialize(_protector.Unprotect(bytes));
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null; // written under a key that is gone: the person signs in again
        }
    }

    public async Task RemoveAsync(string key)
    {
        if (!Guid.TryParseExact(key, "N", out var id)) return;
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<FlipsideDb>().SignInSessions.Where(s => s.Id == id).ExecuteDeleteAsync();
    }

    /// <summary>Ends every browser session of the account: "sign out everywhere" and deactivation.</summary>
    public static Task EndAll(FlipsideDb db, string userId, CancellationToken ct) =>
        db.SignInSessions.Where(s => s.UserId == userId).ExecuteDeleteAsync(ct);

    private byte[] Protect(AuthenticationTicket ticket) => _protector.Protect(TicketSerializer.Default.Serialize(ticket));

    private DateTimeOffset Expiry(AuthenticationTicket ticket) => ticket.Properties.ExpiresUtc ?? clock.GetUtcNow().AddHours(8);

    private static string UserId(AuthenticationTicket ticket) =>
        ticket.Principal.FindFirstValue(ClaimTypes.NameIdentifier) ?? throw new InvalidOperationException("A sign-in ticket without a user id.");

    public static void Use(IServiceCollection services)
    {
        services.AddSingleton<SessionTicketStore>();
        services.AddOptions<CookieAuthenticationOptions>(Microsoft.AspNetCore.Identity.IdentityConstants.ApplicationScheme)
            .Configure<SessionTicketStore>((o, store) => o.SessionStore = store);
    }
}
