using Flipside.Data;
using Flipside.Infrastructure.Security;
using Microsoft.AspNetCore.Identity;

namespace Flipside.Features.Account;

/// <summary>
/// Ends every browser session of the account at once: the server-side sessions are deleted (immediate) and the
/// security stamp changes, so a session no server holds any more cannot come back. API tokens are not sessions and
/// keep working; their owner revokes them on the API tokens page.
/// </summary>
public static class SignOutEverywhere
{
    public static async Task Handle(string userId, UserManager<FlipsideUser> users, FlipsideDb db, CancellationToken ct)
    {
        if (await users.FindByIdAsync(userId) is not { } user) return;
        await users.UpdateSecurityStampAsync(user);
        await SessionTicketStore.EndAll(db, userId, ct);
    }
}
