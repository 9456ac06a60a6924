using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Admin;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Enrollment;

/// <summary>
/// A program manager invites people into a cohort as mentors or mentees: one by one, by a filter of the
/// directory, or by a list of employee ids. Eligible people are invited (and get an account invitation
/// when they have none); everyone else is reported with the reason, and nothing is written for them.
/// </summary>
public static class InviteToCohort
{
    public const int MaxPerRequest = 500;

    public sealed record Filter(string? Department, string? Location, int? MinGrade, int? MaxGrade);

    public sealed record Request(ParticipantRole Role, IReadOnlyList<string>? EmployeeIds, Filter? Filter);

    public sealed record Skipped(string EmployeeId, string Name, string Reason);

    public sealed record Result(int Invited, IReadOnlyList<Skipped> Skipped);

    /// <summary>What is wrong with the request itself, by field, before anyone is looked up.</summary>
    public static IReadOnlyList<FieldError> Check(Request r)
    {
        var errors = new List<FieldError>();
        if (r.EmployeeIds is { Count: > 0 } ids)
        {
            if (Distinct(ids).Count > MaxPerRequest) errors.Add(new(nameof(Request.EmployeeIds), $"Invite at most {MaxPerRequest} people at a time."));
            return errors;
        }
        if (r.Filter is not { } f)
        {
            errors.Add(new(nameof(Request.EmployeeIds), "Say whom to invite: employee ids, or a filter by department, location or grade."));
            return errors;
        }
        if (string.IsNullOrWhiteSpace(f.Department) && string.IsNullOrWhiteSpace(f.Location) && f.MinGrade is null && f.MaxGrade is null)
            errors.Add(new(nameof(Request.Filter), "Give at least one of department, location, lowest or highest grade; an empty filter would invite everyone."));
        if (f.MinGrade is < Person.MinGrade or > Person.MaxGrade)
            errors.Add(new($"{nameof(Request.Filter)}.{nameof(Filter.MinGrade)}", $"The lowest grade must be from {Person.MinGrade} to {Person.MaxGrade}."));
        if (f.MaxGrade is < Person.MinGrade or > Person.MaxGrade)
            errors.Add(new($"{nameof(Request.Filter)}.{nameof(Filter.MaxGrade)}", $"The highest grade must be from {Person.MinGrade} to {Person.MaxGrade}."));
        if (f.MinGrade > f.MaxGrade)
            errors.Add(new($"{nameof(Request.Filter)}.{nameof(Filter.MaxGrade)}", "The highest grade cannot be below the lowest."));
        return errors;
    }

    public static async Task<Outcome<Result>> Handle(Guid cohortId, Request r, Viewer viewer, string baseUrl, FlipsideDb db, TimeProvider clock, CancellationToken ct)
    {
        if (await EnrollmentAccess.ManagedCohort(viewer, cohortId, ct) is not { } cohort) return Outcome.NotFound;
        if (Check(r) is { Count: > 0 } errors) return Outcome.Invalid(errors);
        EnrollmentRules.EnsureOpen(cohort);
        var program = cohort.Program;
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        if (await Select(r, db, ct) is not var (candidates, skipped))
            return Outcome.Invalid(nameof(Request.Filter), $"This filter matches more than {MaxPerRequest} people; narrow it down.");
        // A filter that finds nobody says so: "invited 0 people" would read as if everyone had been turned away.
        if (r.EmployeeIds is not { Count: > 0 } && r.Filter is { } filter && candidates.Count == 0)
            return Outcome.Invalid(nameof(Request.Filter), NobodyMatches(filter));
        var taken = (await db.Enrollments.Where(e => e.CohortId == cohort.Id).Select(e => e.PersonId).ToListAsync(ct)).ToHashSet();
        var otherSide = await EnrollmentRules.OtherSide(db, cohort.Id, r.Role, ct);
        var emails = candidates.Select(c => c.Email.ToUpperInvariant()).ToList();
        var accounts = (await db.Users.Where(u => emails.Contains(u.NormalizedEmail!)).Select(u => u.NormalizedEmail).ToListAsync(ct)).ToHashSet();

        var invited = 0;
        foreach (var person in candidates)
        {
            if (taken.Contains(person.Id)) { skipped.Add(new(person.EmployeeId, person.Name, "already in this cohort")); continue; }
            var problems = Eligibility.Problems(person, r.Role, program, otherSide, today);
            if (problems.Count > 0) { skipped.Add(new(person.EmployeeId, person.Name, string.Join("; ", problems))); continue; }

            db.Enrollments.Add(Domain.Enrollment.Invite(cohort.Id, person.Id, r.Role, now));
            string? accountLink = null;
            if (!accounts.Contains(person.Email.ToUpperInvariant()))
                accountLink = (await InvitePerson.Issue(db, person.Email, person.Name, Roles.Participant, viewer.UserId, baseUrl, now, sendEmail: false, ct)).Link;
            db.Outbox.Add(EnrollmentEmails.Invitation(person, cohort, r.Role, baseUrl.TrimEnd('/'), accountLink, now));
            taken.Add(person.Id);
            invited++;
        }
        await db.SaveChangesAsync(ct);
        return new Result(invited, skipped);
    }

    /// <summary>"No one in the directory matches this filter (department Sales, grades 3 to 5), so nobody was invited."</summary>
    public static string NobodyMatches(Filter f)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(f.Department)) parts.Add($"department {f.Department.Trim()}");
        if (!string.IsNullOrWhiteSpace(f.Location)) parts.Add($"location {f.Location.Trim()}");
        parts.Add((f.MinGrade, f.MaxGrade) switch
        {
            ({ } min, { } max) when min == max => $"grade {min}",
            ({ } min, { } max) => $"grades {min} to {max}",
            ({ } min, null) => $"grade {min} or above",
            (null, { } max) => $"grade {max} or below",
            _ => "",
        });
        return $"No one in the directory matches this filter ({string.Join(", ", parts.Where(p => p.Length > 0))}), so nobody was invited.";
    }

    private static List<string> Distinct(IEnumerable<string> ids) => [.. ids.Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.Ordinal)];

    /// <returns>Null when a filter matches more people than one request may invite.</returns>
    private static async Task<(List<Person> Candidates, List<Skipped> Skipped)?> Select(Request r, FlipsideDb db, CancellationToken ct)
    {
        var skipped = new List<Skipped>();
        if (r.EmployeeIds is { Count: > 0 } ids)
        {
            var wanted = Distinct(ids);
            var found = await db.People.Where(p => wanted.Contains(p.EmployeeId)).ToListAsync(ct);
            skipped.AddRange(wanted.Except(found.Select(p => p.EmployeeId)).Select(id => new Skipped(id, "", "no one in the directory has this employee id")));
            return (found.OrderBy(p => p.Name).ToList(), skipped);
        }
        if (r.Filter is { } f)
        {
            var query = db.People.Where(p => p.Status != PersonStatus.Left);
            if (!string.IsNullOrWhiteSpace(f.Department)) query = query.Where(p => p.Department == f.Department);
            if (!string.IsNullOrWhiteSpace(f.Location)) query = query.Where(p => p.Location == f.Location);
            if (f.MinGrade is { } min) query = query.Where(p => p.Grade >= min);
            if (f.MaxGrade is { } max) query = query.Where(p => p.Grade <= max);
            var people = await query.OrderBy(p => p.Name).Take(MaxPerRequest + 1).ToListAsync(ct);
            return people.Count > MaxPerRequest ? null : (people, skipped);
        }
        return ([], skipped); // Check refuses a request with neither ids nor a filter.
    }
}
