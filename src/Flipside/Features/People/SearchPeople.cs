using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.People;

/// <summary>The directory: search by name, email, employee id or title, filter, and page, ordered by name.</summary>
public static class SearchPeople
{
    public const int DefaultPageSize = 25, MaxPageSize = 200;
    /// <summary>A search counts its matches up to this many; past it the directory says "1,000+" and asks for a narrower search.</summary>
    public const int CountLimit = 1_000;

    /// <param name="Status">Active people when not given; "all" for everyone, leavers included.</param>
    /// <param name="WithoutManager">Only people with no manager: the top of the organisation, and gaps in the HR data.</param>
    public sealed record Query(string? Search, string? Department, string? Location, int? Grade, string? Status, int Page = 1,
        int PageSize = DefaultPageSize, bool WithoutManager = false);
    public const string AllStatuses = "all";
    public sealed record Row(Guid Id, string EmployeeId, string Name, string Email, string Title, int Grade, string Department, string Location, string Status);
    public sealed record Result(IReadOnlyList<Row> People, int Total, int Page, int PageSize, bool MoreThanTotal = false)
    {
        public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    }
    public sealed record FilterChoices(IReadOnlyList<string> Departments, IReadOnlyList<string> Locations);

    public static IReadOnlyList<FieldError> Check(Query q)
    {
        var errors = new List<FieldError>();
        if (q.Page < 1) errors.Add(new("Page", "Page must be 1 or more."));
        if (q.PageSize is < 1 or > MaxPageSize) errors.Add(new("PageSize", $"Page size must be from 1 to {MaxPageSize}."));
        if (q.Grade is < Person.MinGrade or > Person.MaxGrade) errors.Add(new("Grade", $"Grade must be from {Person.MinGrade} to {Person.MaxGrade}."));
        if (q.Search?.Length > 200) errors.Add(new("Search", "Search must be 200 characters or fewer."));
        if (q.Search?.Any(char.IsControl) == true) errors.Add(new("Search", "Search must not contain control characters."));
        if (!string.IsNullOrWhiteSpace(q.Status) && !IsAll(q.Status) && !PersonStatusText.TryParse(q.Status, out _))
            errors.Add(new("Status", $"Status must be {PersonStatusText.Accepted}, or {AllStatuses} for everyone."));
        return errors;
    }

    /// <summary>One COUNT and one page query, ordered by name then employee id (stable).</summary>
    public static async Task<Result> Handle(Query q, FlipsideDb db, CancellationToken ct)
    {
        var people = Filter(db.People.AsNoTracking(), q, db is PostgresFlipsideDb);
        var searching = !string.IsNullOrWhiteSpace(q.Search);
        // A search term is found only by reading rows (no index serves '%term%'); counting every match of a common term
        // read the whole table on each page, so the count stops one past the limit.
        // Ordered so that the limit is well defined (EF Core warns of a Take without an OrderBy), by an expression no index
        // serves: ordering by the name itself let SQLite walk the name index row by row, several times slower for a rare
        // term than the one table scan this takes.
        var total = searching ? await people.OrderBy(p => p.Name + "").Take(CountLimit + 1).CountAsync(ct) : await people.CountAsync(ct);
        // Paging in name order walks the name index and stops after a page of matches: quick when matches are many. When
        // they are few (the count has just read every row), that walk visits the whole table row by row; sorting the few
        // matches of one table scan is several times cheaper, and concatenating '' is what stops the planner using the index.
        var ordered = searching && total <= CountLimit ? people.OrderBy(p => p.Name + "") : people.OrderBy(p => p.Name);
        var page = await ordered.ThenBy(p => p.EmployeeId)
            .Skip((q.Page - 1) * q.PageSize).Take(q.PageSize)
            .Select(p => new { p.Id, p.EmployeeId, p.Name, p.Email, p.Title, p.Grade, p.Department, p.Location, p.Status })
            .ToListAsync(ct);
        return new([.. page.Select(p => new Row(p.Id, p.EmployeeId, p.Name, p.Email, p.Title, p.Grade, p.Department, p.Location,
            PersonStatusText.Slug(p.Status)))], Math.Min(total, CountLimit), q.Page, q.PageSize, total > CountLimit);
    }

    public static async Task<FilterChoices> Choices(FlipsideDb db, CancellationToken ct) => new(
        await db.People.Select(p => p.Department).Where(d => d != "").Distinct().OrderBy(d => d).ToListAsync(ct),
        await db.People.Select(p => p.Location).Where(l => l != "").Distinct().OrderBy(l => l).ToListAsync(ct));

    private static bool IsAll(string? status) => string.Equals(status?.Trim(), AllStatuses, StringComparison.OrdinalIgnoreCase);

    private static IQueryable<Person> Filter(IQueryable<Person> people, Query q, bool postgres)
    {
        // LIKE is case-insensitive on SQLite and ILIKE on PostgreSQL; either scans a 50,000-row table faster than lower().
        if (!string.IsNullOrWhiteSpace(q.Search)) people = people.WhereEveryWord(q.Search, postgres);
        if (!string.IsNullOrWhiteSpace(q.Department)) people = people.Where(p => p.Department == q.Department);
        if (!string.IsNullOrWhiteSpace(q.Location)) people = people.Where(p => p.Location == q.Location);
        if (q.Grade is { } grade) people = people.Where(p => p.Grade == grade);
        if (PersonStatusText.TryParse(q.Status, out var status)) people = people.Where(p => p.Status == status);
        else if (!IsAll(q.Status)) people = people.Where(p => p.Status == PersonStatus.Active);
        if (q.WithoutManager) people = people.Where(p => p.ManagerEmployeeId == null);
        return people;
    }
}
