using Flipside.Data;
using Flipside.Domain;
using Microsoft.EntityFrameworkCore;

namespace Flipside.Features.Health;

/// <summary>
/// The pulse averages of a program, its cohorts and its months, all passed through
/// <see cref="Anonymity.GateByPeriod{TKey, TPeriod}"/> in one call per question (a pulse's pseudonym changes every
/// month), so that no visible average rests on fewer than k people and no two visible groups differ by fewer than k.
/// Only completed calendar months count: a month still under way would change its average as each answer arrives, and
/// two readings a day apart would describe the one person in between. One grouped query feeds them all: each person's
/// answers summed per month and cohort, by pseudonym only.
/// </summary>
public sealed class PulseFigures
{
    private readonly Dictionary<Group, HealthReport.Pulse> _useful;
    private readonly Dictionary<Group, HealthReport.Pulse> _open;

    private sealed record Group(Guid? CohortId, DateOnly? Month);

    private sealed record Sums(DateOnly Month, Guid CohortId, string Pseudonym, int Useful, int UsefulCount, int Open, int OpenCount);

    private PulseFigures(Dictionary<Group, HealthReport.Pulse> useful, Dictionary<Group, HealthReport.Pulse> open, IReadOnlyList<HealthReport.MonthPulse> trend) =>
        (_useful, _open, Trend) = (useful, open, trend);

    public IReadOnlyList<HealthReport.MonthPulse> Trend { get; }

    /// <summary>The program's average (null) or a cohort's.</summary>
    public HealthReport.Pulse Useful(Guid? cohortId) => _useful[new(cohortId, null)];

    public HealthReport.Pulse SpokeOpenly(Guid? cohortId) => _open[new(cohortId, null)];

    public static async Task<PulseFigures> Of(Guid programId, IReadOnlyList<Guid> cohortIds, int k, DateTimeOffset now, FlipsideDb db, CancellationToken ct)
    {
        var thisMonth = new DateOnly(now.Year, now.Month, 1);
        var sums = await db.PulseAnswers.Where(a => a.ProgramId == programId && a.Month < thisMonth)
            .GroupBy(a => new { a.Month, a.CohortId, a.Pseudonym })
            .Select(g => new Sums(g.Key.Month, g.Key.CohortId, g.Key.Pseudonym, g.Sum(a => a.Useful), g.Count(),
                g.Sum(a => a.SpokeOpenly ?? 0), g.Count(a => a.SpokeOpenly != null)))
            .ToListAsync(ct);
        var months = sums.Select(s => s.Month).Distinct().Order().ToList();
        var groups = new List<(Group Key, Func<Sums, bool> In)> { (new(null, null), _ => true) };
        groups.AddRange(cohortIds.Select(c => (new Group(c, null), (Func<Sums, bool>)(s => s.CohortId == c))));
        groups.AddRange(months.Select(m => (new Group(null, m), (Func<Sums, bool>)(s => s.Month == m))));

        var useful = Gate(groups, sums, k, s => s.UsefulCount > 0, s => (s.Useful, s.UsefulCount));
        var open = Gate(groups, sums, k, s => s.OpenCount > 0, s => (s.Open, s.OpenCount));
        return new(useful, open, [.. months.Select(m => new HealthReport.MonthPulse(m, useful[new(null, m)], open[new(null, m)]))]);
    }

    private static Dictionary<Group, HealthReport.Pulse> Gate(List<(Group Key, Func<Sums, bool> In)> groups, List<Sums> sums, int k,
        Func<Sums, bool> answered, Func<Sums, (int Sum, int Count)> value)
    {
        var candidates = groups.Select(g => (g.Key, Rows: sums.Where(s => answered(s) && g.In(s)).ToList())).ToList();
        var verdicts = Anonymity.GateByPeriod([.. candidates.Select(c => (c.Key, (IReadOnlyDictionary<DateOnly, IReadOnlySet<string>>)c.Rows.GroupBy(r => r.Month)
            .ToDictionary(m => m.Key, m => (IReadOnlySet<string>)m.Select(r => r.Pseudonym).ToHashSet(StringComparer.Ordinal))))], k);
        return candidates.Zip(verdicts).ToDictionary(x => x.First.Key, x =>
        {
            if (!x.Second.Shown) return new HealthReport.Pulse(null, null, x.Second.HiddenBecause);
            var (sum, count) = x.First.Rows.Select(value).Aggregate((0, 0), (a, v) => (a.Item1 + v.Sum, a.Item2 + v.Count));
            return new HealthReport.Pulse(Math.Round((double)sum / count, 2), x.Second.Respondents, null);
        });
    }
}
