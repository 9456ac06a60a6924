using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Home;

/// <summary>What each role's home page shows first: counts that say where things stand and what to do next.</summary>
public static class HomeSummary
{
    public sealed record AdminFigures(int People, int Accounts, int OpenInvitations, int WaitingMessages);

    public sealed record Participant(string Name, string Title, string Department, string Location);

    public static async Task<AdminFigures> ForAdministrator(FlipsideDb db, DateTimeOffset now, CancellationToken ct) => new(
        // Everyone the directory lists, leavers included, so the figure is what its link to the People page shows.
        await db.People.CountAsync(ct),
        await db.Users.CountAsync(ct),
        await db.Invitations.CountAsync(i => i.UsedAt == null && i.RevokedAt == null && i.ExpiresAt > now, ct),
        await db.Outbox.CountAsync(OutboxMessage.Pending, ct));

    public static Participant Of(Person person) => new(person.Name, person.Title, person.Department, person.Location);
}
