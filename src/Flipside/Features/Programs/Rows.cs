namespace Flipside.Features.Programs;

/// <summary>
/// Saves a repeating group (objectives, measures) onto the stored rows by position, so rows that stay keep
/// their ids (later results refer to them); extra stored rows are removed, extra inputs become new rows.
/// </summary>
internal static class Rows
{
    public static void Sync<TInput, TRow>(List<TRow> stored, Func<TRow, int> position, List<TInput> inputs, Action<TInput, TRow, int> apply)
        where TRow : new()
    {
        var existing = stored.OrderBy(position).ToList();
        foreach (var gone in existing.Skip(inputs.Count)) stored.Remove(gone);
        for (var i = 0; i < inputs.Count; i++)
        {
            var row = i < existing.Count ? existing[i] : new TRow();
            apply(inputs[i], row, i);
            if (i >= existing.Count) stored.Add(row);
        }
    }
}
