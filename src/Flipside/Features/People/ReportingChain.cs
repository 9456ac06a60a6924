using Flipside.Data;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.People;

/// <summary>
/// A person's managers up to the top, and how many people are below them. Both walk the directory with a recursive query
/// on the manager index; UNION (not UNION ALL) stops at a cycle that an older import may have left, so neither can loop.
/// </summary>
public static class ReportingChain
{
    /// <summary>A reporting line deeper than this is not an organisation but a data error; the walk stops there.</summary>
    public const int MaxDepth = 64;

    public sealed record Manager(Guid Id, string EmployeeId, string Name, string Title, bool Left, int Depth);

    /// <summary>The manager first, then theirs, up to someone without a manager (or one not in the directory).</summary>
    public static async Task<IReadOnlyList<Manager>> Above(string employeeId, FlipsideDb db, CancellationToken ct)
    {
        var rows = await db.Database.SqlQuery<Manager>($"""
            WITH RECURSIVE up("EmployeeId", "Depth") AS (
                SELECT "ManagerEmployeeId", 1 FROM "People" WHERE "EmployeeId" = {employeeId} AND "ManagerEmployeeId" IS NOT NULL
                UNION
                SELECT p."ManagerEmployeeId", up."Depth" + 1 FROM "People" p JOIN up ON p."EmployeeId" = up."EmployeeId"
                WHERE p."ManagerEmployeeId" IS NOT NULL AND up."Depth" < {MaxDepth})
            SELECT p."Id", p."EmployeeId", p."Name", p."Title", p."Status" = 'Left' AS "Left", MIN(up."Depth") AS "Depth"
            FROM up JOIN "People" p ON p."EmployeeId" = up."EmployeeId"
            GROUP BY p."Id", p."EmployeeId", p."Name", p."Title", p."Status"
            """).ToListAsync(ct);
        // A cycle brings the person themself back in; the line ends where it would repeat.
        return [.. rows.Where(m => m.EmployeeId != employeeId).OrderBy(m => m.Depth)];
    }

    /// <summary>Everyone below the person at any depth who has not left.</summary>
    public static async Task<int> CountBelow(string employeeId, FlipsideDb db, CancellationToken ct) =>
        await db.Database.SqlQuery<int>($"""
            WITH RECURSIVE below("EmployeeId") AS (
                SELECT "EmployeeId" FROM "People" WHERE "ManagerEmployeeId" = {employeeId}
                UNION
                SELECT p."EmployeeId" FROM "People" p JOIN below b ON p."ManagerEmployeeId" = b."EmployeeId")
            SELECT COUNT(*) AS "Value" FROM below JOIN "People" p ON p."EmployeeId" = below."EmployeeId"
            WHERE p."Status" <> 'Left' AND p."EmployeeId" <> {employeeId}
            """).SingleAsync(ct);
}
