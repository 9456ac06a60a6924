using System.Security.Claims;
using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Shared;

/// <summary>
/// Who is asking, once per request, job or CLI run: the account, its roles, its directory person (loaded on first
/// use) and the query scopes every use case loads through. A record outside the viewer's scope is simply not found.
/// </summary>
public sealed class Viewer
{
    private readonly FlipsideDb _db;
    private readonly HashSet<string> _roles;
    private Person? _person;
    private bool _personLoaded;

    private Viewer(FlipsideDb db, string userId, string email, IEnumerable<string> roles)
    {
        _db = db;
        UserId = userId;
        Email = email.Trim().ToLowerInvariant();
        _roles = [.. roles];
    }

    /// <summary>The signed-in user of a request, or nobody when no one is signed in.</summary>
    public static Viewer Of(ClaimsPrincipal? user, FlipsideDb db) => user?.Identity?.IsAuthenticated == true
        ? new(db, user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "", user.FindFirstValue(ClaimTypes.Email) ?? user.Identity.Name ?? "",
            user.FindAll(ClaimTypes.Role).Select(c => c.Value))
        : new(db, "", "", []);

    /// <summary>
    /// The operator at the console or a background job: acts with an administrator's rights, since whoever runs the
    /// binary can read the database anyway. The name is what the audit log records.
    /// </summary>
    public static Viewer System(FlipsideDb db, string name) => new(db, name, "", [Roles.Administrator]);

    /// <summary>Someone acting by name and role without a sign-in: the demo loader builds its programs as their people would.</summary>
    public static Viewer Acting(FlipsideDb db, string userId, string email, params string[] roles) => new(db, userId, email, roles);

    public string UserId { get; }
    public string Email { get; }
    public bool IsSignedIn => UserId.Length > 0;
    public bool IsAdministrator => _roles.Contains(Roles.Administrator);
    public bool IsProgramManager => _roles.Contains(Roles.ProgramManager);
    public bool IsProgramStaff => IsAdministrator || IsProgramManager;
    public bool IsSponsor => _roles.Contains(Roles.Sponsor);
    public bool IsInRole(string role) => _roles.Contains(role);

    /// <summary>
    /// The directory entry whose email is the account's. Emails are unique in the directory; should two people ever
    /// share one, the account is nobody's rather than whichever row comes first.
    /// </summary>
    public async Task<Person?> Person(CancellationToken ct)
    {
        if (_personLoaded) return _person;
        var matches = Email.Length == 0 ? [] : await _db.People.Where(p => p.Email == Email).OrderBy(p => p.EmployeeId).Take(2).ToListAsync(ct);
        _person = matches.Count == 1 ? matches[0] : null;
        _personLoaded = true;
        return _person;
    }

    /// <summary>Programs this viewer manages: all for administrators, their own for program managers, none for anyone else.</summary>
    public IQueryable<MentoringProgram> ManagedPrograms => IsAdministrator ? _db.Programs
        : IsProgramManager ? _db.Programs.Where(MentoringProgram.ManagedBy(UserId))
        : _db.Programs.Where(p => false);

    // Administrators manage everything: the plain tables, without a subquery per row.
    public IQueryable<Cohort> ManagedCohorts => IsAdministrator ? _db.Cohorts : _db.Cohorts.Where(c => ManagedPrograms.Any(p => p.Id == c.ProgramId));

    public IQueryable<Domain.Enrollment> ManagedEnrollments =>
        IsAdministrator ? _db.Enrollments : _db.Enrollments.Where(e => ManagedCohorts.Any(c => c.Id == e.CohortId));

    /// <summary>The viewer's own enrolments, found through the directory person that has the account's email.</summary>
    public IQueryable<Domain.Enrollment> OwnEnrollments => Email.Length == 0 ? _db.Enrollments.Where(e => false) : _db.Enrollments.Where(e => e.Person.Email == Email);

    /// <summary>Pairings of the cohorts this viewer manages, in every status.</summary>
    public IQueryable<Pairing> ManagedPairings =>
        IsAdministrator ? _db.Pairings : _db.Pairings.Where(p => ManagedCohorts.Any(c => c.Id == p.CohortId));

    /// <summary>
    /// The viewer's own published pairings (active, paused or ended), as mentor or mentee. Proposals, approvals and
    /// rejections stay with the program manager until published.
    /// </summary>
    public IQueryable<Pairing> OwnPairings => Email.Length == 0 ? _db.Pairings.Where(p => false)
        : _db.Pairings.Where(p => p.PublishedAt != null && (p.MentorEnrollment.Person.Email == Email || p.MenteeEnrollment.Person.Email == Email));

    /// <summary>Programs that name this viewer as a sponsor.</summary>
    public IQueryable<MentoringProgram> SponsoredPrograms => IsSponsor
        ? _db.Programs.Where(p => p.Sponsors.Any(s => s.UserId == UserId))
        : _db.Programs.Where(p => false);

    /// <summary>
    /// Programs whose aggregates (health, impact, showcase, insights) this viewer may read: everything for
    /// administrators, managed programs for program managers, sponsored programs for sponsors. Whether the viewer may
    /// also drill down to pairs is <see cref="ManagedPrograms"/>'s question, not this one's.
    /// </summary>
    public IQueryable<MentoringProgram> ReportablePrograms => IsAdministrator ? _db.Programs
        : (IsProgramManager, IsSponsor) switch
        {
            (true, true) => _db.Programs.Where(p => p.Managers.Any(m => m.UserId == UserId) || p.Sponsors.Any(s => s.UserId == UserId)),
            (true, false) => ManagedPrograms,
            (false, true) => SponsoredPrograms,
            _ => _db.Programs.Where(p => false),
        };

    /// <summary>For use cases only administrators may run, whoever calls them (a page, an endpoint, a CLI verb or a job).</summary>
    public Problem? RequireAdministrator(string what) =>
        IsAdministrator ? null : Outcome.Forbidden($"Only an administrator can {what}.");
}
