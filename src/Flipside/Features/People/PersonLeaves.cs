using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.People;

/// <summary>
/// Everything that follows from people leaving the organisation, in one place for every way they are marked left
/// (an import, an administrator by hand, later SCIM): their directory status, their accounts deactivated as the
/// administrator's deactivation does it, their open enrolments ended, and each affected program's managers told.
/// It only stages the changes: the caller saves them in its own transaction, so they stand or fall with the change
/// that caused them.
/// </summary>
public static class PersonLeaves
{
    public sealed record EndedEnrollment(Guid EnrollmentId, Guid PersonId, EnrollmentStatus Before);
    public sealed record DeactivatedAccount(string UserId, Guid PersonId);
    public sealed record Effects(IReadOnlyList<EndedEnrollment> Enrollments, IReadOnlyList<DeactivatedAccount> Accounts);

    /// <remarks>
    /// Entities are marked changed entry by entry, so this works whether the caller detects changes (a page) or not
    /// (an import of many thousand people, which switches detection off). People already left are left alone.
    /// </remarks>
    public static async Task<Effects> Handle(FlipsideDb db, Viewer viewer, DateTimeOffset now, IReadOnlyCollection<Guid> personIds, CancellationToken ct)
    {
        if (personIds.Count == 0) return new([], []);
        var ids = personIds.ToList();
        var people = await db.People.Where(p => ids.Contains(p.Id) && p.Status != PersonStatus.Left).ToListAsync(ct);
        if (people.Count == 0) return new([], []);
        ids = [.. people.Select(p => p.Id)];
        foreach (var person in people)
        {
            person.Status = PersonStatus.Left;
            db.Entry(person).DetectChanges();
        }
        await EndPairings(db, ids, now, ct);
        var ended = await EndEnrollments(db, ids, now, ct);
        var accounts = await DeactivateAccounts(db, viewer, people, now, ct);
        return new(ended, accounts);
    }

    /// <summary>How many open enrolments and active accounts leaving would end, for a preview that writes nothing.</summary>
    public static async Task<(int Enrollments, int Accounts)> Reach(FlipsideDb db, Viewer viewer, IReadOnlyList<Person> people, CancellationToken ct)
    {
        if (people.Count == 0) return (0, 0);
        var ids = people.Select(p => p.Id).ToList();
        var emails = people.Select(p => p.Email.ToUpperInvariant()).ToList();
        var enrollments = await db.Enrollments.CountAsync(e => ids.Contains(e.PersonId) && Domain.Enrollment.OpenStatuses.Contains(e.Status), ct);
        var accounts = await db.Users.CountAsync(u => emails.Contains(u.NormalizedEmail!) && u.IsActive && u.Id != viewer.UserId, ct);
        return (enrollments, accounts);
    }

    private static async Task<List<EndedEnrollment>> EndEnrollments(FlipsideDb db, List<Guid> ids, DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.Enrollments.Include(e => e.Person).Include(e => e.Cohort).ThenInclude(c => c.Program).ThenInclude(p => p.Managers)
            .Where(e => ids.Contains(e.PersonId) && Domain.Enrollment.OpenStatuses.Contains(e.Status)).ToListAsync(ct);
        var ended = new List<EndedEnrollment>(open.Count);
        foreach (var e in open)
        {
            ended.Add(new(e.Id, e.PersonId, e.Status));
            e.EndBecauseLeft(now);
            // Moved by hand: the save's own version step happens after change detection, which an import has switched off.
            e.Version++;
            db.Entry(e).DetectChanges();
        }
        var managerIds = open.SelectMany(e => e.Cohort.Program.Managers.Select(m => m.UserId)).Distinct().ToList();
        var managers = await db.Users.Where(u => managerIds.Contains(u.Id) && u.IsActive).ToDictionaryAsync(u => u.Id, ct);
        foreach (var program in open.GroupBy(e => e.Cohort.Program))
            foreach (var manager in program.Key.Managers.Select(m => managers.GetValueOrDefault(m.UserId)).OfType<FlipsideUser>())
                db.Outbox.Add(LeaverEmails.ToManager(manager, program.Key, [.. program], now));
        return ended;
    }

    // Running pairings end without fault ("the program has ended this pairing"), and the partner is told; proposals and
    // approvals not yet published are rejected so they are never published or proposed again.
    private static async Task EndPairings(FlipsideDb db, List<Guid> ids, DateTimeOffset now, CancellationToken ct)
    {
        var open = await db.Pairings.Include(p => p.Cohort).ThenInclude(c => c.Program)
            .Include(p => p.MentorEnrollment).ThenInclude(e => e.Person).Include(p => p.MenteeEnrollment).ThenInclude(e => e.Person)
            .Where(p => Pairing.Holding.Contains(p.Status) && (ids.Contains(p.MentorEnrollment.PersonId) || ids.Contains(p.MenteeEnrollment.PersonId)))
            .ToListAsync(ct);
        foreach (var pairing in open)
        {
            if (pairing.IsRunning)
            {
                pairing.End(PairingActor.Directory, "left the organisation", rematch: false, now);
                await Sessions.EndedPairingMeetings.Stage(db, pairing, baseUrl: null, now, ct);
                var partner = ids.Contains(pairing.MentorEnrollment.PersonId) ? pairing.MenteeEnrollment.Person : pairing.MentorEnrollment.Person;
                if (!ids.Contains(partner.Id))
                    db.Outbox.Add(Pairings.PairingEmails.Ended(pairing, pairing.Cohort.Program, partner, baseUrl: null, now));
            }
            else pairing.Reject("directory", now);
            pairing.Version++;
            db.Entry(pairing).DetectChanges();
        }
    }

    private static async Task<List<DeactivatedAccount>> DeactivateAccounts(FlipsideDb db, Viewer viewer, List<Person> people, DateTimeOffset now, CancellationToken ct)
    {
        var byEmail = people.Where(p => p.Email.Contains('@', StringComparison.Ordinal))
            .ToDictionary(p => p.Email.ToUpperInvariant(), StringComparer.Ordinal);
        var emails = byEmail.Keys.ToList();
        // The one who marks people left keeps their own account, as the Users page never lets anyone deactivate themselves.
        var users = await db.Users.Where(u => emails.Contains(u.NormalizedEmail!) && u.IsActive && u.Id != viewer.UserId).ToListAsync(ct);
        var deactivated = new List<DeactivatedAccount>(users.Count);
        foreach (var user in users)
        {
            // What UserManager does for the Users page's deactivation, staged in this unit of work: a new security stamp
            // ends the person's sessions at the next check, and a new concurrency stamp tells a stale edit apart.
            user.IsActive = false;
            user.SecurityStamp = Convert.ToHexString(System.Security.Cryptography.RandomNumberGenerator.GetBytes(20));
            user.ConcurrencyStamp = Guid.NewGuid().ToString();
            db.Entry(user).DetectChanges();
            db.Record(viewer, now, "account.deactivated", "Account", user.Id, $"{user.Email}: left the organisation");
            deactivated.Add(new(user.Id, byEmail[user.NormalizedEmail!].Id));
        }
        return deactivated;
    }
}
