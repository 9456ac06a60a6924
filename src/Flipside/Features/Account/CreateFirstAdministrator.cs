using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Account;

/// <summary>The first-run setup: creates the first administrator, exactly once per installation.</summary>
public static class CreateFirstAdministrator
{
    public sealed record Request(string Name, string Email, string Password);

    /// <remarks>A second, racing setup fails on the flag's primary key, which <see cref="Outcome.Of{T}"/> answers as a conflict.</remarks>
    public static async Task<Outcome<FlipsideUser>> Handle(Request r, FlipsideDb db, UserManager<FlipsideUser> users, TimeProvider clock, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        if (string.IsNullOrWhiteSpace(r.Name)) errors.Add(new("Name", "Enter your name."));
        else if (Domain.VisibleText.HasHidden(r.Name)) errors.Add(new("Name", Domain.VisibleText.Message));
        if (!FieldErrors.IsEmail(r.Email)) errors.Add(new("Email", "Enter an email address such as name@example.com."));
        if (errors.Count > 0) return Outcome.Invalid(errors);

        var now = clock.GetUtcNow();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (await db.SystemFlags.AnyAsync(f => f.Key == SystemFlag.SetupCompleted, ct))
            return Outcome.Conflict("Flipside already has an administrator; sign in instead.");
        // The flag's primary key makes a second, racing setup fail here rather than create a second admin.
        db.SystemFlags.Add(new SystemFlag(SystemFlag.SetupCompleted, now));
        await db.SaveChangesAsync(ct);

        var user = new FlipsideUser { UserName = r.Email.Trim(), Email = r.Email.Trim(), EmailConfirmed = true, DisplayName = r.Name.Trim(), CreatedAt = now };
        var created = await users.CreateAsync(user, r.Password);
        if (!created.Succeeded) return Outcome.Invalid([.. FieldErrors.FromIdentity(created)]);
        var role = await users.AddToRoleAsync(user, Roles.Administrator);
        if (!role.Succeeded) return Outcome.Invalid([.. FieldErrors.FromIdentity(role)]);
        db.Record(user.Id, now, "account.created", "Account", user.Id, $"{user.Email} as the first administrator, at setup");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return user;
    }
}
