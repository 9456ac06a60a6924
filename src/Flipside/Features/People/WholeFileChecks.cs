using Flipside.Domain;

namespace Flipside.Features.People;

/// <summary>
/// The checks that need every row and the directory: duplicate ids, emails used twice, managers nobody knows,
/// management cycles.
/// </summary>
internal static class WholeFileChecks
{
    public static Dictionary<string, PersonRow> Run(List<PersonRow> rows, IReadOnlyDictionary<string, Person> directory, List<ImportProblem> problems)
    {
        var byId = new Dictionary<string, PersonRow>(rows.Count, StringComparer.Ordinal);
        foreach (var row in rows)
            if (!byId.TryAdd(row.EmployeeId, row))
                problems.Add(new(row.Row, PeopleCsv.EmployeeId, row.EmployeeId, $"The employee id {row.EmployeeId} is also on row {byId[row.EmployeeId].Row}.",
                    "Give each person one row; remove or correct the repeated row.", row.EmployeeId, row.Name));

        // A signed-in account finds its directory person by email, so two people with one email would share one account.
        // A repeated employee id is reported above; its repeated email is the same mistake, not a second one.
        var byEmail = new Dictionary<string, PersonRow>(rows.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
            if (row.Email.Length > 0 && !byEmail.TryAdd(row.Email, row) && byEmail[row.Email].EmployeeId != row.EmployeeId)
                problems.Add(new(row.Row, PeopleCsv.Email, row.Email, $"The email {row.Email} is also on row {byEmail[row.Email].Row}.",
                    "Give each person their own email address: correct the email on one of the two rows, or remove the repeated row.", row.EmployeeId, row.Name));

        // Checked against the directory as it will be after this file: people in the file take the file's email (so one of
        // them may pass theirs on to another), everyone else keeps theirs, except people who have left: their address
        // may go to someone new (a rehire under a new id, a reused mailbox), and the import releases it.
        var keptEmails = new Dictionary<string, Person>(directory.Count, StringComparer.OrdinalIgnoreCase);
        foreach (var person in directory.Values)
            if (!byId.ContainsKey(person.EmployeeId) && person.Status != PersonStatus.Left) keptEmails.TryAdd(person.Email, person);
        foreach (var row in rows)
            if (row.Email.Length > 0 && keptEmails.TryGetValue(row.Email, out var holder))
                problems.Add(new(row.Row, PeopleCsv.Email, row.Email, $"The email {row.Email} belongs to {holder.Name} ({holder.EmployeeId}) in the directory.",
                    $"Correct the email on this row; or, if {holder.EmployeeId} no longer uses it, add a row for {holder.EmployeeId} with the email they use now.", row.EmployeeId, row.Name));

        foreach (var row in rows)
            if (row.ManagerId is { } manager && !byId.ContainsKey(manager) && !directory.ContainsKey(manager))
                problems.Add(new(row.Row, PeopleCsv.ManagerId, manager, $"No person with employee id {manager} is in this file or in the directory.",
                    "Correct the manager's employee id, add the manager as a row, or leave manager_id empty for the top of the organisation.", row.EmployeeId, row.Name));

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
                "Write the employee id of the person they report to, or leave manager_id empty.", first.EmployeeId, first.Name);
        var start = cycle.IndexOf(first.EmployeeId);
        var chain = string.Join(" → ", cycle[start..].Concat(cycle[..start]).Append(first.EmployeeId));
        return new(first.Row, PeopleCsv.ManagerId, first.ManagerId ?? "", $"The managers form a circle: {chain} (each reports to the next).",
            "Correct manager_id on one of these rows so the chain ends at someone without a manager.", first.EmployeeId, first.Name);
    }
}
