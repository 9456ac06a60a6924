using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace Flipside.Features.Home;

/// <summary>What each role's home page shows first: counts that say where things stand and what to do next.</summary>
public static class HomeSummary
{
    public sealed record AdminFigures(int People, int Accounts, int OpenInvitations, int WaitingMessages);

    private sealed record DirectorySize(int People);

    public sealed record Participant(string Name, string Title, string Department, string Location);

    public static async Task<AdminFigures> ForAdministrator(FlipsideDb db, TimeProvider clock, IMemoryCache? cache, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        return new(
            // Everyone the directory lists, leavers included, so the figure is what its link to the People page shows. Kept
            // under the data stamp: counting a 50,000-person directory on every visit was most of the home page's cost.
            (await StampedCache.GetOrBuild(typeof(DirectorySize), cache, db, clock, async () => new DirectorySize(await db.People.CountAsync(ct)), ct))!.People,
            await db.Users.CountAsync(ct),
            await db.Invitations.CountAsync(i => i.UsedAt == null && i.RevokedAt == null && i.ExpiresAt > now, ct),
            await db.Outbox.CountAsync(OutboxMessage.Pending, ct));
    }

    public static Participant Of(Person person) => new(person.Name, person.Title, person.Department, person.Location);
}
