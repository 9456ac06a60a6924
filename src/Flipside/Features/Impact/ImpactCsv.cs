using System.Globalization;
using System.Text;
using static Flipside.Features.Impact.ImpactView;

namespace Flipside.Features.Impact;

/// <summary>
/// The report as CSV, one figure per row, with the same numbers and the same "not reportable" sentences as the page:
/// a hidden figure's row carries the sentence and no n, mean or interval.
/// </summary>
public static class ImpactCsv
{
    public const string Header = "level,item,group,n,value,ci_low,ci_high,d_z,d_z_low,d_z_high,note";

    public static string Write(ImpactView view)
    {
        var csv = new StringBuilder().Append(Header).Append('\n');
        var whole = view.Cohort?.Label ?? "Program";
        void Row(string level, string item, string group, int? n, double? value, double? low = null, double? high = null,
            double? dz = null, double? dzLow = null, double? dzHigh = null, string? note = null) =>
            csv.AppendJoin(',', Field(level), Field(item), Field(group), n?.ToString(CultureInfo.InvariantCulture) ?? "",
                Number(value), Number(low), Number(high), Number(dz), Number(dzLow), Number(dzHigh), Field(note ?? "")).Append('\n');
        void ChangeRow(string item, string group, string? hidden, Change? c)
        {
            if (c is null) Row("Learning", item, group, null, null, note: hidden);
            else Row("Learning", item, group, c.N, c.Mean, c.Low, c.High, c.Dz, c.DzLow, c.DzHigh, c.Note);
        }
        void AverageRow(string item, Average a) => Row("Reaction", item, whole, a.N, a.Mean, note: a.NotReportable);

        AverageRow("Pulse: the meeting was useful (1-5)", view.Reaction.MeetingUseful);
        AverageRow("Pulse: I could speak openly (1-5)", view.Reaction.SpokeOpenly);
        AverageRow("Final: satisfaction", view.Reaction.Satisfaction);
        var r = view.Reaction.Recommend;
        Row("Reaction", "Final: recommend, % promoters minus % detractors", whole, r.N, r.Score, note: r.NotReportable);
        foreach (var s in view.Learning)
        {
            ChangeRow($"{s.Scale}: final - baseline", whole, s.NotReportable, s.Change);
            if (s.NotReportable is not null) continue;
            ChangeRow($"{s.Scale}: final - then (perceived change)", whole, s.ThenNotReportable, s.Perceived);
            ChangeRow($"{s.Scale}: then - baseline (response shift)", whole, s.ThenNotReportable, s.ResponseShift);
        }
        if (view.Cohort is null)
            foreach (var w in view.Waves)
                foreach (var s in w.Scales) ChangeRow($"{s.Scale}: final - baseline", w.Label, s.NotReportable, s.Change);
        if (view.Behaviour is not { } b) Row("Behaviour", "Pairs' follow-through", whole, null, null, note: view.BehaviourNotReportable);
        else foreach (var (item, count) in new[]
        {
            ("Pairings", b.Pairings), ("Goals", b.Goals), ("Goals met", b.GoalsMet), ("Milestones", b.Milestones), ("Milestones done", b.MilestonesDone),
            ("Meetings held", b.MeetingsHeld), ("Meetings expected by the cadence", b.MeetingsExpected),
            ("Leaders' action items", b.LeaderActionItems), ("Leaders' action items completed", b.LeaderActionItemsDone),
        })
            Row("Behaviour", item, whole, null, count);
        foreach (var o in view.Results)
            foreach (var m in o.Measures)
                Row("Results", $"{o.Title}: {m.Name}{(m.Unit.Length > 0 ? $" ({m.Unit})" : "")}", "Program", null, (double?)m.Current,
                    note: m.NotReportable ?? $"baseline {Dec(m.Baseline)}, target {Dec(m.Target)}, progress {(m.Progress is { } p ? $"{p:0.#}%" : "-")}");
        return csv.ToString();
    }

    private static string Dec(decimal? d) => d?.ToString("0.####", CultureInfo.InvariantCulture) ?? "-";

    private static string Number(double? d) => d is { } v && double.IsFinite(v) ? v.ToString("0.##", CultureInfo.InvariantCulture) : "";

    /// <summary>Quoted when needed; a leading =, +, - or @ is prefixed so a spreadsheet never runs a name as a formula.</summary>
    private static string Field(string text)
    {
        if (text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal)) text = "'" + text;
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{text.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : text;
    }
}
