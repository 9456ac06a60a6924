namespace Flipside.Features.People;

/// <summary>A dry run's preview as plain lines for the console: one line per updated person, one per leaver.</summary>
internal static class ImportPreviewText
{
    public static void Write(ImportPeople.Report report, TextWriter output)
    {
        foreach (var change in report.Changes)
            output.WriteLine($"Update {change.EmployeeId} ({change.Name}): {string.Join("; ", change.Fields.Select(Describe))}");
        foreach (var leaver in report.Leaving)
            output.WriteLine($"Mark as left {leaver.EmployeeId} ({leaver.Name})");
        if (report.Mapping?.Notes is not { } notes) return;
        foreach (var external in notes.ExternalManagers)
            output.WriteLine($"External manager \"{external.Name}\": {string.Join(", ", external.Reports)}");
        output.WriteLine($"People at the top of the organisation (no manager): {notes.AtTheTop}");
    }

    public static string Describe(FieldChange f) => $"{f.Field} \"{f.Old}\" → \"{f.New}\"";
}
