using System.Linq.Expressions;
using System.Reflection;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Data;

/// <summary>The directory's text search, which each provider spells differently (so it lives in Data, not People).</summary>
public static class PeopleText
{
    /// <summary>A word this short is matched only where a word starts: "CA" finds California, not Jacalyn.</summary>
    public const int ShortWord = 3;
    public const int MaxWords = 8;

    private static readonly string[] WordFields = [nameof(Person.Name), nameof(Person.Title), nameof(Person.Department), nameof(Person.Location)];
    private static readonly string[] CodeFields = [nameof(Person.Email), nameof(Person.EmployeeId)];

    // SQLite's LIKE ignores case already; PostgreSQL needs ILIKE. Both are called through one expression builder so the
    // rules below are written once.
    private static readonly MethodInfo Like = typeof(DbFunctionsExtensions).GetMethod(nameof(DbFunctionsExtensions.Like),
        [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;
    private static readonly MethodInfo ILike = typeof(NpgsqlDbFunctionsExtensions).GetMethod(nameof(NpgsqlDbFunctionsExtensions.ILike),
        [typeof(DbFunctions), typeof(string), typeof(string), typeof(string)])!;

    /// <summary>The words of a search: split on spaces and commas, so "Adinolfi, Wilson" and "Wilson Adinolfi" are the same.</summary>
    public static IReadOnlyList<string> Words(string search) =>
        [.. search.Split([' ', ',', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).Take(MaxWords)];

    /// <summary>
    /// People matching every word in any order, each word in any of name, title, department, location, email or employee
    /// id. A long word may match inside a field; a short one only at the start of a word of the name, title, department or
    /// location, or at the start of the email or employee id.
    /// </summary>
    public static IQueryable<Person> WhereEveryWord(this IQueryable<Person> people, string search, bool postgres)
    {
        foreach (var word in Words(search)) people = people.Where(AnyField(word, postgres ? ILike : Like));
        return people;
    }

    private static Expression<Func<Person, bool>> AnyField(string word, MethodInfo like)
    {
        var escaped = word.Replace(@"\", @"\\", StringComparison.Ordinal).Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);
        var person = Expression.Parameter(typeof(Person), "p");
        Expression Match(string field, string pattern) => Expression.Call(like, Expression.Constant(EF.Functions),
            Expression.Property(person, field), Parameter(pattern), Expression.Constant(@"\"));
        var tests = word.Length > ShortWord
            ? WordFields.Concat(CodeFields).Select(f => Match(f, "%" + escaped + "%"))
            : WordFields.SelectMany(f => new[] { Match(f, escaped + "%"), Match(f, "% " + escaped + "%"), Match(f, "%-" + escaped + "%") })
                .Concat(CodeFields.Select(f => Match(f, escaped + "%")));
        return Expression.Lambda<Func<Person, bool>>(tests.Aggregate(Expression.OrElse), person);
    }

    /// <summary>A value read through a closure, so EF Core sends it as a query parameter rather than into the SQL text.</summary>
    private static MemberExpression Parameter(string value) =>
        Expression.Property(Expression.Constant(new Holder(value)), nameof(Holder.Value));

    private sealed record Holder(string Value);
}
