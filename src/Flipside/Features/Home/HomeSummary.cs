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
        await db.People.CountAsync(p => p.Status != PersonStatus.Left, ct),
        await db.Users.CountAsync(ct),
        await db.Invitations.CountAsync(i => i.UsedAt == null && i.RevokedAt == null && i.ExpiresAt > now, ct),
        await db.Outbox.CountAsync(m => m.SentAt == null && m.FailedAt == null, ct));

    /// <summary>The directory keeps emails in lower case; an account's may be typed in any case.</summary>
    public static Task<Participant?> ForParticipant(FlipsideDb db, string email, CancellationToken ct)
    {
        var key = email.Trim().ToLowerInvariant();
        return db.People.Where(p => p.Email == key).Select(p => new Participant(p.Name, p.Title, p.Department, p.Location)).SingleOrDefaultAsync(ct);
    }
}
