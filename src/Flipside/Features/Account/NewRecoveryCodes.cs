using Flipside.Data;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Identity;

namespace Flipside.Features.Account;

/// <summary>Replaces every recovery code with ten new ones: the old ones, used or not, stop working.</summary>
public static class NewRecoveryCodes
{
    public static async Task<Outcome<IReadOnlyList<string>>> Handle(FlipsideUser user, UserManager<FlipsideUser> users, FlipsideDb db, TimeProvider clock)
    {
        if (!user.TwoFactorEnabled) return Outcome.Conflict("Recovery codes come with two-step sign-in, which is off. Set it up first.");
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, Authenticator.RecoveryCodeCount);
        if (codes is null) return Outcome.Conflict("Flipside could not make recovery codes. Try again.");
        db.Record(user.Id, clock.GetUtcNow(), "account.recovery-codes-renewed", "Account", user.Id, $"{user.Email} made new recovery codes; the old ones stopped working");
        await db.SaveChangesAsync();
        return codes.ToList();
    }
}
