namespace Flipside.Features.People;

/// <summary>
/// The same problem on many rows (a manager id of "#N/A" exported for 82 people) read once, with its rows, so the page
/// shows what to fix rather than 82 identical lines. The CSV download and the API still list every row.
/// </summary>
public sealed record ProblemGroup(string Column, string Value, string Problem, string Fix, IReadOnlyList<ImportProblem> Rows)
{
    /// <summary>Rows named on the page before "and N more": the rest are in the CSV download.</summary>
    public const int RowsNamed = 10;

    public ImportProblem First => Rows[0];

    public static IReadOnlyList<ProblemGroup> Of(IEnumerable<ImportProblem> problems) =>
        [.. problems.GroupBy(p => (p.Column, p.Value, p.Problem, p.Fix))
            .Select(g => new ProblemGroup(g.Key.Column, g.Key.Value, g.Key.Problem, g.Key.Fix, [.. g.OrderBy(p => p.Row)]))
            .OrderBy(g => g.First.Row)];

    /// <summary>"E1001 Ann Lee" as the row writes them, or empty for a row without either.</summary>
    public static string Who(ImportProblem p) => $"{p.EmployeeId} {p.Name}".Trim();
}
