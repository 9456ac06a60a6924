using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.People;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Privacy;

/// <summary>
/// An administrator erases one person (docs/decisions/0027-erasure.md): they leave as if marked left, then everything
/// that names them is removed or replaced by their pseudonym, in one transaction; afterwards SQLite rewrites its file
/// so that freed pages keep nothing. Erasing again answers with the first erasure; an administrator cannot erase
/// themselves nor the last active administrator.
/// </summary>
public static class ErasePerson
{
    public sealed record Result(Guid PersonId, string Pseudonym, DateTimeOffset ErasedAt, bool AlreadyErased)
    {
        public string Summary => AlreadyErased ? $"This person was already erased ({Pseudonym})." : $"The person is erased; they are now {Pseudonym}.";
    }

    public static async Task<Outcome<Result>> Handle(Guid personId, Viewer viewer, FlipsideDb db, Pseudonyms pseudonyms, TimeProvider clock, CancellationToken ct)
    {
        if (viewer.RequireAdministrator("erase a person") is { } refused) return refused;
        if (await db.People.AsNoTracking().SingleOrDefaultAsync(p => p.Id == personId, ct) is not { } person) return Outcome.NotFound;
        if (person.ErasedAt is { } erasedAt) return new Result(person.Id, person.EmployeeId, erasedAt, AlreadyErased: true);
        var normalized = person.Email.ToUpperInvariant();
        var accounts = await db.Users.Where(u => u.NormalizedEmail == normalized).ToListAsync(ct);
        if (accounts.Any(a => a.Id == viewer.UserId)) return Outcome.Conflict("You cannot erase yourself: ask another administrator.");
        if (await LastAdministrator(db, accounts, ct)) return Outcome.Conflict($"{person.Name} is the last active administrator: make someone else an administrator first.");

        // Before anything is staged: the key may be made and saved on first use.
        var pseudonym = await pseudonyms.OfErased(person.Id, ct);
        var surveyCodes = await SurveyCodes(db, pseudonyms, person.Id, ct);
        var now = clock.GetUtcNow();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await PersonLeaves.Handle(db, viewer, now, [person.Id], ct);
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();

        var texts = Texts(person, accounts, pseudonym);
        var ids = accounts.Select(a => a.Id).ToList();
        await ErasedRecords.Handle(db, person, ids, pseudonym, surveyCodes,
            reason => texts.Aggregate(reason, (t, r) => t.Replace(r.Find, r.With, StringComparison.Ordinal)), now, ct);
        await ErasedText.ReplaceEverywhere(db, texts, ct);
        await ErasedText.ReplaceInAttachments(db, texts, ct);
        var audit = await AuditErasure.Handle(db, ids, pseudonym, texts, ct);
        db.Record(viewer, now, "person.erased", "Person", person.Id, audit.FromSequence is { } from
            ? $"{pseudonym}: {Words.Count(audit.Redacted, "audit entry")} redacted; the chain was linked again from number {from}, head {audit.HeadBefore} is now {audit.HeadAfter}"
            : $"{pseudonym}: {Words.Count(audit.Redacted, "audit entry")} redacted");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        await FreedPages.Clear(db, ct);
        return new Result(person.Id, pseudonym, now, AlreadyErased: false);
    }

    private static async Task<bool> LastAdministrator(FlipsideDb db, List<FlipsideUser> accounts, CancellationToken ct)
    {
        var ids = accounts.Where(a => a.IsActive).Select(a => a.Id).ToList();
        var admins = db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.Administrator), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId);
        if (!await admins.AnyAsync(id => ids.Contains(id), ct)) return false;
        return !await db.Users.AnyAsync(u => u.IsActive && !ids.Contains(u.Id) && admins.Contains(u.Id), ct);
    }

    /// <summary>Every code that links the person's survey and pulse answers to them, in the programs they were in.</summary>
    private static async Task<List<string>> SurveyCodes(FlipsideDb db, Pseudonyms pseudonyms, Guid personId, CancellationToken ct)
    {
        var programs = await db.Enrollments.Where(e => e.PersonId == personId).Select(e => e.Cohort.ProgramId).Distinct().ToListAsync(ct);
        var codes = new List<string>();
        foreach (var program in programs)
        {
            codes.Add(await pseudonyms.Of(personId, program, ct));
            foreach (var month in await db.PulseAnswers.Where(a => a.ProgramId == program).Select(a => a.Month).Distinct().ToListAsync(ct))
                codes.Add(await pseudonyms.OfPulse(personId, program, month, ct));
        }
        return codes;
    }

    // The longest first, so that an email is replaced whole before a name inside it could be.
    private static List<ErasedText.Replacement> Texts(Person person, List<FlipsideUser> accounts, string pseudonym) =>
    [
        .. new[] { person.Email }.Concat(accounts.SelectMany(a => new[] { a.Email ?? "", a.UserName ?? "" })).Distinct(StringComparer.OrdinalIgnoreCase)
            .SelectMany(e => ErasedText.Forms(e, Person.ErasedEmail(pseudonym), anyCase: true)),
        .. new[] { person.Name }.Concat(accounts.Select(a => a.DisplayName)).Where(n => n.Trim().Length >= 3).Distinct(StringComparer.Ordinal)
            .SelectMany(n => ErasedText.Forms(n, Person.ErasedName, anyCase: false)),
        .. person.EmployeeId.Length >= MinEmployeeIdReplaced ? ErasedText.Forms(person.EmployeeId, pseudonym, anyCase: false) : [],
    ];

    /// <summary>A shorter employee id ("7") would match inside unrelated text; its own columns are cleared field by field.</summary>
    public const int MinEmployeeIdReplaced = 4;
}
