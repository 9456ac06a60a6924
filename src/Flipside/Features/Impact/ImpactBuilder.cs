using Flipside.Domain;
using Flipside.Features.Sessions;
using static Flipside.Features.Impact.ImpactView;

namespace Flipside.Features.Impact;

/// <summary>
/// Computes the report from loaded data, in memory: Kirkpatrick's four levels for the program (or one wave of it), and
/// the waves side by side. A wave's report is refused, with the sentence why, when the wave's respondents would be
/// hidden beside the program's.
/// </summary>
public static class ImpactBuilder
{
    public static (ImpactView? View, string? Refused) Build(ImpactData data, DateTimeOffset now, Guid? wave = null)
    {
        var k = data.Threshold;
        var waves = data.Waves;
        var scores = Learning.Score(data);
        var (learning, byWave) = Learning.Changes(scores, waves, k);
        var respondents = Respondents(data, waves, k);
        var withheld = Learning.Withheld(scores, waves, k);
        var pairsHidden = PairsHidden(data, waves, k);
        var columns = waves.Select((w, i) => new CohortColumn(w.Id, w.Name, ImpactData.Label(i), w.StartsOn, respondents[w.Id], byWave[w.Id],
            pairsHidden[w.Id] is null ? Behaviour(data.Pairings.Where(p => p.CohortId == w.Id), data.Program.CadenceWeeks, now) : null, pairsHidden[w.Id])).ToList();
        if (wave is { } id)
        {
            var column = columns.Single(c => c.CohortId == id);
            if (column.NotReportable is { } why) return (null, why);
            var mine = column.Scales.Select(s => new ScaleChange(s.Scale, s.NotReportable, s.Change, s.NotReportable is null ? ByWaveThen : null, null, null)).ToList();
            return (new(data.Program.Id, data.Program.Name, k, now, new(column.CohortId, column.Name, column.Label), Reaction.Of(data, id, k), mine,
                column.Behaviour, column.BehaviourNotReportable, Results(data, scores, withheld, pairsHidden[Guid.Empty], k), [column]), null);
        }
        return (new(data.Program.Id, data.Program.Name, k, now, null, Reaction.Of(data, null, k), learning,
            pairsHidden[Guid.Empty] is null ? Behaviour(data.Pairings, data.Program.CadenceWeeks, now) : null, pairsHidden[Guid.Empty],
            Results(data, scores, withheld, pairsHidden[Guid.Empty], k), columns), null);
    }

    public const string ByWaveThen = "The then-test is reported for the whole program only.";

    /// <summary>Each wave's survey respondents, gated beside the program's: what decides whether a wave's own report may be given.</summary>
    private static Dictionary<Guid, string?> Respondents(ImpactData data, IReadOnlyList<Cohort> waves, int k)
    {
        var cohortOf = data.Surveys.ToDictionary(s => s.Id, s => s.CohortId);
        var byWave = data.Responses.Where(r => cohortOf.ContainsKey(r.SurveyId)).GroupBy(r => cohortOf[r.SurveyId])
            .ToDictionary(g => g.Key, g => Gating.Set(g.Select(r => r.Pseudonym)));
        var groups = new List<RespondentGroup<int>> { new(-1, Gating.Set(byWave.Values.SelectMany(s => s))) };
        groups.AddRange(waves.Select((w, i) => new RespondentGroup<int>(i, byWave.GetValueOrDefault(w.Id) ?? Gating.Set([]))));
        var verdicts = Anonymity.Gate(groups, k);
        return waves.Select((w, i) => (w.Id, verdicts[i + 1].HiddenBecause)).ToDictionary(x => x.Id, x => x.HiddenBecause);
    }

    /// <summary>
    /// Why the behaviour counts of the program (key <see cref="Guid.Empty"/>) and of each wave are hidden, if they are:
    /// they are counted over pairs, so they are gated by pairs, each wave beside the program like every other figure.
    /// </summary>
    private static Dictionary<Guid, string?> PairsHidden(ImpactData data, IReadOnlyList<Cohort> waves, int k)
    {
        var groups = new List<RespondentGroup<Guid>> { new(Guid.Empty, Gating.Set(data.Pairings.Select(p => p.Id.ToString("N")))) };
        groups.AddRange(waves.Select(w => new RespondentGroup<Guid>(w.Id, Gating.Set(data.Pairings.Where(p => p.CohortId == w.Id).Select(p => p.Id.ToString("N"))))));
        return Anonymity.Gate(groups, k).ToDictionary(v => v.Key, v => v.HiddenBecause);
    }

    private static BehaviourLevel Behaviour(IEnumerable<PairingFacts> pairings, int cadenceWeeks, DateTimeOffset now)
    {
        var list = pairings.ToList();
        return new(list.Count, list.Sum(p => p.Goals), list.Sum(p => p.GoalsMet), list.Sum(p => p.Milestones), list.Sum(p => p.MilestonesDone),
            list.Sum(p => p.MeetingsHeld), list.Sum(p => Ledger.Expected(p.PublishedAt, cadenceWeeks, p.EndedAt ?? now)),
            list.Sum(p => p.LeaderItems), list.Sum(p => p.LeaderItemsDone));
    }

    private static List<ObjectiveResult> Results(ImpactData data, Learning.Scores scores, IReadOnlyDictionary<string, string> withheld, string? pairsHidden, int k)
    {
        var values = data.Values.GroupBy(v => v.MeasureId).ToDictionary(g => g.Key,
            g => g.OrderByDescending(v => v.MeasuredOn).ThenByDescending(v => v.RecordedAt).ToList());
        var raisedBy = Gating.Set(data.Insights.Select(i => i.PairingId.ToString("N")));
        var ideasHidden = Gating.Alone(raisedBy, k);
        return [.. data.Program.Objectives.OrderBy(o => o.Position).Select(o => new ObjectiveResult(o.Title, [.. o.Measures.OrderBy(m => m.Position).Select(m =>
        {
            var history = values.GetValueOrDefault(m.Id) ?? [];
            var (baseline, current, on, hidden) = m.Source switch
            {
                MeasureSource.SurveyScale => withheld.TryGetValue(m.Scale, out var why) ? (m.Baseline, null, null, why) : FromScale(m, scores, k),
                MeasureSource.MeetingsHeld => (m.Baseline, pairsHidden is null ? data.Pairings.Sum(p => p.MeetingsHeld) : (decimal?)null, (DateOnly?)null, pairsHidden),
                MeasureSource.IdeasRaised => (m.Baseline, ideasHidden is null ? data.Insights.Count : (decimal?)null, null, ideasHidden),
                MeasureSource.IdeasAdopted => (m.Baseline, ideasHidden is null ? data.Insights.Count(i => i.Status == InsightStatus.Adopted) : (decimal?)null, null, ideasHidden),
                _ => (m.Baseline, history.FirstOrDefault()?.Value, history.FirstOrDefault()?.MeasuredOn, null),
            };
            return new MeasureResult(m.Id, m.Name, m.Unit, m.Source, m.Scale, baseline, current, on, m.Target,
                ImpactStatistics.Progress(baseline, current, m.Target) is { } progress ? Math.Round(progress, 2) : null, hidden, [.. history.Select(v => new Value(v.MeasuredOn, v.Value, v.Note))]);
        })]))];
    }

    /// <summary>The mean of the final's scale over everyone who answered it (and of the baseline's, when no baseline was entered), k-gated.</summary>
    private static (decimal? Baseline, decimal? Current, DateOnly? On, string? Hidden) FromScale(Measure m, Learning.Scores scores, int k)
    {
        static (decimal? Mean, string? Hidden) Mean(IEnumerable<(string Pseudonym, double Score)> scored, int k)
        {
            var list = scored.ToList();
            var hidden = Gating.Alone(Gating.Set(list.Select(s => s.Pseudonym)), k);
            return hidden is null ? (Math.Round((decimal)list.Average(s => s.Score), 2), null) : (null, hidden);
        }
        var current = Mean(scores.Final.Where(f => f.Value.Now.ContainsKey(m.Scale)).Select(f => (f.Key.Pseudonym, f.Value.Now[m.Scale])), k);
        var baseline = m.Baseline is { } entered ? (entered, null)
            : Mean(scores.Baseline.Where(b => b.Value.ContainsKey(m.Scale)).Select(b => (b.Key.Pseudonym, b.Value[m.Scale])), k);
        return (baseline.Item1, current.Mean, null, current.Hidden ?? baseline.Item2);
    }
}
