using Flipside.Data;
using Flipside.Domain;
using Flipside.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

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

    /// <summary>
    /// A page of the directory. What a filter matches is kept under the data stamp (<see cref="StampedCache"/>), so paging
    /// through one search, or 32 people opening the directory at once, reads the table once rather than on every page:
    /// the count of a plain listing, and for a search the ordered ids of its first <see cref="CountLimit"/> + 1 matches.
    /// </summary>
    public static async Task<Result> Handle(Query q, FlipsideDb db, CancellationToken ct, IMemoryCache? cache = null, TimeProvider? clock = null)
    {
        var people = Filter(db.People.AsNoTracking(), q, db is PostgresFlipsideDb);
        var matches = await StampedCache.GetOrBuild(MatchesKey.Of(q), cache, db, clock ?? TimeProvider.System, () => Match(people, q, ct), ct);
        var total = matches!.Total;
        var page = matches.Ids is { } ids
            ? await ByIds(people, [.. ids.Skip((q.Page - 1) * q.PageSize).Take(q.PageSize)], ct)
            : await people.OrderBy(p => p.Name).ThenBy(p => p.EmployeeId).Skip((q.Page - 1) * q.PageSize).Take(q.PageSize).Select(Columns).ToListAsync(ct);
        return new([.. page], Math.Min(total, CountLimit), q.Page, q.PageSize, total > CountLimit);
    }

    /// <summary>The directory's filter lists: every department and location, which read the whole table.</summary>
    public static async Task<FilterChoices> Choices(FlipsideDb db, CancellationToken ct, IMemoryCache? cache = null, TimeProvider? clock = null) =>
        (await StampedCache.GetOrBuild(ChoicesKey.Instance, cache, db, clock ?? TimeProvider.System, async () => new FilterChoices(
            await db.People.Select(p => p.Department).Where(d => d != "").Distinct().OrderBy(d => d).ToListAsync(ct),
            await db.People.Select(p => p.Location).Where(l => l != "").Distinct().OrderBy(l => l).ToListAsync(ct)), ct))!;

    /// <summary>How many a filter matches; for a search also the matches' ids in directory order, up to one past the limit.</summary>
    private sealed record Matches(int Total, IReadOnlyList<Guid>? Ids);

    private sealed record MatchesKey(string? Search, string? Department, string? Location, int? Grade, string? Status, bool WithoutManager)
    {
        public static MatchesKey Of(Query q) => new(q.Search?.Trim(), q.Department, q.Location, q.Grade, q.Status?.Trim().ToLowerInvariant(), q.WithoutManager);
    }

    private sealed record ChoicesKey
    {
        public static readonly ChoicesKey Instance = new();
    }

    private static async Task<Matches?> Match(IQueryable<Person> people, Query q, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(q.Search)) return new(await people.CountAsync(ct), null);
        // A search term is found only by reading rows (no index serves '%term%'), so one scan collects the matches in
        // order, stopping one past the limit. Ordered by an expression no index serves: ordering by the name itself let
        // SQLite walk the name index row by row, several times slower for a rare term than one scan and a sort.
        var ids = await people.OrderBy(p => p.Name + "").ThenBy(p => p.EmployeeId).Select(p => p.Id).Take(CountLimit + 1).ToListAsync(ct);
        return new(ids.Count, ids);
    }

    private static async Task<List<Row>> ByIds(IQueryable<Person> people, List<Guid> ids, CancellationToken ct)
    {
        var rows = await people.Where(p => ids.Contains(p.Id)).Select(Columns).ToListAsync(ct);
        // A person changed since the ids were kept drops out rather than showing in the wrong place; the next save renews them.
        return [.. ids.Select(id => rows.FirstOrDefault(r => r.Id == id)).OfType<Row>()];
    }

    private static readonly System.Linq.Expressions.Expression<Func<Person, Row>> Columns = p =>
        new Row(p.Id, p.EmployeeId, p.Name, p.Email, p.Title, p.Grade, p.Department, p.Location, PersonStatusText.Slug(p.Status));

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
