using CsvHelper;
using static Flipside.Features.People.ImportMapping;

namespace Flipside.Features.People;

/// <summary>What a mapped file says beyond its rows: who reports to a manager outside the organisation, and how many are at the top.</summary>
public sealed record MappingNotes(IReadOnlyList<ExternalManager> ExternalManagers, int AtTheTop);

/// <summary>A manager named in the file who is not an employee, and the employee ids of the people the file says report to them.</summary>
public sealed record ExternalManager(string Name, IReadOnlyList<string> Reports);

/// <summary>
/// Turns an HR file and its mapping into a file in Flipside's own columns, so that the import checks and writes it exactly
/// as it does a Flipside CSV. RowOf gives, for each row of the new file, the row of the HR file it came from.
/// </summary>
public sealed class MappedFile
{
    public required byte[] Csv { get; init; }
    public required int[] RowOf { get; init; }
    public required MappingNotes Notes { get; init; }

    /// <summary>Who a manager value may name: everyone in the file, and everyone in the directory the file does not hold.</summary>
    public sealed record Candidate(string EmployeeId, string Name, string Email, bool Left);

    public static MappedFile Translate(SourceTable table, ImportMapping mapping, IReadOnlyList<Candidate> directory, DateOnly today, List<ImportProblem> problems)
    {
        var t = new Translator(table, mapping, today, problems);
        var people = table.Rows.Select(t.Person).ToList();
        var inFile = people.Select(p => p.EmployeeId).Where(id => id.Length > 0).ToHashSet(StringComparer.Ordinal);
        var candidates = people.Where(p => p.EmployeeId.Length > 0)
            .Select(p => new Candidate(p.EmployeeId, p.Name, p.Email, p.Status == "left"))
            .Concat(directory.Where(d => !inFile.Contains(d.EmployeeId))).ToList();
        var managers = new ManagerFinder(mapping, candidates);
        var external = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var atTheTop = 0;
        var hasManager = mapping.ColumnOf(Manager) is not null;
        foreach (var (person, row) in people.Zip(table.Rows))
        {
            if (hasManager)
            {
                var value = t.Cell(row, Manager);
                (string Text, string Fix)? problem = null;
                string? outside = null;
                if (value.Length > 0) person.ManagerId = managers.Find(value, out problem, out outside);
                else person.ManagerId = "";
                if (problem is not null) t.Problem(row, Manager, value, problem.Value.Text, problem.Value.Fix);
                if (outside is not null) (external.TryGetValue(outside, out var list) ? list : external[outside] = []).Add(person.EmployeeId);
            }
            if (person.Status != "left" && string.IsNullOrEmpty(person.ManagerId)) atTheTop++;
        }
        return new()
        {
            Csv = Write(people, t.Present),
            RowOf = [.. table.Rows.Select(r => r.Row)],
            Notes = new([.. external.Select(e => new ExternalManager(e.Key, e.Value))], atTheTop),
        };
    }

    private static byte[] Write(List<Translator.Out> people, IReadOnlyList<string> columns)
    {
        using var output = new MemoryStream();
        using (var writer = CsvWriter.Create(output, new CsvWriterOptions(), leaveOpen: true))
        {
            writer.WriteHeader([.. columns]);
            foreach (var p in people) writer.WriteRecord([.. columns.Select(p.Value)]);
        }
        return output.ToArray();
    }

    /// <summary>Resolves a manager value to an employee id by the mapping's rule, or says why it cannot.</summary>
    private sealed class ManagerFinder(ImportMapping mapping, List<Candidate> candidates)
    {
        private readonly ILookup<string, Candidate> _byKey = candidates.ToLookup(c => mapping.ManagerBy switch
        {
            ManagerBy.Email => c.Email.Trim().ToLowerInvariant(),
            ManagerBy.Name => PersonName.Key(c.Name),
            _ => c.EmployeeId,
        }, StringComparer.Ordinal);

        private readonly HashSet<string> _external = mapping.ExternalManagers.Select(PersonName.Key).ToHashSet(StringComparer.Ordinal);

        public string Find(string value, out (string Text, string Fix)? problem, out string? external)
        {
            (problem, external) = (null, null);
            var key = mapping.ManagerBy switch { ManagerBy.Email => value.ToLowerInvariant(), ManagerBy.Name => PersonName.Key(value), _ => value };
            if (_external.Contains(PersonName.Key(value)))
            {
                external = value;
                return "";
            }
            var found = _byKey[key].ToList();
            // A name shared with someone who has left names the one still here.
            if (found.Count > 1 && found.Any(c => !c.Left)) found = [.. found.Where(c => !c.Left)];
            if (found.Count == 1) return found[0].EmployeeId;
            var by = mapping.ManagerBy switch { ManagerBy.Email => "email", ManagerBy.Name => "name", _ => "employee id" };
            problem = found.Count == 0
                ? ($"No person with the {by} \"{value}\" is in this file or in the directory.",
                    $"Correct the manager, add them as a row, or, if \"{value}\" is not an employee (such as a board), list it as an external manager in the mapping.")
                : ($"The name \"{value}\" fits {found.Count} people: {string.Join(", ", found.Select(c => $"{c.Name} ({c.EmployeeId})"))}.",
                    "Give managers by employee id or email in the mapping, or make the names in the file tell these people apart.");
            return "";
        }
    }
}

/// <summary>Names as HR files write them: "Last, First M", "First M Last", with stray spaces and any case.</summary>
public static class PersonName
{
    /// <summary>"Adinolfi, Wilson  K" → "Wilson K Adinolfi"; a name without a comma is only tidied.</summary>
    public static string FromLastFirst(string value)
    {
        var tidy = Tidy(value);
        var comma = tidy.IndexOf(',', StringComparison.Ordinal);
        return comma < 0 ? tidy : Tidy($"{tidy[(comma + 1)..]} {tidy[..comma]}");
    }

    public static string Tidy(string value) => string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The key two spellings of one name share: lower case, words in alphabetical order (so "Last, First" and "First Last"
    /// meet), single letters dropped (middle initials), punctuation ignored.
    /// </summary>
    public static string Key(string value) => string.Join(' ', value.ToLowerInvariant()
        .Split([' ', ',', '.', '\t'], StringSplitOptions.RemoveEmptyEntries)
        .Where(w => w.Length > 1).Order(StringComparer.Ordinal));
}
