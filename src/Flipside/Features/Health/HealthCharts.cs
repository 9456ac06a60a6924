using System.Globalization;
using Flipside.Domain;

namespace Flipside.Features.Health;

/// <summary>
/// The health page's charts as data for the server-drawn SVG (_Chart.cshtml): each a horizontal bar per row, an
/// optional outline for the target beside it, the sentence that sums it up and the table that carries the same numbers.
/// A figure not shown for anonymity draws no bar and says why in the table.
/// </summary>
public static class HealthCharts
{
    public sealed record Bar(string Label, double? Value, double? Target, string ValueText, string? TargetText, string? Note);

    public sealed record Chart(string Id, string Title, string Description, string Summary, string ValueHeading, string? TargetHeading, double Max,
        IReadOnlyList<Bar> Bars)
    {
        public const int Width = 640, LabelWidth = 200, RowHeight = 30, BarHeight = 16;
        public int Height => Math.Max(1, Bars.Count) * RowHeight + 10;
        public double Scale(double value) => Max <= 0 ? 0 : Math.Round(value / Max * (Width - LabelWidth - 70), 1);
    }

    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static Chart Meetings(HealthReport r)
    {
        var bars = r.Cohorts.Select(c => new Bar(c.Name, c.MeetingsHeld, c.MeetingsExpected, c.MeetingsHeld.ToString(Invariant),
            c.MeetingsExpected.ToString(Invariant), null)).ToList();
        var (held, expected) = (r.Cohorts.Sum(c => c.MeetingsHeld), r.Cohorts.Sum(c => c.MeetingsExpected));
        var summary = expected == 0 ? "No meeting is expected yet: no pairing has run a full cadence."
            : $"{Words.Count(held, "meeting")} held of {expected} expected by now ({Math.Round(100.0 * held / expected)}%), one every {Words.Count(r.CadenceWeeks, "week")} per pair.";
        return new("meetings", "Meetings held against the cadence", "Bars show meetings held per cohort; the outline shows how many the cadence expects by now.",
            summary, "Held", "Expected", Math.Max(1, bars.Select(b => Math.Max(b.Value ?? 0, b.Target ?? 0)).DefaultIfEmpty(0).Max()), bars);
    }

    public static Chart Responses(HealthReport r)
    {
        var bars = r.Surveys.Select(s => new Bar($"{s.CohortName}: {s.Title}", s.Percent, null, s.Percent is { } p ? $"{p}% ({s.Answered} of {s.Enrolled})" : "nobody enrolled",
            null, null)).ToList();
        var summary = r.Surveys.Count == 0 ? "No survey has been opened yet."
            : $"{Words.Count(r.Surveys.Count, "survey")}; response rates from {r.Surveys.Min(s => s.Percent ?? 0)}% to {r.Surveys.Max(s => s.Percent ?? 0)}%.";
        return new("responses", "Survey response rates", "Bars show the share of enrolled people who answered each survey.", summary, "Answered", null, 100, bars);
    }

    public static Chart Pulse(HealthReport r)
    {
        var bars = r.PulseTrend.Select(m => new Bar(m.Month.ToString("MMMM yyyy", Invariant), m.Useful.Mean, null,
            m.Useful.Mean is { } mean ? $"{mean.ToString("0.00", Invariant)} ({m.Useful.Respondents} people)" : "not shown", null, m.Useful.NotShownBecause)).ToList();
        var shown = r.PulseTrend.Where(m => m.Useful.Mean is not null).ToList();
        var summary = r.PulseTrend.Count == 0 ? "No pulse has been given yet."
            : shown.Count == 0 ? $"No month has enough answers to show: each needs at least {r.Threshold} people."
            : $"\"The meeting was useful\" averaged {shown[^1].Useful.Mean!.Value.ToString("0.00", Invariant)} of 5 in {shown[^1].Month.ToString("MMMM yyyy", Invariant)}"
              + (shown.Count > 1 ? $", against {shown[0].Useful.Mean!.Value.ToString("0.00", Invariant)} in {shown[0].Month.ToString("MMMM yyyy", Invariant)}." : ".");
        return new("pulse", "Pulse by month: \"the meeting was useful\"", $"Bars show the program's average pulse per month on a scale of 1 to 5; a month with fewer than {r.Threshold} people, or one that would single people out against another figure, is not drawn.",
            summary, "Average of 5", null, 5, bars);
    }
}
