using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Conversations;
using Flipside.Features.Shared;
using Flipside.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Account;

/// <summary>
/// Everything Flipside holds about the signed-in person, in one answer: their account, their directory entry, their
/// enrolments and profiles, their pairings with the meetings, their own notes and the messages of the pair, opened,
/// their goals, every revision of their agreement with its signatures, the kudos of their pairings, and what they did
/// as the audit log recorded it. The partner's notes are never loaded, private or shared: they are
/// the partner's writing. The download is audited as every download is (AuditedRequests).
/// </summary>
public static class ExportMyData
{
    public sealed record Export(DateTimeOffset ExportedAt, AccountPart Account, PersonPart? Person, IReadOnlyList<EnrollmentPart> Enrollments,
        IReadOnlyList<PairingPart> Pairings, IReadOnlyList<ActivityPart> Activity);
    public sealed record AccountPart(string Id, string Email, string Name, IReadOnlyList<string> Roles);
    public sealed record PersonPart(string EmployeeId, string Name, string Email, string Title, int Grade, string Department, string Location,
        string TimeZone, string? ManagerEmployeeId, DateOnly? HireDate, int? BirthYear, string Languages, PersonStatus Status);
    public sealed record EnrollmentPart(Guid Id, string Program, string Cohort, ParticipantRole Role, EnrollmentStatus Status, string Motivation,
        DateTimeOffset CreatedAt, ProfilePart? Profile);
    public sealed record ProfilePart(IReadOnlyList<string> Topics, IReadOnlyList<string> Interests, int CommunicationStyle, MeetingMode MeetingMode,
        IReadOnlyList<string> Languages, string HopeToGive, string HopeToGet, DateTimeOffset? CompletedAt);
    public sealed record PairingPart(Guid Id, string Program, ParticipantRole MyRole, string Partner, PairingStatus Status,
        IReadOnlyList<MeetingPart> Meetings, IReadOnlyList<TextPart> MyNotes, IReadOnlyList<TextPart> Messages,
        IReadOnlyList<GoalPart> Goals, IReadOnlyList<AgreementPart> Agreement, IReadOnlyList<KudosPart> Kudos);
    public sealed record GoalPart(string Owner, string Title, string Description, DateTimeOffset CreatedAt, IReadOnlyList<string> Milestones,
        IReadOnlyList<TextPart> Progress);
    /// <summary>One revision of the agreement, with every section (the pair reads the private ones too) and both signatures.</summary>
    public sealed record AgreementPart(int Number, DateTimeOffset CreatedAt, IReadOnlyList<AgreementSection> Sections, DateTimeOffset? MentorSignedAt,
        DateTimeOffset? MenteeSignedAt);
    public sealed record KudosPart(DateTimeOffset At, string From, string Text, string? FocusArea);
    public sealed record MeetingPart(DateTimeOffset StartsAt, int Minutes, MeetingStatus Status, IReadOnlyList<string> Agenda);
    public sealed record TextPart(DateTimeOffset At, string From, string? Text, string? Error);
    public sealed record ActivityPart(DateTimeOffset At, string Action, string Summary);

    public static async Task<Outcome<Export>> Handle(Viewer viewer, FlipsideDb db, PairingSecrets secrets, TimeProvider clock, CancellationToken ct)
    {
        var user = viewer.IsSignedIn ? await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == viewer.UserId, ct) : null;
        if (user is null) return Outcome.NotFound;
        var roles = await db.UserRoles.Where(r => r.UserId == user.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).ToListAsync(ct);
        var person = await viewer.Person(ct);
        var enrollments = person is null ? [] : await db.Enrollments.AsNoTracking().Where(e => e.PersonId == person.Id).OrderBy(e => e.CreatedAt)
            .Include(e => e.Profile).ThenInclude(p => p!.Topics).Include(e => e.Cohort).ThenInclude(c => c.Program).ToListAsync(ct);
        var pairings = new List<PairingPart>();
        foreach (var id in await viewer.OwnPairings.OrderBy(p => p.PublishedAt).Select(p => p.Id).ToListAsync(ct))
            if (await Pairing(id, viewer, db, secrets, ct) is { } part) pairings.Add(part);
        var activity = await db.AuditLog.AsNoTracking().Where(a => a.Actor == user.Id).OrderBy(a => a.Id)
            .Select(a => new ActivityPart(a.At, a.Action, a.Summary)).ToListAsync(ct);

        return new Export(clock.GetUtcNow(), new(user.Id, user.Email ?? "", user.DisplayName, roles),
            person is null ? null : new(person.EmployeeId, person.Name, person.Email, person.Title, person.Grade, person.Department, person.Location,
                person.TimeZone, person.ManagerEmployeeId, person.HireDate, person.BirthYear, person.Languages, person.Status),
            [.. enrollments.Select(e => new EnrollmentPart(e.Id, e.Cohort.Program.Name, e.Cohort.Name, e.Role, e.Status, e.Motivation, e.CreatedAt,
                e.Profile is not { } p ? null : new ProfilePart([.. p.Topics.Select(t => $"{t.Kind}: {t.Name} ({t.Level})")], p.Interests, p.CommunicationStyle,
                    p.MeetingMode, p.Languages, p.HopeToGive, p.HopeToGet, p.CompletedAt)))],
            pairings, activity);
    }

    private static async Task<PairingPart?> Pairing(Guid id, Viewer viewer, FlipsideDb db, PairingSecrets secrets, CancellationToken ct)
    {
        if (await PairConversation.Find(id, viewer, ct) is not { } pair) return null;
        var meetings = await db.Meetings.AsNoTracking().Where(m => m.PairingId == id).OrderBy(m => m.StartsAt)
            .Select(m => new MeetingPart(m.StartsAt, m.Minutes, m.Status, m.Agenda)).ToListAsync(ct);
        // Only the person's own notes: the partner's are theirs to export, shared or not.
        var notes = await db.Notes.AsNoTracking().Where(n => n.PairingId == id && n.Author == pair.Me).OrderBy(n => n.CreatedAt).ToListAsync(ct);
        var messages = await db.Messages.AsNoTracking().Where(m => m.PairingId == id).OrderBy(m => m.SentAt).ThenBy(m => m.Id).ToListAsync(ct);
        var cipher = notes.Count + messages.Count == 0 ? null : await secrets.For(id, ct);
        TextPart Open(DateTimeOffset at, ParticipantRole from, byte[] body, string purpose)
        {
            var (text, error) = ListNotes.OpenText(cipher!, body, purpose);
            return new(at, from == pair.Me ? pair.MyName : pair.PartnerName, text, error);
        }
        string Who(ParticipantRole role) => role == pair.Me ? pair.MyName : pair.PartnerName;
        var goals = await db.Goals.AsNoTracking().Where(g => g.PairingId == id).Include(g => g.Milestones).Include(g => g.Progress)
            .OrderBy(g => g.CreatedAt).ToListAsync(ct);
        var revisions = await db.AgreementRevisions.AsNoTracking().Where(r => r.PairingId == id).OrderBy(r => r.Number).ToListAsync(ct);
        var kudos = await db.Kudos.AsNoTracking().Where(k => k.PairingId == id).OrderBy(k => k.SentAt).ToListAsync(ct);
        return new PairingPart(id, pair.ProgramName, pair.Me, pair.PartnerName, pair.Status, meetings,
            [.. notes.Select(n => Open(n.CreatedAt, n.Author, n.Body, Note.Purpose(n.Id)))],
            [.. messages.Select(m => Open(m.SentAt, m.Sender, m.Body, Message.Purpose(m.Id)))],
            [.. goals.Select(g => new GoalPart(Who(g.Owner), g.Title, g.Description, g.CreatedAt, [.. g.Milestones.OrderBy(m => m.Position).Select(m => m.Title)],
                [.. g.Progress.OrderBy(p => p.At).Select(p => new TextPart(p.At, Who(p.By), p.Text, null))]))],
            [.. revisions.Select(r => new AgreementPart(r.Number, r.CreatedAt, r.Sections, r.MentorSignedAt, r.MenteeSignedAt))],
            [.. kudos.Select(k => new KudosPart(k.SentAt, Who(k.From), k.Text, k.FocusArea))]);
    }
}
