using Flipside.Domain;

namespace Flipside.Features.People;

/// <summary>The checks that need every row and the directory: duplicate ids, managers nobody knows, management cycles.</summary>
internal static class WholeFileChecks
{
    public static Dictionary<string, PersonRow> Run(List<PersonRow> rows, IReadOnlyDictionary<string, Person> directory, List<ImportProblem> problems)
    {
        var byId = new Dictionary<string, PersonRow>(rows.Count, StringComparer.Ordinal);
        foreach (var row in rows)
            if (!byId.TryAdd(row.EmployeeId, row))
                problems.Add(new(row.Row, PeopleCsv.EmployeeId, row.EmployeeId, $"The employee id {row.EmployeeId} is also on row {byId[row.EmployeeId].Row}.",
                    "Give each person one row; remove or correct the repeated row."));

        foreach (var row in rows)
            if (row.ManagerId is { } manager && !byId.ContainsKey(manager) && !directory.ContainsKey(manager))
                problems.Add(new(row.Row, PeopleCsv.ManagerId, manager, $"No person with employee id {manager} is in this file or in the directory.",
                    "Correct the manager's employee id, add the manager as a row, or leave manager_id empty for the top of the organisation."));

        foreach (var cycle in Cycles(rows, byId, directory))
            problems.Add(Describe(cycle, byId));
        return byId;
    }

    /// <summary>
    /// Follows each file row's chain of managers through the file and then the directory (the file wins where both
    /// hold a person). A chain that comes back on itself is a cycle; one that only passes through the directory
    /// was there before this file and is not this file's problem.
    /// </summary>
    private static IEnumerable<List<string>> Cycles(List<PersonRow> rows, Dictionary<string, PersonRow> byId, IReadOnlyDictionary<string, Person> directory)
    {
        string? ManagerOf(string id) => byId.TryGetValue(id, out var row) ? row.ManagerId : directory.TryGetValue(id, out var p) ? p.ManagerEmployeeId : null;
        var finished = new HashSet<string>(StringComparer.Ordinal);
        var onPath = new Dictionary<string, int>(StringComparer.Ordinal);
        var path = new List<string>();
        foreach (var start in rows)
        {
            path.Clear();
            onPath.Clear();
            for (string? id = start.EmployeeId; id is not null && !finished.Contains(id); id = ManagerOf(id))
            {
                if (onPath.TryGetValue(id, out var at))
                {
                    var cycle = path[at..];
                    if (cycle.Any(byId.ContainsKey)) yield return cycle;
                    break;
                }
                onPath[id] = path.Count;
                path.Add(id);
            }
            finished.UnionWith(path);
        }
    }

    private static ImportProblem Describe(List<string> cycle, Dictionary<string, PersonRow> byId)
    {
        var first = cycle.Where(byId.ContainsKey).Select(id => byId[id]).MinBy(r => r.Row)!;
        if (cycle.Count == 1)
            return new(first.Row, PeopleCsv.ManagerId, first.ManagerId ?? "", $"{first.EmployeeId} is named as their own manager.",
                "Write the employee id of the person they report to, or leave manager_id empty.");
        var start = cycle.IndexOf(first.EmployeeId);
        var chain = string.Join(" → ", cycle[start..].Concat(cycle[..start]).Append(first.EmployeeId));
        return new(first.Row, PeopleCsv.ManagerId, first.ManagerId ?? "", $"The managers form a circle: {chain} (each reports to the next).",
            "Correct manager_id on one of these rows so the chain ends at someone without a manager.");
    }
}
