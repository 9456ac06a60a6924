using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.People;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Privacy;

/// <summary>
/// The field-by-field part of an erasure: the directory row, the accounts and what hangs on them, enrolments and
/// profiles, the person's own writing in their pairings, the codes that link their answers, mail to them, their calendar
/// feeds and the import history. Rows that others need (a pairing, an enrolment, a meeting) stay, without the person.
/// </summary>
internal static class ErasedRecords
{
    public static async Task Handle(FlipsideDb db, Person original, List<string> accountIds, string pseudonym, List<string> surveyCodes,
        Func<string, string> redact, DateTimeOffset now, CancellationToken ct)
    {
        var id = original.Id;
        var person = await db.People.SingleAsync(p => p.Id == id, ct);
        person.Erase(pseudonym, now);
        await db.People.Where(p => p.ManagerEmployeeId == original.EmployeeId).ExecuteUpdateAsync(s => s.SetProperty(p => p.ManagerEmployeeId, (string?)null), ct);
        await Accounts(db, accountIds, pseudonym, ct);
        await db.Invitations.Where(i => i.Email.ToLower() == original.Email.ToLower()).ExecuteDeleteAsync(ct);
        await db.NudgeSettings.Where(n => n.Email.ToLower() == original.Email.ToLower()).ExecuteDeleteAsync(ct);
        await db.ScimIdentities.Where(s => s.PersonId == id).ExecuteDeleteAsync(ct);
        await db.CalendarFeeds.Where(f => f.PersonId == id).ExecuteDeleteAsync(ct);

        var enrollments = db.Enrollments.Where(e => e.PersonId == id);
        await enrollments.ExecuteUpdateAsync(s => s.SetProperty(e => e.Motivation, "").SetProperty(e => e.ApprovalTokenHash, (string?)null), ct);
        foreach (var profile in await db.Profiles.Where(p => enrollments.Any(e => e.Id == p.EnrollmentId)).ToListAsync(ct))
        {
            (profile.HopeToGive, profile.HopeToGet, profile.Interests) = ("", "", []);
            profile.UpdatedAt = now;
        }
        await OwnWriting(db, id, ct);
        // Lists of texts are arrays on PostgreSQL, out of the text sweep's reach: the person's pairings' reasons are redacted here.
        foreach (var pairing in await db.Pairings.Where(p => p.MentorEnrollment.PersonId == id || p.MenteeEnrollment.PersonId == id).ToListAsync(ct))
            pairing.RedactReasons(redact);
        foreach (var code in surveyCodes)
        {
            // A fresh random code per erased code: the answers stay in the aggregates, linked to nobody.
            var unlinked = "erased-" + Guid.NewGuid().ToString("N");
            await db.SurveyResponses.Where(r => r.Pseudonym == code).ExecuteUpdateAsync(s => s.SetProperty(r => r.Pseudonym, unlinked), ct);
            await db.PulseAnswers.Where(r => r.Pseudonym == code).ExecuteUpdateAsync(s => s.SetProperty(r => r.Pseudonym, unlinked), ct);
            await db.HeldAnswers.Where(r => r.Pseudonym == code).ExecuteUpdateAsync(s => s.SetProperty(r => r.Pseudonym, unlinked), ct);
        }
        var email = original.Email.ToLower();
        await db.Outbox.Where(m => m.To.ToLower() == email).ExecuteDeleteAsync(ct);
        await db.Set<ImportRunChange>().Where(c => c.PersonId == id)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.EmployeeId, pseudonym).SetProperty(c => c.Before, (string?)null).SetProperty(c => c.After, (string?)null), ct);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        await Uploads(db, original, ct);
    }

    private static async Task Accounts(FlipsideDb db, List<string> ids, string pseudonym, CancellationToken ct)
    {
        var address = Person.ErasedEmail(pseudonym);
        foreach (var account in await db.Users.Where(u => ids.Contains(u.Id)).ToListAsync(ct))
        {
            // One pseudonymous address per person; a second account of the same person gets its id in it to stay unique.
            var name = ids.Count == 1 ? address : $"{account.Id}.{address}";
            (account.UserName, account.NormalizedUserName, account.Email, account.NormalizedEmail) = (name, name.ToUpperInvariant(), name, name.ToUpperInvariant());
            (account.DisplayName, account.PasswordHash, account.PhoneNumber, account.IsActive) = (Person.ErasedName, null, null, false);
            (account.SecurityStamp, account.ConcurrencyStamp) = (Guid.NewGuid().ToString("N"), Guid.NewGuid().ToString());
            (account.LockoutEnabled, account.LockoutEnd) = (true, DateTimeOffset.MaxValue);
        }
        await db.UserLogins.Where(l => ids.Contains(l.UserId)).ExecuteDeleteAsync(ct);
        await db.UserTokens.Where(t => ids.Contains(t.UserId)).ExecuteDeleteAsync(ct);
        await db.UserClaims.Where(c => ids.Contains(c.UserId)).ExecuteDeleteAsync(ct);
        await db.UserRoles.Where(r => ids.Contains(r.UserId)).ExecuteDeleteAsync(ct);
        await db.SignInSessions.Where(s => ids.Contains(s.UserId)).ExecuteDeleteAsync(ct);
        await db.ApiTokens.Where(t => ids.Contains(t.UserId)).ExecuteDeleteAsync(ct);
        await db.ProgramManagers.Where(m => ids.Contains(m.UserId)).ExecuteDeleteAsync(ct);
        await db.ProgramSponsors.Where(m => ids.Contains(m.UserId)).ExecuteDeleteAsync(ct);
    }

    // Their own notes (private or shared) and the messages they sent: their writing, sealed, but theirs to have removed.
    private static async Task OwnWriting(FlipsideDb db, Guid personId, CancellationToken ct)
    {
        var asMentor = db.Pairings.Where(p => p.MentorEnrollment.PersonId == personId).Select(p => p.Id);
        var asMentee = db.Pairings.Where(p => p.MenteeEnrollment.PersonId == personId).Select(p => p.Id);
        await db.Notes.Where(n => (asMentor.Contains(n.PairingId) && n.Author == ParticipantRole.Mentor)
            || (asMentee.Contains(n.PairingId) && n.Author == ParticipantRole.Mentee)).ExecuteDeleteAsync(ct);
        await db.Messages.Where(m => (asMentor.Contains(m.PairingId) && m.Sender == ParticipantRole.Mentor)
            || (asMentee.Contains(m.PairingId) && m.Sender == ParticipantRole.Mentee)).ExecuteDeleteAsync(ct);
    }

    // Uploads are kept an hour for the import's second step; one that lists the person goes now.
    private static async Task Uploads(FlipsideDb db, Person original, CancellationToken ct)
    {
        var holding = new List<Guid>();
        foreach (var upload in await db.Set<ImportUpload>().AsNoTracking().Select(u => new { u.Id, u.Bytes }).ToListAsync(ct))
            if (IsZip(upload.Bytes) || ErasedText.Holds(upload.Bytes, [original.Email, original.EmployeeId, original.Name])) holding.Add(upload.Id);
        await db.Set<ImportUpload>().Where(u => holding.Contains(u.Id)).ExecuteDeleteAsync(ct);
    }

    // A spreadsheet is compressed, so its text cannot be searched here; it goes too, and the import asks for it again.
    private static bool IsZip(byte[] bytes) => bytes is [(byte)'P', (byte)'K', ..];
}
