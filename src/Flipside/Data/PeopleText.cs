using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Data;

/// <summary>The directory's text search, which each provider spells differently (so it lives in Data, not People).</summary>
public static class PeopleText
{
    /// <summary>
    /// People whose name, email, employee id or title match a LIKE pattern escaped with a backslash, ignoring case:
    /// SQLite's LIKE already does, PostgreSQL needs ILIKE.
    /// </summary>
    public static IQueryable<Person> WhereTextLike(this IQueryable<Person> people, string pattern, bool postgres) => postgres
        ? people.Where(p => EF.Functions.ILike(p.Name, pattern, @"\") || EF.Functions.ILike(p.Email, pattern, @"\")
            || EF.Functions.ILike(p.EmployeeId, pattern, @"\") || EF.Functions.ILike(p.Title, pattern, @"\"))
        : people.Where(p => EF.Functions.Like(p.Name, pattern, @"\") || EF.Functions.Like(p.Email, pattern, @"\")
            || EF.Functions.Like(p.EmployeeId, pattern, @"\") || EF.Functions.Like(p.Title, pattern, @"\"));
}
